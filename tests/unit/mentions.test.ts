import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/input/check.ts';
import { buildMentionMatcher, findMentions, type MentionMatcher, type NamedActor } from '../../src/language/mentions.ts';

let matcher: MentionMatcher;
beforeAll(() => {
	matcher = buildMentionMatcher(checkContent('content').actors);
});

/** The (actor, text) pairs found, in order. */
function found(text: string, m = matcher): [string, string][] {
	return findMentions(text, m).map((mention) => [mention.actorId, mention.matched]);
}

function actor(en: string, ru: string, aliases: { en?: string[]; ru?: string[] } = {}): NamedActor {
	return { data: { name: { en, ru }, aliases: { en: aliases.en ?? [], ru: aliases.ru ?? [] } } };
}

describe('findMentions on sentences of the first article', () => {
	it('finds Москвой (instrumental) as Russia', () => {
		const text = 'Издание напоминает, что после переворота 2021 года и прихода к власти полковника Ассими Гоиты Мали выстраивала военное сотрудничество с Москвой.';
		expect(found(text)).toEqual([
			['assimi-goita', 'Ассими Гоиты'],
			// Mali the state, which the text names here, not its junta.
			['mali', 'Мали'],
			['russia', 'Москвой'],
		]);
	});

	it('finds хунтой, США and малийской армии', () => {
		const text =
			'По данным источников The Washington Post, США начали обмен разведывательной информацией с хунтой, чтобы помочь малийской армии сдерживать наступление исламистских группировок, связанных с «Аль-Каидой» и «Исламским государством».';
		expect(found(text)).toEqual([
			['the-washington-post', 'The Washington Post'],
			['us', 'США'],
			['mali-junta', 'хунтой'],
			['malian-armed-forces', 'малийской армии'],
			['al-qaeda', 'Аль-Каидой'],
			['islamic-state', 'Исламским государством'],
		]);
	});

	it('finds ЧВК «Вагнер» and «Африка Корпус», quotes balanced', () => {
		const text =
			'После прихода к власти Гоиты в стране работали наемники ЧВК «Вагнер», а после смерти Евгения Пригожина их заменила новая российская структура «Африка Корпус».';
		expect(found(text)).toEqual([
			['assimi-goita', 'Гоиты'],
			['wagner-group', 'ЧВК «Вагнер»'],
			['yevgeny-prigozhin', 'Евгения Пригожина'],
			['russia', 'российская'],
			['africa-corps', 'Африка Корпус'],
		]);
	});

	it('finds «Белавиа», Минском and the longest name at each word', () => {
		const text =
			'На прошлой неделе представитель президента Дональда Трампа Джон Коул объявил о снятии санкций с белорусской авиакомпании «Белавиа» после освобождения Минском десятков политзаключенных.';
		expect(found(text)).toEqual([
			['donald-trump', 'Дональда Трампа'],
			['john-coale', 'Джон Коул'],
			['belarus', 'белорусской'],
			['belavia', 'Белавиа'],
			['belarus', 'Минском'],
		]);
	});

	it('finds ЦРУ and a long multi-word name ending in the acronym США; Bamako, a place, is no actor', () => {
		expect(found('По данным источников, ЦРУ уже получило расширенные полномочия для обмена разведданными с Мали.')).toEqual([
			['cia', 'ЦРУ'],
			['mali', 'Мали'],
		]);
		expect(found('заместитель старшего директора Совета национальной безопасности США по борьбе с терроризмом Рудольф Аталла посетил Бамако')).toEqual([
			['us-national-security-council', 'Совета национальной безопасности США'],
			['rudolph-atallah', 'Рудольф Аталла'],
		]);
	});

	it('returns offsets that slice back to the matched text', () => {
		const text = 'Теперь на сближение с республикой пошел и Вашингтон.';
		const [mention] = findMentions(text, matcher);
		expect(text.slice(mention.start, mention.end)).toBe('Вашингтон');
		expect(mention.actorId).toBe('us');
	});
});

