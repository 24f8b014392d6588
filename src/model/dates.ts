import { isEdtfError, readEdtf, type EdtfBounds, type EdtfEnd, type EdtfPoint } from '../schema/edtf.ts';
import { MONTHS, isoDay } from '../language/wording.ts';

export { isoDay };

/** How finely a date is shown: the EDTF precision, but no finer than what is actually known. */
export type DatePrecision = 'year' | 'month' | 'day';

const DAY_MS = 86_400_000;

/** EDTF season codes (level 1: 21–24, level 2: 25–41), as a reader says them. */
const SEASONS: Record<number, string> = {
	21: 'spring', 22: 'summer', 23: 'autumn', 24: 'winter',
	25: 'northern spring', 26: 'northern summer', 27: 'northern autumn', 28: 'northern winter',
	29: 'southern spring', 30: 'southern summer', 31: 'southern autumn', 32: 'southern winter',
	33: 'Q1', 34: 'Q2', 35: 'Q3', 36: 'Q4',
	37: 'first four months of', 38: 'second four months of', 39: 'third four months of',
	40: 'first half of', 41: 'second half of',
};

/** Bounds of an EDTF string, throwing for strings the content checks would have refused. */
export function boundsOf(edtf: string): EdtfBounds {
	const bounds = readEdtf(edtf);
	if (isEdtfError(bounds)) throw new Error(`"${edtf}" is not a date the site can read: ${bounds.reason}`);
	return bounds.edtf === edtf ? bounds : { ...bounds, edtf };
}

interface Ymd {
	year: number;
	month: number;
	day: number;
}

