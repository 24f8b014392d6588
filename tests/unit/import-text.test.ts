// `npm run import`'s reading of the text: sentences, slugs, cited outlets and names that match no actor.
import { describe, expect, it } from 'vitest';
import { buildDraft, findCandidates, findCites, slugify, splitSentences, splitSource } from '../../src/input/import/draft.ts';
import { buildMentionMatcher, type NamedActor } from '../../src/language/mentions.ts';

const actor = (en: string, ru: string, aliasesRu: string[] = []): NamedActor => ({ data: { name: { en, ru }, aliases: { en: [], ru: aliasesRu } } });
const matcher = buildMentionMatcher(
	new Map([
		['russia', actor('Russia', 'Россия', ['Москва'])],
		['mali-junta', actor('Mali junta', 'Малийская хунта', ['хунта'])],
		['the-washington-post', actor('The Washington Post', 'The Washington Post')],
	]),
);

describe('sentences', () => {
	it('splits at sentence ends but not after abbreviations and initials', () => {
		expect(splitSentences('The U.S. envoy met Mr. Diop in Bamako. He left on Sept. 5. Later, Gen. J. Smith spoke.', 'en').map((s) => s.text)).toEqual([
			'The U.S. envoy met Mr. Diop in Bamako.',
			'He left on Sept. 5.',
			'Later, Gen. J. Smith spoke.',
		]);
		expect(splitSentences('В 2021 г. хунта пришла к власти. Ген. Гоита выступил, т.е. заявил о планах. Россия молчит.', 'ru').map((s) => s.text)).toEqual([
			'В 2021 г. хунта пришла к власти.',
			'Ген. Гоита выступил, т.е. заявил о планах.',
			'Россия молчит.',
		]);
	});

	it('keeps offsets into the text and numbers paragraphs', () => {
		const text = 'Первое. Второе.\n\nТретье.';
		const sentences = splitSentences(text, 'ru');
		expect(sentences.map((s) => [s.text, text.slice(s.start, s.start + s.text.length), s.paragraph])).toEqual([
			['Первое.', 'Первое.', 0],
			['Второе.', 'Второе.', 0],
			['Третье.', 'Третье.', 1],
		]);
	});
});

describe('file name and source', () => {
	it('transliterates a Russian title into a slug of at most six words', () => {
		expect(slugify('Администрация Трампа активизировала сотрудничество с хунтой в Мали')).toBe('administratsiya-trampa-aktivizirovala-sotrudnichestvo-s-khuntoy');
		expect(slugify('US lifts sanctions on Belavia!')).toBe('us-lifts-sanctions-on-belavia');
	});

	it('takes a leading "date YYYY-MM-DD" marker off the text and keeps the rest byte for byte', () => {
		expect(splitSource(' date 2025-09-15 Текст\n\nВторой абзац.')).toEqual({ date: '2025-09-15', text: 'Текст\n\nВторой абзац.' });
		expect(splitSource('Текст без даты.')).toEqual({ text: 'Текст без даты.' });
	});

	it('names the file after the title when given, else after the first line', () => {
		const text = 'Хунта сблизилась с Москвой.\n\nВторой абзац.';
		const published = new Date('2025-09-15T00:00:00Z');
		expect(buildDraft({ text, published, lang: 'ru', matcher }).slug).toBe('2025-09-15-khunta-sblizilas-s-moskvoy');
		expect(buildDraft({ text, published, lang: 'ru', matcher, title: 'Мали и Россия' }).slug).toBe('2025-09-15-mali-i-rossiya');
	});
});

describe('cites', () => {
	it('finds outlets after "по данным", "сообщает", "как пишет", most cited first, by the known actor name', () => {
		const sentences = splitSentences(
			'Хунта сблизилась с Москвой, сообщает The Washington Post. По данным источников The Washington Post, это так. Как пишет «Коммерсантъ», нет. По данным источников, всё иначе.',
			'ru',
		);
		expect(findCites(sentences, 'ru', matcher).map((c) => [c.outlet, c.count])).toEqual([
			['The Washington Post', 2],
			['Коммерсантъ', 1],
		]);
	});

	it('finds "according to X" and "X reported" in English', () => {
		const sentences = splitSentences('The junta moved closer to Moscow, according to Reuters. The New York Times reported the deal.', 'en');
		expect(findCites(sentences, 'en', matcher).map((c) => c.outlet)).toEqual(['Reuters', 'The New York Times']);
	});
});

describe('actor candidates', () => {
	it('lists unknown names with counts, grouping inflected forms, and skips sentence-initial common words', () => {
		const text = 'Теперь хунта наняла ЧВК «Редут». Бойцы «Редута» прибыли в Москву. Теперь Абдулай Диоп доволен; Абдулай Диоп так и сказал. По оценкам СМИ, это важно.';
		const candidates = findCandidates(text, splitSentences(text, 'ru'), matcher, 'ru');
		expect(candidates.map((c) => [c.name, c.count])).toEqual([
			['ЧВК «Редут»', 2],
			['Абдулай Диоп', 2],
		]);
		expect(candidates[0]!.sentence).toBe('Теперь хунта наняла ЧВК «Редут».');
		expect(candidates[0]!.command).toBe('npm run new-actor -- redut --en "Redut" --ru "ЧВК «Редут»"');
	});

	it('never proposes a known actor, whatever its case', () => {
		const text = 'Москвой довольны. Хунтой тоже. The Washington Post пишет.';
		expect(findCandidates(text, splitSentences(text, 'ru'), matcher, 'ru')).toEqual([]);
	});
});
