/**
 * Date expressions in article sentences, resolved to EDTF against the article's publication date.
 *
 * chrono-node (its `ru` and `en` parsers) finds the calendar expressions ("в июле", "10 марта 2024 года",
 * "вчера", "last month"); this module adds what it lacks or gets wrong for news text:
 * - a month or day without a year is the latest such month/day not after publication
 *   (an article of 2026-01-10 saying "в декабре" means December 2025; chrono would pick 2026 or leave it open);
 * - "на прошлой неделе" / "last week" is a moment within the previous Monday–Sunday week
 *   (chrono gives that Monday alone);
 * - "в 2023 году" / "in 2023" is the year;
 * - "после переворота 2021 года" / "after the 2021 coup" is a moment between that year and publication;
 * - "в последние месяцы" / "in recent months" is a moment within the twelve months before publication;
 * - "ранее"/"earlier" and "позже"/"later", and "после X" with no year, are relative: they are resolved
 *   against a neighbouring dated sentence by resolveRelative();
 * - "уже"/"already" in a sentence with no other date is a moment before publication ("ЦРУ уже получило…").
 */
import * as chrono from 'chrono-node';
import snowballFactory from 'snowball-stemmers';
import { parseEdtf } from '../../schema/edtf.ts';

/** A calendar point at the precision the text gives: a year, a month or a day. */
export interface Point {
	year: number;
	month?: number;
	day?: number;
}

/**
 * What a date expression says about when something happened:
 * - `on`: at this point (a day, a month, a year);
 * - `within`: one moment between `from` and `to` (either may be open: null);
 * - `span`: over the whole period from `from` to `to` (a range the text states: "с 1 по 5 июля").
 */
export type Resolved =
	| { type: 'on'; point: Point }
	| { type: 'within'; from: Point | null; to: Point | null }
	| { type: 'span'; from: Point; to: Point };

/** A relative expression waiting for a neighbour: "ранее" (before), "позже" (after), "после X" (after the event X). */
export type Relative = { type: 'before' } | { type: 'after' } | { type: 'after-event'; head: string } | { type: 'by-now' };

export interface DateExpression {
	/** The words as written, e.g. "на прошлой неделе". */
	text: string;
	/** UTF-16 offset in the sentence. */
	index: number;
	resolved?: Resolved;
	relative?: Relative;
}

export type Lang = 'ru' | 'en';

const pad = (n: number) => String(n).padStart(2, '0');

