// `npm run import`'s dates: each expression, Russian and English, against fixed publication dates,
// resolved to EDTF that the project's own check accepts with the bounds the words mean.
import { describe, expect, it } from 'vitest';
import { findEvents, splitSentences } from '../../src/input/import/draft.ts';
import { encodeWithin, type EdtfReader, type Lang } from '../../src/input/import/dates.ts';
import { buildMentionMatcher } from '../../src/language/mentions.ts';
import { EdtfDate, parseEdtf } from '../../src/schema/edtf.ts';

const noActors = buildMentionMatcher(new Map());
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const start = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const end = (iso: string) => Date.parse(`${iso}T23:59:59.999Z`);

/** The dates of the draft events a text gives, as the draft writes them. */
function dates(text: string, published: string, lang: Lang): string[] {
	return findEvents(splitSentences(text, lang), lang, day(published), noActors).map((event) => event.date);
}

/** Bounds the project's check gives an EDTF string (and that the check accepts it at all). */
function bounds(value: string): { earliest: number | null; latest: number | null } {
	expect(EdtfDate.safeParse(value).success, `the check accepts ${value}`).toBe(true);
	const parsed = parseEdtf(value);
	if (typeof parsed === 'string') throw new Error(parsed);
	return { earliest: parsed.earliest, latest: parsed.latest };
}

/** One moment between two days (null: open): a set or an interval, whichever the check bounds exactly. */
function within(value: string | undefined, from: string | null, to: string | null): void {
	expect(value).toBeDefined();
	expect(bounds(value!)).toEqual({ earliest: from ? start(from) : null, latest: to ? end(to) : null });
}

describe.each([
	['ru', 'в июле', 'в декабре', 'в мае', '10 марта', 'на прошлой неделе', 'после переворота 2021 года', 'в 2023 году'],
	['en', 'in July', 'in December', 'in May', 'on March 10', 'last week', 'after the 2021 coup', 'in 2023'],
] as const)('%s date expressions', (lang, july, december, may, march10, lastWeek, afterCoup, in2023) => {
	const say = (phrase: string) => (lang === 'ru' ? `Министр посетил Бамако ${phrase}.` : `The minister visited Bamako ${phrase}.`);

	it('a month without a year is that month of the latest year not after publication', () => {
		expect(dates(say(july), '2025-09-15', lang)).toEqual(['2025-07']);
		expect(dates(say(july), '2025-07-20', lang)).toEqual(['2025-07']);
		// Year boundary: an article of 2026-01-10 saying "in December" means December 2025.
		expect(dates(say(december), '2026-01-10', lang)).toEqual(['2025-12']);
		expect(dates(say(may), '2026-01-10', lang)).toEqual(['2025-05']);
	});

	it('a day without a year is the latest such day not after publication', () => {
		expect(dates(say(march10), '2026-01-10', lang)).toEqual(['2025-03-10']);
		expect(dates(say(march10), '2026-03-10', lang)).toEqual(['2026-03-10']);
		expect(dates(say(march10), '2026-03-09', lang)).toEqual(['2025-03-10']);
	});

	it('"last week" is one moment within the previous Monday–Sunday week', () => {
		// 2025-09-15 is a Monday.
		within(dates(say(lastWeek), '2025-09-15', lang)[0], '2025-09-08', '2025-09-14');
		// A Sunday belongs to its own week: the previous one is the week before.
		within(dates(say(lastWeek), '2025-09-21', lang)[0], '2025-09-08', '2025-09-14');
		// Year boundary: 2026-01-01 is a Thursday; the previous week is 22–28 December 2025.
		within(dates(say(lastWeek), '2026-01-01', lang)[0], '2025-12-22', '2025-12-28');
	});

	it('"after the 2021 coup" is one moment between 2021 and publication', () => {
		within(dates(say(afterCoup), '2025-09-15', lang)[0], '2021-01-01', '2025-09-15');
	});

	it('a year is the year', () => {
		expect(dates(say(in2023), '2025-09-15', lang)).toEqual(['2023']);
	});
});

