import { describe, expect, it } from 'vitest';
import { ENTRIES_PER_PAGE, PAGE_BUDGET_BYTES, chunkByBudget, entryAnchor, estimateEntryBytes, needsSplit, planSlice } from '../../src/model/timeline-slices.ts';
import { formatNumber as formatCount, kindLabel } from '../../src/language/wording.ts';
import { layoutStrip, wholeYears } from '../../src/model/timeline-strip.ts';
import { buildTimeline, monthHistogram } from '../../src/model/timeline.ts';
import { actorMap, article } from './article-fixture.ts';

/** `perYear` undated-free events per year, one article per year. */
function timeline(perYear: Record<number, number>) {
	const articles = Object.entries(perYear).map(([year, n]) =>
		article(`${year}-12-31-a`, `${year}-12-31`, Array.from({ length: n }, (_, i) => ({ date: `${year}-${String((i % 12) + 1).padStart(2, '0')}`, title: `E${i}` }))),
	);
	return buildTimeline(articles, actorMap());
}

describe('planSlice: when the timeline is split', () => {
	it('keeps a slice that fits on one full page, linking years to their sections', () => {
		const entries = timeline({ 2021: 3, 2025: 2 });
		const pages = planSlice({ kind: 'all' }, entries, { limit: 5 });
		expect(pages).toHaveLength(1);
		expect(pages[0]).toMatchObject({ path: '/timeline/', kind: 'full', total: 5 });
		expect(pages[0].entries).toHaveLength(5);
		expect(pages[0].years.map((y) => y.href)).toEqual(['/timeline/#year-2021', '/timeline/#year-2025']);
	});

	it('splits a bigger slice into an overview and year pages of at most `limit` entries', () => {
		const entries = timeline({ 2021: 3, 2022: 7 });
		const pages = planSlice({ kind: 'bloc', bloc: 'us' }, entries, { limit: 3, recent: 2 });
		expect(pages.map((p) => p.path)).toEqual([
			'/timeline/bloc/us/',
			'/timeline/bloc/us/2021/',
			'/timeline/bloc/us/2022/',
			'/timeline/bloc/us/2022/2/',
			'/timeline/bloc/us/2022/3/',
		]);
		const [overview, ...years] = pages;
		expect(overview.kind).toBe('overview');
		expect(overview.entries).toEqual(entries.slice(-2));
		expect(overview.years.map((y) => [y.year, y.count, y.parts])).toEqual([[2021, 3, 1], [2022, 7, 3]]);
		for (const page of years) expect(page.entries.length).toBeLessThanOrEqual(3);
		expect(years.flatMap((p) => p.entries)).toEqual(entries);
		expect(years[1]).toMatchObject({ year: 2022, part: 1, parts: 3, prev: { href: '/timeline/bloc/us/2021/' }, next: { href: '/timeline/bloc/us/2022/2/', label: '2022, part 2 of 3' } });
		expect(years.at(-1)!.next).toBeUndefined();
	});

	it('splits only above the entry limit or the byte budget', () => {
		const entries = timeline({ 2024: 30 });
		expect(needsSplit(entries, { limit: 30 })).toBe(false);
		expect(needsSplit(entries, { limit: 29 })).toBe(true);
		const bytes = entries.reduce((n, e) => n + estimateEntryBytes(e), 0);
		expect(needsSplit(entries, { budget: bytes })).toBe(false);
		expect(needsSplit(entries, { budget: bytes - 1 })).toBe(true);
		const chunks = chunkByBudget(entries, { budget: Math.ceil(bytes / 3) });
		expect(chunks.flat()).toEqual(entries);
		expect(chunks.length).toBeGreaterThanOrEqual(3);
	});

	it('keeps every page of 50,000 events within the limit and the budget', () => {
		const pages = planSlice({ kind: 'all' }, timeline({ 2021: 9000, 2022: 11000, 2023: 10000, 2024: 10000, 2025: 10000 }));
		expect(pages[0].kind).toBe('overview');
		for (const page of pages) {
			expect(page.entries.length).toBeLessThanOrEqual(ENTRIES_PER_PAGE);
			expect(page.entries.reduce((n, e) => n + estimateEntryBytes(e), 0)).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
		}
	}, 60_000);

	it('weighs Cyrillic and extra sources in the estimate', () => {
		const [latin] = timeline({ 2024: 1 });
		const cyrillic = { ...latin, title: 'Е'.repeat(latin.title.length) };
		expect(estimateEntryBytes(cyrillic) - estimateEntryBytes(latin)).toBe(latin.title.length);
		const twice = { ...latin, sources: [...latin.sources, ...latin.sources] };
		expect(estimateEntryBytes(twice)).toBeGreaterThan(estimateEntryBytes(latin) + 200);
	});
});