export function pointToEdtf(point: Point): string {
	const year = point.year >= 0 && point.year <= 9999 ? String(point.year).padStart(4, '0') : `Y${point.year}`;
	if (point.month === undefined) return year;
	if (point.day === undefined) return `${year}-${pad(point.month)}`;
	return `${year}-${pad(point.month)}-${pad(point.day)}`;
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First and last day of a point, as days. */
function firstDay(p: Point): Point {
	return { year: p.year, month: p.month ?? 1, day: p.day ?? 1 };
}
function lastDay(p: Point): Point {
	const month = p.month ?? 12;
	return { year: p.year, month, day: p.day ?? daysInMonth(p.year, month) };
}

function dayOf(date: Date): Point {
	return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function utc(p: Point): number {
	return Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1);
}

/** Earliest and latest instant of a point, in ms. */
export function pointBounds(p: Point): { earliest: number; latest: number } {
	const last = lastDay(p);
	return { earliest: utc(firstDay(p)), latest: Date.UTC(last.year, last.month! - 1, last.day!) + 86_400_000 - 1 };
}

/** How the project's check reads an EDTF string: its bounds, or an error message. */
export type EdtfReader = (edtf: string) => { earliest: number | null; latest: number | null } | string;

// An open end may be reported as null or as the earliest/latest instant a library can represent.
const BEFORE_YEAR_0 = Date.parse('0000-01-01T00:00:00Z');
const AFTER_YEAR_9999 = Date.parse('9999-12-31T23:59:59.999Z');

/** Whether the check accepts a string and bounds it exactly as expected. */
function checkerBounds(read: EdtfReader, edtf: string, earliest: number | null, latest: number | null): boolean {
	const parsed = read(edtf);
	if (typeof parsed === 'string') return false;
	const startOk = earliest === null ? parsed.earliest === null || parsed.earliest < BEFORE_YEAR_0 : parsed.earliest === earliest;
	const endOk = latest === null ? parsed.latest === null || parsed.latest > AFTER_YEAR_9999 : parsed.latest === latest;
	return startOk && endOk;
}

/**
 * EDTF for "one moment between from and to". The right encoding is an EDTF level 2 one-of set,
 * `[2025-09-08..2025-09-14]` (a moment known within bounds); the project's checker is being moved to
 * sets. Until it accepts a set and bounds it correctly, this falls back to the interval `2025-09-08/2025-09-14`,
 * which the checker accepts and bounds the same way. Sets take one precision on both ends, so they are written in days.
 */
export function encodeWithin(from: Point | null, to: Point | null, read: EdtfReader = parseEdtf): string {
	if (!from && !to) throw new Error('encodeWithin needs at least one bound');
	const earliest = from ? pointBounds(from).earliest : null;
	const latest = to ? pointBounds(to).latest : null;
	const set = `[${from ? pointToEdtf(firstDay(from)) : ''}..${to ? pointToEdtf(lastDay(to)) : ''}]`;
	if (checkerBounds(read, set, earliest, latest)) return set;
	return `${from ? pointToEdtf(from) : '..'}/${to ? pointToEdtf(to) : '..'}`;
}

export function toEdtf(resolved: Resolved): string {
	if (resolved.type === 'on') return pointToEdtf(resolved.point);
	if (resolved.type === 'span') return `${pointToEdtf(resolved.from)}/${pointToEdtf(resolved.to)}`;
	return encodeWithin(resolved.from, resolved.to);
}

/** Earliest and latest instant a resolved expression allows (null: open). */
export function resolvedBounds(resolved: Resolved): { earliest: number | null; latest: number | null } {
	if (resolved.type === 'on') return pointBounds(resolved.point);
	return {
		earliest: resolved.from ? pointBounds(resolved.from).earliest : null,
		latest: resolved.to ? pointBounds(resolved.to).latest : null,
	};
}

/** The latest year in which month (and day) fall on or before the publication day. */
function latestYear(published: Point, month: number, day?: number): number {
	const after = month > published.month! || (month === published.month && day !== undefined && day > published.day!);
	return after ? published.year - 1 : published.year;
}

/** Monday–Sunday of the week before the publication day's week. */
function previousWeek(published: Point): { from: Point; to: Point } {
	const date = new Date(utc(published));
	const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
	const monday = new Date(date.getTime() - (weekday + 7) * 86_400_000);
	const sunday = new Date(monday.getTime() + 6 * 86_400_000);
	return { from: dayOf(monday), to: dayOf(sunday) };
}

function monthsBefore(published: Point, months: number): Point {
	const index = published.year * 12 + (published.month! - 1) - months;
	return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

const PATTERNS: Record<Lang, { pattern: RegExp; resolve: (m: RegExpExecArray, published: Point) => DateExpression['resolved'] | DateExpression['relative'] }[]> = {
	ru: [
		// "после переворота 2021 года", "после выборов в 2020 году": after an event dated by its year.
		{ pattern: /(?<![\p{L}])после\s+(?:[\p{L}-]+\s+){1,3}?(\d{4})\s*(?:года|году|г\.)/giu, resolve: (m, p) => ({ type: 'within', from: { year: +m[1]! }, to: p }) },
		{ pattern: /(?<![\p{L}])(?:в|во)\s+(\d{4})\s*(?:году|г\.)/giu, resolve: (m) => ({ type: 'on', point: { year: +m[1]! } }) },
		{ pattern: /(?<![\p{L}])на\s+прошлой\s+неделе(?![\p{L}])/giu, resolve: (_m, p) => ({ type: 'within', ...previousWeek(p) }) },
		{
			pattern: /(?<![\p{L}])(?:в|за)\s+последние\s+(?:месяцы|несколько\s+месяцев)(?![\p{L}])|(?<![\p{L}])в\s+последнее\s+время(?![\p{L}])/giu,
			resolve: (_m, p) => ({ type: 'within', from: monthsBefore(p, 12), to: p }),
		},
		{ pattern: /(?<![\p{L}])(?:ранее|прежде)(?![\p{L}])/giu, resolve: () => ({ type: 'before' }) },
		{ pattern: /(?<![\p{L}])(?:позже|позднее|впоследствии)(?![\p{L}])/giu, resolve: () => ({ type: 'after' }) },
		{ pattern: /(?<![\p{L}])уже(?![\p{L}])/giu, resolve: () => ({ type: 'by-now' }) },
		// "после прихода к власти Гоиты": after an event the text dates elsewhere (see resolveRelative).
		{ pattern: /(?<![\p{L}])после\s+(?!того\b)([\p{L}-]{4,})/giu, resolve: (m) => ({ type: 'after-event', head: m[1]! }) },
	],
	en: [
		{ pattern: /\bafter\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?(\d{4})\s+[\p{L}-]+/giu, resolve: (m, p) => ({ type: 'within', from: { year: +m[1]! }, to: p }) },
		{ pattern: /\bafter\s+the\s+[\p{L}-]+\s+(?:of|in)\s+(\d{4})\b/giu, resolve: (m, p) => ({ type: 'within', from: { year: +m[1]! }, to: p }) },
		{ pattern: /\bin\s+(\d{4})\b(?!\s*[-–\/])/giu, resolve: (m) => ({ type: 'on', point: { year: +m[1]! } }) },
		{ pattern: /\blast\s+week\b/giu, resolve: (_m, p) => ({ type: 'within', ...previousWeek(p) }) },
		{
			pattern: /\b(?:in|over)\s+(?:the\s+)?(?:recent|past|last\s+few)\s+months\b|\brecently\b/giu,
			resolve: (_m, p) => ({ type: 'within', from: monthsBefore(p, 12), to: p }),
		},
		{ pattern: /\b(?:earlier|previously)\b/giu, resolve: () => ({ type: 'before' }) },
		{ pattern: /\b(?:later|subsequently)\b/giu, resolve: () => ({ type: 'after' }) },
		{ pattern: /\balready\b/giu, resolve: () => ({ type: 'by-now' }) },
		{ pattern: /\bafter\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?(?!that\b|this\b)([\p{L}-]{4,})/giu, resolve: (m) => ({ type: 'after-event', head: m[1]! }) },
	],
};

const CHRONO: Record<Lang, chrono.Chrono> = { ru: chrono.ru.casual, en: chrono.en.casual };

/** A chrono result turned into a point, with the year completed as "the latest not after publication". */
function chronoPoint(component: chrono.ParsedComponents, published: Point): Point | undefined {
	const known = (c: chrono.Component) => component.isCertain(c);
	if (known('year') && known('month') && known('day')) return { year: component.get('year')!, month: component.get('month')!, day: component.get('day')! };
	if (known('month') && known('day')) {
		const month = component.get('month')!;
		const day = component.get('day')!;
		return { year: latestYear(published, month, day), month, day };
	}
	if (known('year') && known('month')) return { year: component.get('year')!, month: component.get('month')! };
	if (known('month')) {
		const month = component.get('month')!;
		return { year: latestYear(published, month), month };
	}
	if (known('weekday')) {
		// "в понедельник": the latest such weekday on or before publication.
		const date = new Date(utc(published));
		const back = (date.getUTCDay() - component.get('weekday')! + 7) % 7;
		return dayOf(new Date(date.getTime() - back * 86_400_000));
	}
	if (known('year')) return { year: component.get('year')! };
	return undefined;
}

/** Every date expression in one sentence, in text order; overlapping finds keep the first pattern's. */
export function findDateExpressions(sentence: string, lang: Lang, published: Date): DateExpression[] {
	const pub = dayOf(published);
	const found: DateExpression[] = [];
	const taken: [number, number][] = [];
	const free = (start: number, end: number) => taken.every(([s, e]) => end <= s || start >= e);
	for (const { pattern, resolve } of PATTERNS[lang]) {
		for (const m of sentence.matchAll(pattern)) {
			const start = m.index;
			const end = start + m[0].length;
			if (!free(start, end)) continue;
			taken.push([start, end]);
			const value = resolve(m as RegExpExecArray, pub);
			if (!value) continue;
			const expression: DateExpression = { text: m[0], index: start };
			if (value.type === 'before' || value.type === 'after' || value.type === 'after-event' || value.type === 'by-now') expression.relative = value;
			else expression.resolved = value;
			found.push(expression);
		}
	}
	const reference = { instant: new Date(Date.UTC(pub.year, pub.month! - 1, pub.day!, 12)), timezone: 0 };
	for (const result of CHRONO[lang].parse(sentence, reference)) {
		const start = result.index;
		const end = start + result.text.length;
		if (!free(start, end)) continue;
		const from = chronoPoint(result.start, pub);
		if (!from) continue;
		taken.push([start, end]);
		const to = result.end ? chronoPoint(result.end, pub) : undefined;
		const resolved: Resolved = to ? { type: 'span', from, to } : { type: 'on', point: from };
		found.push({ text: result.text.trim(), index: start, resolved });
	}
	return found.sort((a, b) => a.index - b.index);
}

const stemmers = { ru: snowballFactory.newStemmer('russian'), en: snowballFactory.newStemmer('english') };

/** Stems of a text's words, for telling whether a later "после переворота" refers back to "переворота 2021 года". */
export function stems(text: string, lang: Lang): Set<string> {
	const words = text.toLowerCase().replaceAll('ё', 'е').match(/[\p{L}]+/gu) ?? [];
	return new Set(words.filter((w) => w.length >= 4).map((w) => stemmers[lang].stem(w) as string));
}

/** A dated unit of the text for relative resolution: its expressions in order and the stems of its words. */
export interface DatedSentence {
	expressions: DateExpression[];
	stems: Set<string>;
	/** Paragraph number, so "ранее" looks within its paragraph first. */
	paragraph: number;
}

function lastResolved(s: DatedSentence): Resolved | undefined {
	return s.expressions.findLast((e) => e.resolved)?.resolved;
}
function firstResolved(s: DatedSentence): Resolved | undefined {
	return s.expressions.find((e) => e.resolved)?.resolved;
}

function boundsToPoints(r: Resolved): { from: Point | null; to: Point | null } {
	if (r.type === 'on') return { from: r.point, to: r.point };
	return { from: r.from, to: r.to };
}

/**
 * Resolves the relative expressions of every sentence, in place, against neighbouring dated sentences:
 * - "позже"/"later": after the nearest earlier sentence dated with a start (from that start to publication);
 * - "ранее"/"earlier": before the nearest later dated sentence of the same paragraph, else the nearest
 *   earlier one, else publication (open start, up to that sentence's latest bound);
 * - "после X" with no date: after the last earlier sentence whose words include X's stem and that is dated
 *   ("после переворота" → "после переворота 2021 года"); else after the expression before it in the same
 *   sentence ("…, а после смерти Пригожина"). Left unresolved otherwise, and ignored.
 * A relative word in a sentence that also has its own date is left unresolved: that date dates the sentence.
 */
export function resolveRelative(sentences: DatedSentence[], lang: Lang, published: Date): void {
	const pub = dayOf(published);
	sentences.forEach((sentence, i) => {
		const ownDate = sentence.expressions.some((e) => e.resolved);
		sentence.expressions.forEach((expression, j) => {
			const relative = expression.relative;
			if (!relative || expression.resolved) return;
			if (relative.type === 'by-now') {
				// "уже получило": by publication, when nothing else in the sentence dates it.
				if (sentence.expressions.length === 1) expression.resolved = { type: 'within', from: null, to: pub };
			} else if (relative.type === 'after') {
				if (ownDate) return;
				// The nearest earlier sentence whose date has a start: "уже" or "ранее" give none to be later than.
				const neighbour = sentences.slice(0, i).findLast((s) => { const r = lastResolved(s); return r && boundsToPoints(r).from; });
				if (!neighbour) return;
				expression.resolved = { type: 'within', from: boundsToPoints(lastResolved(neighbour)!).from, to: pub };
			} else if (relative.type === 'before') {
				if (ownDate) return;
				const later = sentences.slice(i + 1).find((s) => s.paragraph === sentence.paragraph && firstResolved(s));
				const earlier = sentences.slice(0, i).findLast((s) => firstResolved(s));
				const neighbour = later ?? earlier;
				const to = neighbour ? boundsToPoints(later ? firstResolved(later)! : lastResolved(earlier!)!).to : pub;
				expression.resolved = { type: 'within', from: null, to: to ?? pub };
			} else {
				const head = [...stems(relative.head, lang)][0];
				// With its own date, "после X" only orders things within the sentence ("…на прошлой неделе… после освобождения…").
				if (ownDate) return;
				const previousInSentence = sentence.expressions.slice(0, j).findLast((e) => e.resolved)?.resolved;
				const referent = head ? sentences.slice(0, i).findLast((s) => s.stems.has(head) && firstResolved(s)) : undefined;
				const anchor = previousInSentence ?? (referent ? firstResolved(referent) : undefined);
				if (!anchor) return;
				expression.resolved = { type: 'within', from: boundsToPoints(anchor).from, to: pub };
			}
		});
	});
}
