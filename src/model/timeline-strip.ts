// The timeline's overview strip, as plain data and markup: the page renders it at build time and the instant
// filter re-renders it in the browser from the same functions, so both always draw the same picture.

import { SHORT_MONTHS, count, formatNumber } from '../language/wording.ts';

/** Events per month, for the timeline's overview strip. */
export interface MonthCount {
	/** YYYY-MM */
	month: string;
	/** Moments known to lie in this month: the bars. */
	count: number;
	/** Moments known only to a year or a range that includes this month (set only when > 0). */
	maybe?: number;
	/** Intervals that lasted through this month (set only when > 0). */
	lasting?: number;
}

/**
 * What the strip needs of one timeline entry, in month indexes (year × 12 + month − 1): the month of a
 * moment known to the month, or the months a vaguer moment may fall in, or the months an interval lasted.
 * `null` ends are open or unknown and reach the edge of the strip.
 */
export type StripItem = { kind: 'month'; month: number } | { kind: 'maybe' | 'lasting'; from: number | null; to: number | null };

/** Encodes an item for a `data-strip` attribute: "m 24307", "r 24252 24308", "l 24252 -". */
export function encodeStripItem(item: StripItem): string {
	if (item.kind === 'month') return `m ${item.month}`;
	return `${item.kind === 'maybe' ? 'r' : 'l'} ${item.from ?? '-'} ${item.to ?? '-'}`;
}

export function decodeStripItem(text: string): StripItem | null {
	const [kind, a, b] = text.split(' ');
	const n = (s: string | undefined) => (s === undefined || s === '-' ? null : Number(s));
	if (kind === 'm' && a !== undefined) return { kind: 'month', month: Number(a) };
	if (kind === 'r' || kind === 'l') return { kind: kind === 'r' ? 'maybe' : 'lasting', from: n(a), to: n(b) };
	return null;
}

/** The strip covers at most this many months (a check refuses dates outside 1900–2100; this only bounds the work). */
const MAX_MONTHS = 12 * 250;

