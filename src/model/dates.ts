import { parseEdtf, type EdtfBounds } from '../schema/edtf.ts';

/** How finely a date is shown: the EDTF precision, but no finer than what is actually known. */
export type DatePrecision = 'year' | 'month' | 'day';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY_MS = 86_400_000;

/** One end of a date or interval, as known: a calendar point at some precision with its marks. */
interface DatePoint {
	precision: DatePrecision;
	year: number;
	/** 1–12 */
	month: number;
	day: number;
	/** Last year the point may be, when unspecified digits widen it (201X → 2019). */
	lastYear: number;
	approximate: boolean;
	uncertain: boolean;
}

/** An endpoint: a known point, unknown ("" in EDTF), or open (".."). */
type Endpoint = DatePoint | 'unknown' | 'open';

/** EDTF 2019 writes "uncertain and approximate" as %; the older ?~ / ~? spelling is read the same. */
function normalise(edtf: string): string {
	return edtf.trim().replace(/\?~|~\?/g, '%');
}

/** Parsed EDTF strings: a story's events share few distinct dates, and parsing is the slow part. */
const parsed = new Map<string, ReturnType<typeof parseEdtf>>();

/** Bounds of an EDTF string, throwing for strings the content checks would have refused. */
export function boundsOf(edtf: string): EdtfBounds {
	const text = normalise(edtf);
	let bounds = parsed.get(text);
	if (bounds === undefined) {
		bounds = parseEdtf(text);
		parsed.set(text, bounds);
	}
	if (typeof bounds === 'string') throw new Error(bounds);
	return { ...bounds, edtf };
}

function pointOf(bounds: EdtfBounds): DatePoint | 'unknown' {
	if (bounds.earliest === null || bounds.latest === null) return 'unknown';
	const first = new Date(bounds.earliest);
	const last = new Date(bounds.latest);
	const same = (get: (d: Date) => number) => get(first) === get(last);
	const sameYear = same((d) => d.getUTCFullYear());
	const sameMonth = sameYear && same((d) => d.getUTCMonth());
	// edtf reports precision 0 for a date-time, despite the type; unspecified digits (2021-XX) can make the point coarser.
	const raw: number = bounds.precision;
	const declared = raw >= 3 || raw === 0 ? 3 : raw;
	const precision: DatePrecision =
		declared === 3 && sameMonth && same((d) => d.getUTCDate()) ? 'day' : declared >= 2 && sameMonth ? 'month' : 'year';
	return {
		precision,
		year: first.getUTCFullYear(),
		month: first.getUTCMonth() + 1,
		day: first.getUTCDate(),
		lastYear: last.getUTCFullYear(),
		approximate: bounds.approximate,
		uncertain: bounds.uncertain,
	};
}

function endpoints(edtf: string): { interval: boolean; start: Endpoint; end: Endpoint } {
	const text = normalise(edtf);
	const slash = text.indexOf('/');
	if (slash < 0) {
		const point = pointOf(boundsOf(text));
		return { interval: false, start: point, end: point };
	}
	const side = (part: string): Endpoint => (part === '' ? 'unknown' : part === '..' ? 'open' : pointOf(boundsOf(part)));
	return { interval: true, start: side(text.slice(0, slash)), end: side(text.slice(slash + 1)) };
}

function yearLabel(year: number): string {
	return year < 1 ? `${1 - year} BCE` : String(year);
}

function yearsLabel(p: DatePoint): string {
	if (p.lastYear === p.year) return yearLabel(p.year);
	if (p.year % 10 === 0 && p.lastYear === p.year + 9 && p.year > 0) return `${p.year}s`;
	return `${yearLabel(p.year)}–${yearLabel(p.lastYear)}`;
}

function monthName(month: number, long: boolean): string {
	const name = MONTHS[month - 1];
	return long ? name : name.slice(0, 3);
}

/** "2021", "July 2025" (long) or "Jul 2025" (short), "15 Sep 2025" — without marks. */
function plainLabel(p: DatePoint, long: boolean): string {
	if (p.precision === 'year') return yearsLabel(p);
	const month = `${monthName(p.month, long)} ${yearLabel(p.year)}`;
	return p.precision === 'month' ? month : `${p.day} ${monthName(p.month, false)} ${yearLabel(p.year)}`;
}