function ymd(ms: number): Ymd {
	const d = new Date(ms);
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function yearLabel(year: number): string {
	return year < 1 ? `${1 - year} BCE` : String(year);
}

function monthName(month: number, long: boolean): string {
	const name = MONTHS[month - 1];
	return long ? name : name.slice(0, 3);
}

/** The smallest calendar unit holding both instants: the finest thing a reader can be told without guessing. */
function unitOf(earliest: number, latest: number): DatePrecision | null {
	const a = ymd(earliest);
	const b = ymd(latest);
	if (a.year !== b.year) return null;
	if (a.month !== b.month) return 'year';
	return a.day === b.day ? 'day' : 'month';
}

/** Whether [earliest, latest] is exactly one whole unit (a day, a month, a year): then it is a date, not a range. */
function isWhole(earliest: number, latest: number): DatePrecision | null {
	const a = ymd(earliest);
	const b = ymd(latest);
	const startsDay = earliest % DAY_MS === 0;
	const endsDay = (latest + 1) % DAY_MS === 0;
	if (!startsDay || !endsDay) return unitOf(earliest, latest) === 'day' ? 'day' : null;
	if (a.year === b.year && a.month === b.month && a.day === b.day) return 'day';
	const lastOfMonth = new Date(Date.UTC(b.year, b.month, 0)).getUTCDate();
	if (a.year === b.year && a.month === b.month && a.day === 1 && b.day === lastOfMonth) return 'month';
	if (a.year === b.year && a.month === 1 && a.day === 1 && b.month === 12 && b.day === 31) return 'year';
	return null;
}

/** A day, a month or a year as text: "15 Sep 2025", "July 2025" (long) or "Jul 2025", "2025". */
function unitLabel(ms: number, unit: DatePrecision, long: boolean): string {
	const d = ymd(ms);
	if (unit === 'year') return yearLabel(d.year);
	if (unit === 'month') return `${monthName(d.month, long)} ${yearLabel(d.year)}`;
	return `${d.day} ${monthName(d.month, false)} ${yearLabel(d.year)}`;
}

function unitOfPrecision(p: EdtfPoint['precision']): DatePrecision {
	return p === 'season' ? 'month' : p;
}

/** Two ends at their units, collapsed where they share a year or month: "8–14 Sep 2025", "Jul–Sep 2025", "2021 – Jan 2025"; or, for one moment, "between 8 and 14 Sep 2025". */
function collapse(a: number, b: number, ua: DatePrecision, ub: DatePrecision, between: boolean): string {
	const x = ymd(a);
	const y = ymd(b);
	const join = (l: string, r: string, tight: boolean) => (between ? `between ${l} and ${r}` : `${l}${tight ? '–' : ' – '}${r}`);
	if (ua === ub) {
		const year = yearLabel(y.year);
		if (ua === 'year') return x.year === y.year ? year : join(yearLabel(x.year), year, true);
		if (ua === 'month' && x.year === y.year) return x.month === y.month ? unitLabel(b, 'month', true) : join(monthName(x.month, false), `${monthName(y.month, false)} ${year}`, true);
		if (ua === 'day' && x.year === y.year && x.month === y.month) return x.day === y.day ? unitLabel(b, 'day', false) : join(String(x.day), `${y.day} ${monthName(y.month, false)} ${year}`, true);
		if (ua === 'day' && x.year === y.year) return join(`${x.day} ${monthName(x.month, false)}`, unitLabel(b, 'day', false), false);
	}
	return join(unitLabel(a, ua, false), unitLabel(b, ub, false), false);
}

/** What is known of one point, without marks: "2021", "July 2025", "spring 2001", "2010s", "between 10 and 19 Jul 2025". */
function pointLabel(p: EdtfPoint, long: boolean): string {
	if (p.season !== undefined && SEASONS[p.season]) return `${SEASONS[p.season]} ${yearLabel(ymd(p.earliest).year)}`;
	const whole = isWhole(p.earliest, p.latest);
	if (whole) return unitLabel(p.earliest, whole, long);
	const a = ymd(p.earliest);
	const b = ymd(p.latest);
	// Unspecified digits widen a point: 201X is the 2010s, 2025-07-1X the 10th to the 19th.
	if (isWhole(p.earliest, Date.UTC(a.year, 11, 31, 23, 59, 59, 999)) === 'year' && isWhole(Date.UTC(b.year, 0, 1), p.latest) === 'year') {
		if (a.year % 10 === 0 && b.year === a.year + 9 && a.year > 0) return `${a.year}s`;
		return `${yearLabel(a.year)}–${yearLabel(b.year)}`;
	}
	const unit = unitOfPrecision(p.precision);
	return collapse(p.earliest, p.latest, unit, unit, true);
}

function marked(p: { approximate: boolean; uncertain: boolean }, label: string): string {
	return `${p.approximate ? 'c. ' : ''}${label}${p.uncertain ? '?' : ''}`;
}

function isPoint(e: EdtfEnd): e is EdtfPoint {
	return typeof e === 'object';
}

/** A point at the unit its author wrote, for the ends of intervals and set ranges. */
function endLabel(p: EdtfPoint, long: boolean): string {
	return marked(p, pointLabel(p, long));
}

function intervalLabel(start: EdtfEnd, end: EdtfEnd): string {
	if (isPoint(start) && isPoint(end)) {
		const left = endLabel(start, false);
		const right = endLabel(end, false);
		if (left === right) return endLabel(start, true);
		const plain = (p: EdtfPoint) => !p.approximate && !p.uncertain && isWhole(p.earliest, p.latest) !== null && p.season === undefined;
		if (plain(start) && plain(end)) return collapse(start.earliest, end.latest, isWhole(start.earliest, start.latest)!, isWhole(end.earliest, end.latest)!, false);
		return `${left} – ${right}`;
	}
	if (isPoint(start)) return end === 'open' ? `from ${endLabel(start, true)}` : `${endLabel(start, false)} – ?`;
	if (isPoint(end)) return start === 'open' ? `until ${endLabel(end, true)}` : `? – ${endLabel(end, false)}`;
	return 'date unknown';
}

/** One member of a set listed with others: a date, or a run of them ("Jan–Mar 2025", "1670–1672"). */
function memberLabel(m: EdtfPoint): string {
	if (m.season !== undefined || isWhole(m.earliest, m.latest)) return endLabel(m, false);
	return marked(m, collapse(m.earliest, m.latest, unitOfPrecision(m.precision), unitOfPrecision(m.endPrecision ?? m.precision), false));
}

/** A one-of set: "between 2021 and Sep 2025", "1667, 1668 or 1670–1672", "on or before 3 Dec 1760", "Dec 1760 or later". */
function setLabel(b: EdtfBounds): string {
	const members = b.members ?? [];
	const { start, end } = b;
	if (!isPoint(start) && !isPoint(end)) return 'date unknown';
	if (!isPoint(start)) return `on or before ${endLabel(end as EdtfPoint, false)}`;
	if (!isPoint(end)) {
		const shown = members.length > 1 ? members.slice(0, 4).map(memberLabel).join(', ') : memberLabel(start);
		return `${shown} or later`;
	}
	if (members.length === 1 && isWhole(start.earliest, end.latest)) return endLabel(members[0], true);
	if (members.length > 1 && members.length <= 4) {
		const shown = members.map(memberLabel);
		return `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
	}
	return marked(b, collapse(start.earliest, end.latest, unitOfPrecision(start.precision), unitOfPrecision(end.endPrecision ?? end.precision), true));
}

/** English display of an EDTF date at its own precision and certainty: "July 2025", "8–14 Sep 2025" (lasted), "between 8 and 14 Sep 2025" (one moment), "c. 2023", "from 2021". */
export function formatEdtf(edtf: string): string {
	return formatBounds(boundsOf(edtf));
}

export function formatBounds(b: EdtfBounds): string {
	if (b.interval) return intervalLabel(b.start, b.end);
	if (b.set) return setLabel(b);
	return isPoint(b.start) ? endLabel(b.start, true) : 'date unknown';
}

/** Interval (it lasted from one date to another) or moment (it happened once, at a time known within the bounds). */
export function dateShape(bounds: EdtfBounds): 'interval' | 'moment' {
	return bounds.interval ? 'interval' : 'moment';
}

/** A moment known to its day, month or year exactly (bounds are one calendar unit); null for ranges, sets over several units, and intervals. */
export function exactUnit(bounds: EdtfBounds): DatePrecision | null {
	if (bounds.interval || bounds.earliest === null || bounds.latest === null) return null;
	return isWhole(bounds.earliest, bounds.latest) ?? (unitOf(bounds.earliest, bounds.latest) === 'day' ? 'day' : null);
}

/** Month index (year × 12 + month − 1) of a date known to lie within one month (a moment, or an interval that began and ended in it); null otherwise. The strip's bars count only these. */
export function knownMonth(bounds: EdtfBounds): number | null {
	if (bounds.earliest === null || bounds.latest === null) return null;
	const a = ymd(bounds.earliest);
	const b = ymd(bounds.latest);
	return a.year === b.year && a.month === b.month ? a.year * 12 + a.month - 1 : null;
}

/** A moment known to its day (possibly marked approximate or uncertain). */
export function knownDay(bounds: EdtfBounds): boolean {
	return !bounds.interval && bounds.earliest !== null && bounds.latest !== null && Math.floor(bounds.earliest / DAY_MS) === Math.floor(bounds.latest / DAY_MS);
}

/** A moment whose possible dates run past one calendar year: it cannot honestly be filed under a year. */
export function spansYears(bounds: EdtfBounds): boolean {
	if (bounds.interval) return false;
	if (bounds.earliest === null || bounds.latest === null) return true;
	return ymd(bounds.earliest).year !== ymd(bounds.latest).year;
}

/** A valid HTML `<time datetime>` value for what is known ("2021", "2025-07", "2025-09-15"): an interval's start (or end when the start is unknown), a moment's smallest calendar unit holding all its possible dates; null when that is more than a year or not representable. */
export function htmlDatetime(edtf: string): string | null {
	const b = boundsOf(edtf);
	let ms: number | null;
	let unit: DatePrecision | null;
	if (b.interval) {
		const point = isPoint(b.start) ? b.start : isPoint(b.end) ? b.end : null;
		if (!point) return null;
		ms = point.earliest;
		unit = unitOf(point.earliest, point.latest);
	} else {
		if (b.earliest === null || b.latest === null) return null;
		ms = b.earliest;
		unit = unitOf(b.earliest, b.latest);
	}
	if (unit === null) return null;
	const d = ymd(ms);
	// HTML year, month and date strings need a year above zero, written with at least four digits.
	if (d.year < 1) return null;
	const two = (n: number) => String(n).padStart(2, '0');
	const year = String(d.year).padStart(4, '0');
	if (unit === 'year') return year;
	if (unit === 'month') return `${year}-${two(d.month)}`;
	return `${year}-${two(d.month)}-${two(d.day)}`;
}

/** A piece of a date's wording that is itself a date: its text and its `<time datetime>` value. */
export interface DatePart {
	text: string;
	datetime: string;
}

function partOf(p: EdtfPoint, at: 'earliest' | 'latest'): DatePart | null {
	const unit = unitOfPrecision(at === 'latest' ? (p.endPrecision ?? p.precision) : p.precision);
	const ms = at === 'earliest' ? p.earliest : p.latest;
	const d = ymd(ms);
	if (d.year < 1) return null;
	const two = (n: number) => String(n).padStart(2, '0');
	const year = String(d.year).padStart(4, '0');
	const datetime = unit === 'year' ? year : unit === 'month' ? `${year}-${two(d.month)}` : `${year}-${two(d.month)}-${two(d.day)}`;
	return { text: unitLabel(ms, unit, false), datetime };
}

/**
 * A moment too vague for one `<time datetime>` (its possible dates run over several years, or one end is
 * open), as words and dates: ["between ", 2021, " and ", 15 Sep 2025], ["on or before ", 15 Sep 2025].
 * Each date part marks one bound, so machines read the bounds and readers the same words as elsewhere.
 * Null when one `<time>` says it (htmlDatetime is not null) or the wording does not split this way.
 */
export function datetimeParts(edtf: string): (string | DatePart)[] | null {
	if (htmlDatetime(edtf) !== null) return null;
	const b = boundsOf(edtf);
	if (b.interval || b.approximate || b.uncertain) return null;
	const { start, end } = b;
	const shown = formatBounds(b);
	if (isPoint(start) && isPoint(end) && shown.startsWith('between ')) {
		const from = partOf(start, 'earliest');
		const to = partOf(end, 'latest');
		if (from && to && shown === `between ${from.text} and ${to.text}`) return ['between ', from, ' and ', to];
	}
	if (!isPoint(start) && isPoint(end)) {
		const to = partOf(end, 'latest');
		if (to && shown === `on or before ${to.text}`) return ['on or before ', to];
	}
	return null;
}

/** The precision a date is shown at: the smallest calendar unit holding its start (its end when the start is unknown). */
export function precisionOf(edtf: string): DatePrecision | null {
	const b = boundsOf(edtf);
	const point = isPoint(b.start) ? b.start : isPoint(b.end) ? b.end : null;
	if (!point) return null;
	return unitOf(point.earliest, point.latest) ?? 'year';
}

/** Day number (days since 1970-01-01 UTC) of an instant. */
function dayOf(ms: number): number {
	return Math.floor(ms / DAY_MS);
}

/** Where a date sits on the timeline: earliest possible day (the end's day when the start is unknown), then latest day (open or unknown end = +Infinity). */
export function chronoKey(bounds: EdtfBounds): { start: number; end: number } {
	const end = bounds.latest === null ? Infinity : dayOf(bounds.latest);
	const start = bounds.earliest !== null ? dayOf(bounds.earliest) : bounds.latest !== null ? end : Infinity;
	return { start, end };
}

/** Orders two dates chronologically: by chronoKey, then exact before approximate before uncertain. */
export function compareBounds(a: EdtfBounds, b: EdtfBounds): number {
	const ka = chronoKey(a);
	const kb = chronoKey(b);
	const certainty = (x: EdtfBounds) => (x.approximate ? 1 : 0) + (x.uncertain ? 2 : 0);
	return compareNumbers(ka.start, kb.start) || compareNumbers(ka.end, kb.end) || certainty(a) - certainty(b);
}

function compareNumbers(a: number, b: number): number {
	return a === b ? 0 : a < b ? -1 : 1;
}

type Dated = { bounds: EdtfBounds; title: string; key?: string; seq?: number };

/** Orders dated, titled items oldest first; ties broken by `seq` (the order the articles tell them in) when given, then by title, then by key, so the order is total and stable. */
export function compareChronologically(a: Dated, b: Dated): number {
	const byTitle = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
	return compareBounds(a.bounds, b.bounds) || (a.seq ?? 0) - (b.seq ?? 0) || byTitle(a.title, b.title) || byTitle(a.key ?? '', b.key ?? '');
}

/** The year an entry is grouped under: the year of its earliest day, or of its latest when the start is unknown; null if neither is known. */
export function yearOf(edtf: string | EdtfBounds): number | null {
	const bounds = typeof edtf === 'string' ? boundsOf(edtf) : edtf;
	const ms = bounds.earliest ?? bounds.latest;
	return ms === null ? null : new Date(ms).getUTCFullYear();
}

/** "2021 to 14 Sep 2025": from the earliest bound to the latest of a list of dates, each at its own unit; one date is shown as itself. */
export function spanOf(dates: EdtfBounds[]): string {
	if (dates.length === 0) return '';
	if (dates.length === 1) return formatBounds(dates[0]);
	let first: EdtfPoint | null = null;
	let last: EdtfPoint | null = null;
	for (const d of dates) {
		if (isPoint(d.start) && (!first || d.start.earliest < first.earliest)) first = d.start;
		if (isPoint(d.end) && (!last || d.end.latest > last.latest)) last = d.end;
	}
	if (!first || !last) return '';
	// Each end at the unit its author wrote: "2021", "15 Sep 2025".
	const a = unitLabel(first.earliest, unitOfPrecision(first.precision), false);
	const b = unitLabel(last.latest, unitOfPrecision(last.endPrecision ?? last.precision), false);
	return a === b ? unitLabel(first.earliest, unitOfPrecision(first.precision), true) : `${a} to ${b}`;
}

/** A relation's start in words: "since 2021", "since sometime between 2021 and Jan 2025", "since no later than 15 Sep 2025". */
export function sinceLabel(edtf: string): string {
	const shown = formatEdtf(edtf);
	if (shown.startsWith('between ')) return `since sometime ${shown}`;
	if (shown.startsWith('on or before ')) return `since no later than ${shown.slice('on or before '.length)}`;
	return `since ${shown}`;
}

/** A relation's end in words: "until Jan 2025", "until sometime between …". */
export function untilLabel(edtf: string): string {
	const shown = formatEdtf(edtf);
	return shown.startsWith('between ') ? `until sometime ${shown}` : `until ${shown}`;
}