function monthKey(index: number): string {
	const year = Math.floor(index / 12);
	return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Events per month from the first month any event may fall in to the last, zero months included. Bars count
 * only moments known to the month; a moment known to a year or a range adds to `maybe` in every month it may
 * fall in, an interval to `lasting` in every month it lasted. No event is ever counted in a month it may not be in.
 */
export function histogram(items: readonly StripItem[]): MonthCount[] {
	let first = Infinity;
	let last = -Infinity;
	for (const item of items) {
		for (const m of item.kind === 'month' ? [item.month] : [item.from, item.to]) {
			if (m === null) continue;
			if (m < first) first = m;
			if (m > last) last = m;
		}
	}
	if (!Number.isFinite(first)) return [];
	if (last - first >= MAX_MONTHS) first = last - MAX_MONTHS + 1;
	const size = last - first + 1;
	const counts = new Array<number>(size).fill(0);
	// Difference arrays: one pass over the items, one over the months, whatever the ranges.
	const maybe = new Array<number>(size + 1).fill(0);
	const lasting = new Array<number>(size + 1).fill(0);
	const clamp = (m: number) => Math.min(Math.max(m, first), last) - first;
	for (const item of items) {
		if (item.kind === 'month') {
			if (item.month >= first) counts[item.month - first]++;
			continue;
		}
		const from = clamp(item.from ?? (item.kind === 'lasting' && item.to !== null ? item.to : first));
		const to = clamp(item.to ?? last);
		const target = item.kind === 'maybe' ? maybe : lasting;
		target[Math.min(from, to)]++;
		target[Math.max(from, to) + 1]--;
	}
	const months: MonthCount[] = [];
	let openMaybe = 0;
	let openLasting = 0;
	for (let i = 0; i < size; i++) {
		openMaybe += maybe[i];
		openLasting += lasting[i];
		const month: MonthCount = { month: monthKey(first + i), count: counts[i] };
		if (openMaybe > 0) month.maybe = openMaybe;
		if (openLasting > 0) month.lasting = openLasting;
		months.push(month);
	}
	return months;
}

/** One month's bar, in SVG user units. */
export interface StripBar {
	month: string;
	/** "Sep 2025" */
	label: string;
	count: number;
	x: number;
	y: number;
	width: number;
	height: number;
}

/** One month's cell in a faint row under the bars: how many vaguer events may fall in it, or lasted through it. */
export interface StripCell {
	month: string;
	label: string;
	count: number;
	x: number;
	width: number;
	/** 0.15–0.55: more events, darker; faint beside the bars, which carry what is known to the month. */
	opacity: number;
}

/** The band of one year across the strip: what its year label and link cover. */
export interface StripYear {
	year: number;
	x: number;
	width: number;
	count: number;
	/** False when the band is too narrow for its label (many years on one strip). */
	labelled: boolean;
}

export interface StripLayout {
	width: number;
	height: number;
	/** y of the bars' common baseline; the faint rows, then the year labels, sit below it. */
	baseline: number;
	bars: StripBar[];
	/** Moments known only to a year or a range: a faint cell in every month they may fall in. */
	maybe: StripCell[];
	/** Intervals: a cell in every month they lasted. */
	lasting: StripCell[];
	/** y and height of each faint row (null when the row is empty). */
	rows: { maybe: { y: number; height: number } | null; lasting: { y: number; height: number } | null };
	years: StripYear[];
	max: number;
	/** The month with most events known to the month, first of ties. */
	busiest: StripBar | null;
}

export interface StripOptions {
	width?: number;
	height?: number;
	/** Room under the baseline for year labels. */
	labelHeight?: number;
	/** Height of each faint row under the bars. */
	rowHeight?: number;
	/** Space between bars, when bars are wide enough to afford it. */
	gap?: number;
	/** Narrowest band that still gets a year label. */
	minLabelWidth?: number;
}

/** The counts over whole calendar years, from January of the first year to December of the last (or of `through`), zero months added. */
export function wholeYears(months: MonthCount[], span?: { from: number; through: number }): MonthCount[] {
	if (!months.length && !span) return [];
	let from = span?.from ?? Infinity;
	let through = span?.through ?? -Infinity;
	// A loop, not Math.min(...years): spreading tens of thousands of arguments overflows the call stack.
	for (const m of months) {
		const year = Number(m.month.slice(0, 4));
		if (year < from) from = year;
		if (year > through) through = year;
	}
	if (through - from >= MAX_MONTHS / 12) from = through - MAX_MONTHS / 12 + 1;
	const byMonth = new Map(months.map((m) => [m.month, m]));
	const all: MonthCount[] = [];
	for (let y = from; y <= through; y++) {
		for (let m = 1; m <= 12; m++) {
			const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
			all.push(byMonth.get(month) ?? { month, count: 0 });
		}
	}
	return all;
}

export function monthLabel(month: string): string {
	const [year, m] = month.split('-');
	return `${SHORT_MONTHS[Number(m) - 1]} ${Number(year)}`;
}

/** Lays out a per-month bar strip: one bar per month known to the month, faint rows for vaguer and lasting events, years as bands under them. */
export function layoutStrip(months: MonthCount[], options: StripOptions = {}): StripLayout {
	const { width = 960, height = 120, labelHeight = 22, rowHeight = 7, gap = 2, minLabelWidth = 36 } = options;
	let maxMaybe = 0;
	let maxLasting = 0;
	let max = 0;
	for (const m of months) {
		if (m.count > max) max = m.count;
		if ((m.maybe ?? 0) > maxMaybe) maxMaybe = m.maybe!;
		if ((m.lasting ?? 0) > maxLasting) maxLasting = m.lasting!;
	}
	const rowCount = (maxMaybe > 0 ? 1 : 0) + (maxLasting > 0 ? 1 : 0);
	const baseline = height - labelHeight - rowCount * (rowHeight + 3);
	const plot = baseline - 4;
	const step = months.length ? width / months.length : width;
	const barGap = step > gap * 3 ? gap : 0;
	const round = (n: number) => Math.round(n * 100) / 100;
	const bars: StripBar[] = months.map((m, i) => {
		// A month with any event gets at least a visible sliver, so single events never vanish.
		const h = m.count === 0 || max === 0 ? 0 : Math.max(2, (m.count / max) * plot);
		return { month: m.month, label: monthLabel(m.month), count: m.count, x: round(i * step + barGap / 2), y: round(baseline - h), width: round(Math.max(step - barGap, 0.5)), height: round(h) };
	});
	const cells = (get: (m: MonthCount) => number, top: number): StripCell[] =>
		months.flatMap((m, i) => {
			const n = get(m);
			return n > 0 ? [{ month: m.month, label: monthLabel(m.month), count: n, x: round(i * step), width: round(step), opacity: round(0.15 + (0.4 * n) / Math.max(top, 1)) }] : [];
		});
	const maybeRow = maxMaybe > 0 ? { y: baseline + 3, height: rowHeight } : null;
	const lastingRow = maxLasting > 0 ? { y: baseline + 3 + (maybeRow ? rowHeight + 3 : 0), height: rowHeight } : null;
	const years: StripYear[] = [];
	months.forEach((m, i) => {
		const year = Number(m.month.slice(0, 4));
		const last = years.at(-1);
		if (last && last.year === year) {
			last.width = round(last.width + step);
			last.count += m.count;
		} else years.push({ year, x: round(i * step), width: round(step), count: m.count, labelled: true });
	});
	// Too many years for a label each: label every 2nd, 5th or 10th year instead, whichever first fits.
	let band = Infinity;
	for (const y of years) if (y.width < band) band = y.width;
	const every = [1, 2, 5, 10, 20, 50].find((n) => band * n >= minLabelWidth) ?? 100;
	for (const y of years) y.labelled = y.year % every === 0 && (y.width >= minLabelWidth || every > 1);
	const busiest = bars.reduce<StripBar | null>((best, b) => (b.count > 0 && (!best || b.count > best.count) ? b : best), null);
	return {
		width,
		height,
		baseline,
		bars,
		maybe: cells((m) => m.maybe ?? 0, maxMaybe),
		lasting: cells((m) => m.lasting ?? 0, maxLasting),
		rows: { maybe: maybeRow, lasting: lastingRow },
		years,
		max,
		busiest,
	};
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A year of the strip's slice: its count and where its band links (its section or year page). */
export interface StripYearLink {
	year: number | null;
	count: number;
	href: string;
}

export interface StripFigure {
	items: readonly StripItem[];
	/** Years the strip covers at least, so a slice lines up with the whole timeline. */
	span?: { from: number; through: number };
	/** What the counted entries are, e.g. "events" or "events involving Russia". */
	what: string;
	years: readonly StripYearLink[];
}

function yearName(year: number | null): string {
	return year === null ? 'Undated' : year < 1 ? `${1 - year} BCE` : String(year);
}

function svg(layout: StripLayout, size: string, hrefOf: Map<number, string>): string {
	const parts: string[] = [`<svg class="tl-strip-${size}" viewBox="0 0 ${layout.width} ${layout.height}" aria-hidden="true" focusable="false" preserveAspectRatio="xMidYMid meet">`];
	parts.push(`<line class="tl-strip-axis" x1="0" x2="${layout.width}" y1="${layout.baseline + 0.5}" y2="${layout.baseline + 0.5}"></line>`);
	const inYear = <T extends { month: string }>(list: T[], year: number) => list.filter((x) => x.month.startsWith(`${String(year).padStart(4, '0')}-`));
	for (const y of layout.years) {
		const href = hrefOf.get(y.year);
		const band: string[] = [
			`<rect class="tl-strip-band" x="${y.x}" y="0" width="${y.width}" height="${layout.height}"></rect>`,
			`<line class="tl-strip-tick" x1="${y.x + 0.5}" x2="${y.x + 0.5}" y1="${layout.baseline}" y2="${layout.height - 4}"></line>`,
		];
		for (const b of inYear(layout.bars, y.year)) {
			if (b.count > 0) band.push(`<rect class="tl-strip-bar" x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}"><title>${esc(`${b.label}: ${b.count}`)}</title></rect>`);
		}
		const row = (cells: StripCell[], at: { y: number; height: number } | null, cls: string, say: (c: StripCell) => string) => {
			if (!at) return;
			for (const c of inYear(cells, y.year)) band.push(`<rect class="${cls}" x="${c.x}" y="${at.y}" width="${c.width}" height="${at.height}" fill-opacity="${c.opacity}"><title>${esc(say(c))}</title></rect>`);
		};
		row(layout.maybe, layout.rows.maybe, 'tl-strip-maybe', (c) => `${c.label}: ${count(c.count, 'event')} known only to a year or a range that includes this month`);
		row(layout.lasting, layout.rows.lasting, 'tl-strip-lasting', (c) => `${c.label}: ${count(c.count, 'event')} lasting through this month`);
		if (y.labelled) band.push(`<text class="tl-strip-label" x="${y.x + 5}" y="${layout.height - 6}">${y.year}</text>`);
		parts.push(href ? `<a href="${esc(href)}" tabindex="-1">${band.join('')}</a>` : `<g>${band.join('')}</g>`);
	}
	parts.push('</svg>');
	return parts.join('');
}

/** The inner HTML of the strip's `<figure>`: a wide and a narrow drawing, a table of counts per year, and a caption saying what is drawn. Empty when there is nothing to draw. */
export function stripFigureHtml({ items, span, what, years }: StripFigure): string {
	const months = items.length ? wholeYears(histogram(items), span) : [];
	if (!months.length) return '';
	const layouts = [
		{ layout: layoutStrip(months), size: 'wide' },
		{ layout: layoutStrip(months, { width: 420, height: 150, minLabelWidth: 34 }), size: 'narrow' },
	];
	const layout = layouts[0].layout;
	const hrefOf = new Map(years.filter((y) => y.year !== null).map((y) => [y.year as number, y.href]));
	const What = what[0].toUpperCase() + what.slice(1);
	const range = `${layout.bars[0].label} – ${layout.bars.at(-1)!.label}`;
	const byMonth = items.filter((i) => i.kind === 'month').length;
	const vague = items.filter((i) => i.kind === 'maybe').length;
	const lasting = items.length - byMonth - vague;
	const caption = [
		`<strong>${esc(What)} per month, ${range}</strong> (${formatNumber(items.length)} in all; ${byMonth === items.length ? 'each known to the month' : `${formatNumber(byMonth)} known to the month`}).`,
		layout.busiest ? `The busiest month is ${layout.busiest.label} (${formatNumber(layout.busiest.count)}).` : 'No event is known to the month.',
		vague ? `${count(vague, 'event')} known only to a year or a range ${vague === 1 ? 'is' : 'are'} not counted in any month: the faint row under the bars covers every month ${vague === 1 ? 'it' : 'they'} may fall in.` : '',
		lasting ? `${count(lasting, 'event')} that lasted ${lasting === 1 ? 'is' : 'are'} drawn in the row below, across ${lasting === 1 ? 'its' : 'their'} months.` : '',
		'Click a year to jump to it.',
	].filter(Boolean);
	return [
		...layouts.map(({ layout: l, size }) => svg(l, size, hrefOf)),
		// Wrapped: a table sizes to its content, so only a clipping box keeps it from widening the page.
		'<div class="visually-hidden"><table>',
		`<caption>${esc(What)} per year</caption>`,
		'<thead><tr><th scope="col">Year</th><th scope="col">Events</th></tr></thead><tbody>',
		...years.map((y) => `<tr><th scope="row">${yearName(y.year)}</th><td>${formatNumber(y.count)}</td></tr>`),
		'</tbody></table></div>',
		`<figcaption>${caption.join(' ')}</figcaption>`,
	].join('');
}

/** A year heading's count: "3 events", or "3 events, 2 of them dated only within a wider range" when some may lie outside the year. */
export function yearCountLabel(events: number, spanning: number): string {
	const base = count(events, 'event');
	return spanning ? `${base}, ${spanning === events ? (events === 1 ? 'dated' : 'all dated') : `${formatNumber(spanning)} of them dated`} only within a wider range` : base;
}