function marked(p: DatePoint, label: string): string {
	return `${p.approximate ? 'c. ' : ''}${label}${p.uncertain ? '?' : ''}`;
}

function isPoint(e: Endpoint): e is DatePoint {
	return typeof e === 'object';
}

/** Collapses a range whose ends share a year or month: "8–14 Sep 2025", "Jul–Sep 2025", "2021–2023". */
function rangeLabel(a: DatePoint, b: DatePoint): string {
	const marks = a.approximate || a.uncertain || b.approximate || b.uncertain;
	const left = marked(a, plainLabel(a, false));
	const right = marked(b, plainLabel(b, false));
	if (left === right) return marked(a, plainLabel(a, true));
	if (!marks && a.precision === b.precision && a.lastYear === a.year && b.lastYear === b.year) {
		const year = yearLabel(b.year);
		if (a.precision === 'year') return `${yearLabel(a.year)}–${year}`;
		if (a.year === b.year && a.precision === 'month') return `${monthName(a.month, false)}–${monthName(b.month, false)} ${year}`;
		if (a.year === b.year && a.month === b.month) return `${a.day}–${b.day} ${monthName(b.month, false)} ${year}`;
		if (a.year === b.year) return `${a.day} ${monthName(a.month, false)} – ${b.day} ${monthName(b.month, false)} ${year}`;
	}
	return `${left} – ${right}`;
}

/** English display of an EDTF date at its own precision and certainty: "July 2025", "8–14 Sep 2025", "c. 2023", "from 2021". */
export function formatEdtf(edtf: string): string {
	const { interval, start, end } = endpoints(edtf);
	if (!interval) return isPoint(start) ? marked(start, plainLabel(start, true)) : edtf;
	if (isPoint(start) && isPoint(end)) return rangeLabel(start, end);
	if (isPoint(start)) return end === 'open' ? `from ${marked(start, plainLabel(start, true))}` : `${marked(start, plainLabel(start, false))} – ?`;
	if (isPoint(end)) return start === 'open' ? `until ${marked(end, plainLabel(end, true))}` : `? – ${marked(end, plainLabel(end, false))}`;
	return 'date unknown';
}

/** A valid HTML `<time datetime>` value at the date's precision ("2021", "2025-07", "2025-09-15"): the start, or the end when the start is unknown; null when neither is a representable date. */
export function htmlDatetime(edtf: string): string | null {
	const { start, end } = endpoints(edtf);
	const point = isPoint(start) ? start : isPoint(end) ? end : null;
	// HTML year, month and date strings need a year above zero, written with at least four digits.
	if (!point || point.year < 1) return null;
	const two = (n: number) => String(n).padStart(2, '0');
	const year = String(point.year).padStart(4, '0');
	if (point.precision === 'year') return year;
	if (point.precision === 'month') return `${year}-${two(point.month)}`;
	return `${year}-${two(point.month)}-${two(point.day)}`;
}

/** The precision a date is shown at: its start's, or its end's when the start is unknown. */
export function precisionOf(edtf: string): DatePrecision | null {
	const { start, end } = endpoints(edtf);
	return isPoint(start) ? start.precision : isPoint(end) ? end.precision : null;
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

/** Orders dated, titled items oldest first; ties broken by title, then by key, so the order is total and stable. */
export function compareChronologically(a: { bounds: EdtfBounds; title: string; key?: string }, b: { bounds: EdtfBounds; title: string; key?: string }): number {
	const byTitle = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
	return compareBounds(a.bounds, b.bounds) || byTitle(a.title, b.title) || byTitle(a.key ?? '', b.key ?? '');
}

/** The year an entry is grouped under: the year of its earliest day, or of its latest when the start is unknown; null if neither is known. */
export function yearOf(edtf: string | EdtfBounds): number | null {
	const bounds = typeof edtf === 'string' ? boundsOf(edtf) : edtf;
	const ms = bounds.earliest ?? bounds.latest;
	return ms === null ? null : new Date(ms).getUTCFullYear();
}

/** YYYY-MM-DD of an instant (UTC), for exports; null stays null. */
export function isoDay(ms: number | null): string | null {
	if (ms === null) return null;
	const date = new Date(ms);
	const year = date.getUTCFullYear();
	if (year < 0 || year > 9999) return null;
	return date.toISOString().slice(0, 10);
}
