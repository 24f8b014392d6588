// The overview strip draws what is known: bars for events known to the month, faint rows for the rest, and no
// crash or spike whatever the dates (issue 10; issue 17 item 5: Math.min(...years) overflowed the stack).
import { describe, expect, it } from 'vitest';
import { histogram, layoutStrip, stripFigureHtml, wholeYears, yearCountLabel, type StripItem } from '../../src/model/timeline-strip.ts';
import { buildTimeline } from '../../src/model/timeline.ts';
import { actorMap, article } from './article-fixture.ts';

const month = (year: number, m: number) => year * 12 + m - 1;

describe('histogram', () => {
	it('counts bars only for month-known events and spreads the others over the months they may fall in or lasted', () => {
		const items: StripItem[] = [
			{ kind: 'month', month: month(2025, 7) },
			{ kind: 'maybe', from: month(2025, 1), to: month(2025, 12) },
			{ kind: 'lasting', from: month(2025, 6), to: month(2025, 8) },
		];
		const months = histogram(items);
		expect(months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
		expect(months.find((m) => m.month === '2025-07')).toEqual({ month: '2025-07', count: 1, maybe: 1, lasting: 1 });
		expect(months.find((m) => m.month === '2025-01')).toEqual({ month: '2025-01', count: 0, maybe: 1 });
		expect(months.find((m) => m.month === '2025-09')).toEqual({ month: '2025-09', count: 0, maybe: 1 });
	});

	it('survives a quarter of a million events and dates a million years apart without spreading arrays', () => {
		const many: StripItem[] = Array.from({ length: 250_000 }, (_, i) => ({ kind: 'month', month: month(1990 + (i % 30), (i % 12) + 1) }));
		many.push({ kind: 'month', month: month(-200_000, 1) }, { kind: 'maybe', from: null, to: month(170_000, 1) });
		const months = histogram(many);
		expect(months.length).toBeLessThanOrEqual(12 * 250);
		expect(months.at(-1)!.month).toBe('170000-01');
		const years = wholeYears(Array.from({ length: 200_000 }, (_, i) => ({ month: `${String(1900 + (i % 200)).padStart(4, '0')}-01`, count: 1 })));
		expect(years).toHaveLength(200 * 12);
		expect(() => layoutStrip(years)).not.toThrow();
	});
});

describe('layoutStrip and the figure', () => {
	const timeline = buildTimeline(
		[
			article('a', '2025-09-15', [
				{ date: '[2021..2025-09]', title: 'Handover', actors: ['russia'] },
				{ date: '[2021..2025-09]', title: 'Arrival', actors: ['russia'] },
				{ date: '2025-07', title: 'Visit', actors: ['us'] },
				{ date: '2024/2025-02', title: 'Sanctions', actors: ['us'] },
			]),
		],
		actorMap(),
	);
	const items = timeline.map((e) => e.strip);

	it('has no earliest-month spike for moments known only within a range, and names the busiest month from month-known events only', () => {
		const layout = layoutStrip(wholeYears(histogram(items)));
		expect(layout.bars.filter((b) => b.count > 0).map((b) => b.month)).toEqual(['2025-07']);
		expect(layout.busiest).toMatchObject({ month: '2025-07', count: 1 });
		expect(layout.maybe.find((c) => c.month === '2021-01')).toMatchObject({ count: 2 });
		expect(layout.lasting.map((c) => c.month)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02']);
		// The faint rows sit under the bars' baseline, above the year labels.
		expect(layout.rows.maybe!.y).toBeGreaterThan(layout.baseline);
		expect(layout.rows.lasting!.y).toBeGreaterThan(layout.rows.maybe!.y);
	});

	it('says in the caption what is drawn, and escapes what it prints', () => {
		const html = stripFigureHtml({ items, what: 'events involving <script>alert(1)</script>', years: [{ year: 2021, count: 2, href: '#year-2021' }, { year: 2024, count: 1, href: '#year-2024' }, { year: 2025, count: 1, href: '#year-2025' }] });
		expect(html).toContain('(4 in all; 1 known to the month). The busiest month is Jul 2025 (1).');
		expect(html).toContain('2 events known only to a year or a range are not counted in any month');
		expect(html).toContain('1 event that lasted is drawn in the row below');
		expect(html).not.toContain('<script>');
		expect(html).toContain('&lt;script&gt;');
		expect(stripFigureHtml({ items: [], what: 'events', years: [] })).toBe('');
	});

	it('words year headings for ranges that run past their year', () => {
		expect(yearCountLabel(1, 0)).toBe('1 event');
		expect(yearCountLabel(4, 3)).toBe('4 events, 3 of them dated only within a wider range');
		expect(yearCountLabel(1, 1)).toBe('1 event, dated only within a wider range');
		expect(yearCountLabel(2, 2)).toBe('2 events, all dated only within a wider range');
	});
});
