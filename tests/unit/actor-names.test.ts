// Names shown on actor pages are names: every actor file in content/actors/ is held to rules that need no list
// of the repo's own names, and the rules are first shown to catch the forms the actor files used to list as names.
import { resolve } from 'node:path';
import transliterate from '@sindresorhus/transliterate';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/input/check.ts';
import { nameKeys } from '../../src/language/mentions.ts';
import { shownNames, type ActorData } from '../../src/schema/actor.ts';

const repo = resolve(import.meta.dirname, '../..');

type Named = Pick<ActorData, 'name' | 'aliases' | 'kind'>;

/**
 * Why a shown name is not a name, or nothing:
 * - a word form of another shown name of the actor: the same words under the Russian Snowball stemmer (ё as е,
 *   quotes ignored; English loses a plural or possessive "s") — Вашингтоном beside Вашингтон, «Вагнер» beside Вагнер;
 * - no capital letter: proper names are capitalised in Russian and English, common nouns and adjectives are not
 *   (хунта, американский, малийская армия, congressional delegations);
 * - one English word with a demonym ending (-ian, -ean, -ese, -ish) for an actor that is not a person: an
 *   adjective (Belarusian, Malian);
 * - for an actor that is not a state, a place the articles' events happen in (Mali, Bamako; a Russian name is
 *   compared transliterated, so Бамако too): a place is where an actor acts, not the actor.
 */
function notNames(actor: Named, places: ReadonlySet<string>): string[] {
	const found: string[] = [];
	for (const lang of ['en', 'ru'] as const) {
		const seen = new Map<string, string>();
		for (const name of shownNames(actor, lang)) {
			const keys = nameKeys(name);
			if (keys && seen.has(keys)) found.push(`${name}: a form of ${seen.get(keys)}`);
			else if (keys) seen.set(keys, name);
			if (!/\p{Lu}/u.test(name)) found.push(`${name}: no capital letter, so not a proper name`);
			if (lang === 'en' && actor.kind !== 'person' && /^\p{L}+(?:ian|ean|ese|ish)$/u.test(name)) found.push(`${name}: an adjective`);
			if (actor.kind !== 'state' && places.has(transliterate(name).toLowerCase())) found.push(`${name}: a place of an event`);
		}
	}
	return found;
}

const { actors, articles, problems } = checkContent(resolve(repo, 'content'), repo);
const places = new Set(articles.flatMap((a) => a.data.events.map((e) => e.place?.toLowerCase())).filter((p): p is string => !!p));

describe('the rules for shown names', () => {
	// The shown lists of three actors as they were before names and forms were separated.
	const before: Record<string, Named> = {
		us: {
			kind: 'state',
			name: { en: 'United States', ru: 'США' },
			aliases: {
				en: ['US', 'USA', 'Washington', 'Trump administration'],
				ru: ['Соединённые Штаты', 'Соединенные Штаты', 'Вашингтон', 'Вашингтоном', 'Вашингтона', 'американских', 'американский', 'американские', 'американской', 'администрация Трампа', 'администрации Трампа'],
			},
		},
		'mali-junta': {
			kind: 'government',
			name: { en: 'Mali junta', ru: 'Малийская хунта' },
			aliases: { en: ['Mali', 'Malian junta', 'Malian authorities', 'Bamako'], ru: ['Мали', 'хунта', 'хунтой', 'хунты', 'хунте', 'хунту', 'малийские власти', 'малийскими властями', 'Бамако'] },
		},
		belarus: { kind: 'state', name: { en: 'Belarus', ru: 'Беларусь' }, aliases: { en: ['Minsk', 'Belarusian'], ru: ['Беларуси', 'Белоруссия', 'Минск', 'Минском', 'белорусской', 'белорусский'] } },
	};

	it('catch the forms the actor files listed as names', () => {
		const us = notNames(before.us!, places);
		for (const form of ['Соединенные Штаты', 'Вашингтоном', 'Вашингтона', 'американский', 'американские', 'администрации Трампа']) expect(us.some((f) => f.startsWith(`${form}:`)), form).toBe(true);
		const junta = notNames(before['mali-junta']!, places);
		for (const form of ['Mali', 'Bamako', 'Мали', 'Бамако', 'хунта', 'хунтой', 'малийские власти', 'малийскими властями']) expect(junta.some((f) => f.startsWith(`${form}:`)), form).toBe(true);
		expect(notNames(before.belarus!, places)).toEqual(expect.arrayContaining(['Belarusian: an adjective', 'белорусский: no capital letter, so not a proper name', 'Минском: a form of Минск']));
	});

	it('leave real names alone: acronyms, quoted names, spelling variants, metonyms, a state named as its territory', () => {
		expect(notNames({ kind: 'state', name: { en: 'Russia', ru: 'Россия' }, aliases: { en: ['Moscow', 'Kremlin', 'Russian Federation'], ru: ['Москва', 'Кремль', 'РФ'] } }, places)).toEqual([]);
		expect(notNames({ kind: 'armed-group', name: { en: 'Al-Qaeda', ru: '«Аль-Каида»' }, aliases: { en: ['al-Qaida'], ru: [] } }, places)).toEqual([]);
		expect(notNames({ kind: 'state', name: { en: 'Mali', ru: 'Мали' }, aliases: { en: [], ru: [] } }, places)).toEqual([]);
		expect(notNames({ kind: 'person', name: { en: 'Adrian Christian', ru: 'Адриан Кристиан' }, aliases: { en: ['Christian'], ru: [] } }, places)).toEqual([]);
	});
});

describe('content/actors/', () => {
	it('is valid content, and the articles record places to check against', () => {
		expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(actors.size).toBeGreaterThan(20);
		expect(places).toContain('bamako');
	});

	it.each([...actors.keys()])('%s: every shown name is a name', (id) => {
		const actor = actors.get(id)!;
		expect(notNames(actor.data, places)).toEqual([]);
	});

	it('keeps the forms that find mentions: every former shown form is still matched, now as a hidden form', () => {
		const us = actors.get('us')!.data;
		expect(shownNames(us, 'ru')).not.toContain('Вашингтоном');
		expect(us.forms.ru).toEqual(expect.arrayContaining(['Вашингтоном', 'американский', 'администрации Трампа']));
		const junta = actors.get('mali-junta')!.data;
		expect([...shownNames(junta, 'en'), ...shownNames(junta, 'ru'), ...junta.forms.en, ...junta.forms.ru]).not.toEqual(expect.arrayContaining(['Mali']));
		expect([...junta.forms.ru, ...junta.aliases.ru]).not.toContain('Мали');
		expect(actors.get('mali')!.data.name).toEqual({ en: 'Mali', ru: 'Мали' });
	});
});
