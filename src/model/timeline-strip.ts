import type { MonthCount } from './timeline.ts';

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

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
	/** y of the bars' common baseline; year labels sit below it. */
	baseline: number;
	bars: StripBar[];
	years: StripYear[];
	max: number;
	/** The month with most events, first of ties. */
	busiest: StripBar | null;
}

export interface StripOptions {
	width?: number;
	height?: number;
	/** Room under the baseline for year labels. */
	labelHeight?: number;
	/** Space between bars, when bars are wide enough to afford it. */
	gap?: number;
	/** Narrowest band that still gets a year label. */
	minLabelWidth?: number;
}

/** The counts over whole calendar years, from January of the first year to December of the last (or of `through`), zero months added. */
export function wholeYears(months: MonthCount[], span?: { from: number; through: number }): MonthCount[] {
	if (!months.length && !span) return [];
	const years = months.map((m) => Number(m.month.slice(0, 4)));
	const from = Math.min(...years, span?.from ?? Infinity);
	const through = Math.max(...years, span?.through ?? -Infinity);
	const counts = new Map(months.map((m) => [m.month, m.count]));
	const all: MonthCount[] = [];
	for (let y = from; y <= through; y++) {
		for (let m = 1; m <= 12; m++) {
			const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
			all.push({ month, count: counts.get(month) ?? 0 });
		}
	}
	return all;
}

export function monthLabel(month: string): string {
	const [year, m] = month.split('-');
	return `${SHORT_MONTHS[Number(m) - 1]} ${Number(year)}`;
}

/** Lays out a per-month bar strip: one bar per month, heights relative to the busiest month, years as bands under them. */
export function layoutStrip(months: MonthCount[], options: StripOptions = {}): StripLayout {
	const { width = 960, height = 120, labelHeight = 22, gap = 2, minLabelWidth = 36 } = options;
	const baseline = height - labelHeight;
	const plot = baseline - 4;
	const step = months.length ? width / months.length : width;
	const barGap = step > gap * 3 ? gap : 0;
	const max = months.reduce((m, c) => Math.max(m, c.count), 0);
	const round = (n: number) => Math.round(n * 100) / 100;
	const bars: StripBar[] = months.map((m, i) => {
		// A month with any event gets at least a visible sliver, so single events never vanish.
		const h = m.count === 0 || max === 0 ? 0 : Math.max(2, (m.count / max) * plot);
		return { month: m.month, label: monthLabel(m.month), count: m.count, x: round(i * step + barGap / 2), y: round(baseline - h), width: round(Math.max(step - barGap, 0.5)), height: round(h) };
	});
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
	const band = Math.min(...years.map((y) => y.width));
	const every = [1, 2, 5, 10, 20, 50].find((n) => band * n >= minLabelWidth) ?? 100;
	for (const y of years) y.labelled = y.year % every === 0 && (y.width >= minLabelWidth || every > 1);
	const busiest = bars.reduce<StripBar | null>((best, b) => (b.count > 0 && (!best || b.count > best.count) ? b : best), null);
	return { width, height, baseline, bars, years, max, busiest };
}