describe('what chrono-node parses, completed against the publication date', () => {
	it('"вчера" / "yesterday" is the day before, across a year boundary', () => {
		expect(dates('Вчера хунта выступила с заявлением.', '2026-01-01', 'ru')).toEqual(['2025-12-31']);
		expect(dates('Yesterday the junta issued a statement.', '2026-01-01', 'en')).toEqual(['2025-12-31']);
	});

	it('a stated range is an interval over the whole period', () => {
		expect(dates('Министры встречались с 1 по 5 июля.', '2025-09-15', 'ru')).toEqual(['2025-07-01/2025-07-05']);
		expect(dates('The talks ran from July 1 to July 5.', '2025-09-15', 'en')).toEqual(['2025-07-01/2025-07-05']);
	});

	it('a month with its year keeps that year; a time of day or the verb "may" is no date', () => {
		expect(dates('В августе 2020 года произошел переворот.', '2025-09-15', 'ru')).toEqual(['2020-08']);
		expect(dates('The coup happened in August 2020.', '2025-09-15', 'en')).toEqual(['2020-08']);
		expect(dates('Он выступил в 15:00.', '2025-09-15', 'ru')).toEqual([]);
		expect(dates('The US may resume aid.', '2025-09-15', 'en')).toEqual([]);
	});
});

describe('relative expressions lean on a neighbouring dated sentence', () => {
	it('"позже" / "later": after the earlier dated sentence, up to publication', () => {
		const ru = dates('В июле министр посетил Бамако. На встречах он обсуждал поставки. Позже страну посетила делегация Конгресса.', '2025-09-15', 'ru');
		expect(ru[0]).toBe('2025-07');
		within(ru[1], '2025-07-01', '2025-09-15');
		const en = dates('In July the minister visited Bamako. He discussed supplies. Later a congressional delegation visited the country.', '2025-09-15', 'en');
		expect(en[0]).toBe('2025-07');
		within(en[1], '2025-07-01', '2025-09-15');
	});

	it('"позже" across a year boundary keeps the earlier sentence\'s year', () => {
		const ru = dates('В декабре министр посетил Бамако. Позже туда приехала делегация.', '2026-01-10', 'ru');
		expect(ru[0]).toBe('2025-12');
		within(ru[1], '2025-12-01', '2026-01-10');
	});

	it('"ранее" / "earlier": before the next dated sentence of its paragraph', () => {
		const ru = dates('Ранее США смягчили санкции против Беларуси. На прошлой неделе посланник объявил о снятии санкций с «Белавиа».', '2025-09-15', 'ru');
		within(ru[0], null, '2025-09-14');
		within(ru[1], '2025-09-08', '2025-09-14');
		const en = dates('Earlier, the US eased sanctions on Belarus. Last week an envoy announced the lifting of sanctions on Belavia.', '2025-09-15', 'en');
		within(en[0], null, '2025-09-14');
		within(en[1], '2025-09-08', '2025-09-14');
	});

	it('"ранее" with no dated neighbour is before publication', () => {
		within(dates('Путин ранее подтверждал это партнерство.', '2025-09-15', 'ru')[0], null, '2025-09-15');
		within(dates('Putin had earlier confirmed the partnership.', '2025-09-15', 'en')[0], null, '2025-09-15');
	});

	it('"после переворота" without a year refers back to the dated coup', () => {
		const ru = dates('После переворота 2021 года хунта сблизилась с Москвой. Вашингтон отстранился после переворота.', '2025-09-15', 'ru');
		expect(ru).toHaveLength(2);
		within(ru[1], '2021-01-01', '2025-09-15');
		const en = dates('After the 2021 coup the junta moved closer to Moscow. Washington stepped back after the coup.', '2025-09-15', 'en');
		expect(en).toHaveLength(2);
		within(en[1], '2021-01-01', '2025-09-15');
	});

	it('"после выборов в 2020 году" is after 2020, not in it', () => {
		within(dates('После выборов в 2020 году хунта сблизилась с Москвой.', '2025-09-15', 'ru')[0], '2020-01-01', '2025-09-15');
		within(dates('After the election in 2020 the junta moved closer to Moscow.', '2025-09-15', 'en')[0], '2020-01-01', '2025-09-15');
	});

	it('an undated "after X" that nothing earlier dates proposes no event', () => {
		expect(dates('Вашингтон отстранился после переворота.', '2025-09-15', 'ru')).toEqual([]);
		expect(dates('Washington stepped back after the coup.', '2025-09-15', 'en')).toEqual([]);
	});

	it('a relative word in a sentence with its own date does not add a second event', () => {
		expect(dates('На прошлой неделе посланник объявил о снятии санкций после освобождения политзаключенных.', '2025-09-15', 'ru')).toHaveLength(1);
		expect(dates('In July the minister, who had earlier met the junta, visited Bamako.', '2025-09-15', 'en')).toEqual(['2025-07']);
	});
});