describe('findMentions rules', () => {
	const small = buildMentionMatcher(
		new Map([
			['russia', actor('Russia', 'Россия', { ru: ['Москва', 'РФ'], en: ['Moscow'] })],
			['army', actor('Malian army', 'Малийская армия')],
			['junta', actor('Mali junta', 'Малийская хунта', { ru: ['Мали', 'хунта'], en: ['Mali'] })],
			['us', actor('United States', 'США', { en: ['US'] })],
			['is', actor('Islamic State', 'Исламское государство', { ru: ['ИГ'], en: ['IS'] })],
			['atallah', actor('Rudolph Atallah', 'Рудольф Аталла', { en: ['Atallah'] })],
			['wagner', actor('Wagner Group', 'ЧВК «Вагнер»', { ru: ['«Вагнер»'] })],
		]),
	);

	it('stems every word of a Russian name: малийской армии from малийская армия alone', () => {
		expect(found('помочь малийской армии сдерживать', small)).toEqual([['army', 'малийской армии']]);
		expect(found('с Москвой и Москве, о хунте и хунтой', small)).toEqual([
			['russia', 'Москвой'],
			['russia', 'Москве'],
			['junta', 'хунте'],
			['junta', 'хунтой'],
		]);
	});

	it('matches a short stem only as the whole word: Мали, not мало', () => {
		expect(found('мало кто знал, что Мали и МАЛИ', small)).toEqual([
			['junta', 'Мали'],
			['junta', 'МАЛИ'],
		]);
	});

	it('matches short acronyms exactly and case-sensitively', () => {
		expect(found('США и РФ, ИГ', small)).toEqual([
			['us', 'США'],
			['russia', 'РФ'],
			['is', 'ИГ'],
		]);
		expect(found('let us say this is it; сша, рф', small)).toEqual([]);
		expect(found('The US says IS fighters', small)).toEqual([
			['us', 'US'],
			['is', 'IS'],
		]);
	});

	it('matches English names case-insensitively by whole words, with possessive and plural', () => {
		expect(found("MOSCOW and moscow; Atallah's visit; two Russias", small)).toEqual([
			['russia', 'MOSCOW'],
			['russia', 'moscow'],
			['atallah', "Atallah's"],
			['russia', 'Russias'],
		]);
		expect(found('Muscovites, Atallahi, Russian', small)).toEqual([]);
	});

	it('uses Unicode word boundaries', () => {
		expect(found('Москвапорт и сверхМосква', small)).toEqual([]);
		expect(found('(Москва)—Мали', small)).toEqual([
			['russia', 'Москва'],
			['junta', 'Мали'],
		]);
	});

	it('prefers the longest name and never overlaps', () => {
		expect(found('наемники ЧВК «Вагнер» и «Вагнер»', small)).toEqual([
			['wagner', 'ЧВК «Вагнер»'],
			['wagner', 'Вагнер'],
		]);
		const mentions = findMentions('малийская хунта', small);
		expect(mentions).toHaveLength(1);
		expect(mentions[0]).toMatchObject({ actorId: 'junta', matched: 'малийская хунта' });
	});

	it('does not join the words of a name across a sentence end', () => {
		expect(found('Это малийская. Армия пришла', small)).toEqual([]);
	});
});

// Speed is measured by `npm run bench:check` (mention warnings are part of the check), not in a timed unit test.
describe('findMentions on a long text', () => {
	it('finds the same mentions in every repeat of a sentence, at the right offsets', () => {
		const sentence =
			'Россия, под информации газеты, остается главным военным партнером Мали, что подтверждал ранее и Владимир Путин. ';
		const repeats = Math.ceil(5000 / sentence.length);
		const once = findMentions(sentence, matcher);
		expect(once.length).toBeGreaterThan(1);
		const all = findMentions(sentence.repeat(repeats), matcher);
		expect(all).toHaveLength(once.length * repeats);
		all.forEach((m, i) => expect(m.start - once[i % once.length]!.start).toBe(Math.floor(i / once.length) * sentence.length));
	});
});