describe('timeline labels and anchors', () => {
	it('anchors entries by event id, else by key', () => {
		expect(entryAnchor({ id: '2021-mali-coup', key: '2021-mali-coup' })).toBe('event-2021-mali-coup');
		expect(entryAnchor({ key: 'slug--3' })).toBe('slug--3');
	});
	it('labels kinds in words', () => {
		expect(kindLabel('sanctions-relief')).toBe('Sanctions relief');
		expect(kindLabel('coup')).toBe('Coup');
	});
});

describe('layoutStrip', () => {
	it('draws one bar per month, scaled to the busiest, with a band per year', () => {
		const layout = layoutStrip(monthHistogram(timeline({ 2024: 1, 2025: 14 })), { width: 240, height: 100, labelHeight: 20 });
		expect(layout.bars.map((b) => b.month)).toEqual([...Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`), ...Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`)]);
		expect(layout.max).toBe(2);
		expect(layout.busiest).toMatchObject({ month: '2025-01', label: 'Jan 2025', count: 2 });
		const tallest = layout.bars.find((b) => b.month === '2025-01')!;
		expect(tallest.y + tallest.height).toBe(layout.baseline);
		expect(tallest.height).toBe(layout.baseline - 4);
		expect(layout.bars.find((b) => b.month === '2024-02')!.height).toBe(0);
		expect(layout.years).toEqual([
			{ year: 2024, x: 0, width: 120, count: 1, labelled: true },
			{ year: 2025, x: 120, width: 120, count: 14, labelled: true },
		]);
	});
	it('labels every 2nd, 5th or 10th year when a label each would not fit', () => {
		const months = Array.from({ length: 40 * 12 }, (_, i) => ({ month: `${1990 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, count: i % 7 }));
		expect(layoutStrip(months, { width: 960 }).years.filter((y) => y.labelled).map((y) => y.year)).toEqual(Array.from({ length: 20 }, (_, i) => 1990 + 2 * i));
		expect(layoutStrip(months, { width: 420 }).years.filter((y) => y.labelled).map((y) => y.year)).toEqual([1990, 1995, 2000, 2005, 2010, 2015, 2020, 2025]);
		expect(layoutStrip([])).toMatchObject({ bars: [], years: [], busiest: null });
	});
});

describe('wholeYears', () => {
	it('pads the counts to whole calendar years, at least over the given span', () => {
		const months = wholeYears([{ month: '2025-09', count: 1 }], { from: 2024, through: 2025 });
		expect(months).toHaveLength(24);
		expect(months[0]).toEqual({ month: '2024-01', count: 0 });
		expect(months.find((m) => m.month === '2025-09')!.count).toBe(1);
		expect(wholeYears([{ month: '2025-09', count: 1 }]).map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
		expect(wholeYears([])).toEqual([]);
	});
});

describe('formatCount', () => {
	it('groups thousands with commas', () => {
		expect([0, 999, 1000, 31563, 1234567].map(formatCount)).toEqual(['0', '999', '1,000', '31,563', '1,234,567']);
	});
});