describe('EDTF encoding of "a moment within bounds"', () => {
	it("the project's EDTF reader bounds the level 2 one-of set form, so drafts use it", () => {
		const bounds = parseEdtf('[2025-09-08..2025-09-14]');
		if (typeof bounds === 'string') throw new Error(bounds);
		expect([bounds.earliest, bounds.latest]).toEqual([start('2025-09-08'), end('2025-09-14')]);
		expect(encodeWithin({ year: 2025, month: 9, day: 8 }, { year: 2025, month: 9, day: 14 })).toBe('[2025-09-08..2025-09-14]');
	});

	it('writes a one-of set once the check bounds sets exactly, and the interval while it does not', () => {
		// A reader that bounds "[a..b]" (days) as @edtf-ts/core 0.4.2 does, with an open start as its earliest instant.
		const setsBounded: EdtfReader = (value) => {
			const m = /^\[(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})\]$/.exec(value);
			if (!m) return 'not a set';
			return { earliest: m[1] ? start(m[1]) : -8_640_000_000_000_000, latest: end(m[2]!) };
		};
		const setsRefused: EdtfReader = (value) => (value.startsWith('[') ? 'EDTF sets are not supported here' : { earliest: null, latest: null });
		const week = [{ year: 2025, month: 9, day: 8 }, { year: 2025, month: 9, day: 14 }] as const;
		expect(encodeWithin(week[0], week[1], setsBounded)).toBe('[2025-09-08..2025-09-14]');
		expect(encodeWithin(week[0], week[1], setsRefused)).toBe('2025-09-08/2025-09-14');
		// Sets take one precision at both ends (mixed precision is refused): a year start is written as its first day.
		expect(encodeWithin({ year: 2021 }, { year: 2025, month: 9, day: 15 }, setsBounded)).toBe('[2021-01-01..2025-09-15]');
		expect(encodeWithin({ year: 2021 }, { year: 2025, month: 9, day: 15 }, setsRefused)).toBe('2021/2025-09-15');
		expect(encodeWithin(null, { year: 2025, month: 9, day: 14 }, setsBounded)).toBe('[..2025-09-14]');
		expect(encodeWithin(null, { year: 2025, month: 9, day: 14 }, setsRefused)).toBe('../2025-09-14');
	});

	it('every date the draft writes is accepted by the project check, with exact bounds', () => {
		// Whether the form is a set or an interval depends on what the checker bounds correctly; the bounds never change.
		within(dates('На прошлой неделе посланник объявил о снятии санкций.', '2025-09-15', 'ru')[0], '2025-09-08', '2025-09-14');
		within(dates('Администрация в последние месяцы активизировала сотрудничество.', '2025-09-15', 'ru')[0], '2024-09-01', '2025-09-15');
		within(dates('The CIA has already received expanded authority.', '2025-09-15', 'en')[0], null, '2025-09-15');
	});
});
