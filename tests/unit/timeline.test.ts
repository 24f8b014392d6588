import { resolve } from 'node:path';
import { describe, it, expect } from 'vitest';
import { checkContent } from '../../src/input/check.ts';
import { compareBounds } from '../../src/model/dates.ts';
import { buildTimeline, filterTimeline, groupByYear, monthHistogram } from '../../src/model/timeline.ts';
import { actorMap, article } from './article-fixture.ts';

describe('buildTimeline', () => {
	const first = article('2025-09-15-first', '2025-09-15', [
		{ id: 'us-mali-intelligence-sharing', date: '2025', title: 'First title', kind: 'intelligence-sharing', actors: ['us', 'mali-junta'] },
		{ date: '2025-07', title: 'Unnamed visit', kind: 'visit', actors: ['us'] },
	], { source: { outlet: 'Outlet A' }, cites: [{ outlet: 'The Washington Post', via: 'officials' }] });
	const second = article('2025-09-20-second', '2025-09-20', [
		{ id: 'us-mali-intelligence-sharing', date: '2025', title: 'Second title', kind: 'intelligence-sharing', actors: ['cia', 'us'], place: 'Bamako' },
		{ date: '2021', title: 'Coup', kind: 'coup', actors: ['mali-junta'] },
	]);

	it('merges events with the same id into one entry listing every reporting article', () => {
		// Newest first, as checkContent returns them: the merge must not depend on input order.
		const timeline = buildTimeline([second, first], actorMap());
		const merged = timeline.filter((e) => e.id === 'us-mali-intelligence-sharing');
		expect(merged).toHaveLength(1);
		const [entry] = merged;
		expect(entry.key).toBe('us-mali-intelligence-sharing');
		expect(entry.title).toBe('First title');
		expect(entry.place).toBe('Bamako');
		expect(entry.actors).toEqual(['us', 'mali-junta', 'cia']);
		expect(entry.blocs).toEqual(['us', 'mali-junta']);
		expect(entry.sources.map((s) => s.slug)).toEqual(['2025-09-15-first', '2025-09-20-second']);
		expect(entry.sources[0]).toEqual({
			slug: '2025-09-15-first',
			title: 'Article 2025-09-15-first',
			date: '2025-09-15',
			lang: 'en',
			outlet: 'Outlet A',
			cites: [{ outlet: 'The Washington Post', via: 'officials' }],
		});
	});

	it('keeps events without an id apart, under a stable generated key', () => {
		const timeline = buildTimeline([first, second]);
		expect(timeline.map((e) => e.key)).toEqual(['2025-09-20-second--1', 'us-mali-intelligence-sharing', '2025-09-15-first--1']);
		expect(timeline[0].id).toBeUndefined();
		expect(timeline[0].blocs).toEqual([]);
		expect(buildTimeline([second, first]).map((e) => e.key)).toEqual(timeline.map((e) => e.key));
	});

	it('fills display fields from the date', () => {
		const [coup] = buildTimeline([second]);
		expect(coup).toMatchObject({ edtf: '2021', display: '2021', datetime: '2021', year: 2021, kind: 'coup' });
		expect(coup).not.toHaveProperty('place');
	});
});

describe('groupByYear, filterTimeline, monthHistogram', () => {
	const timeline = buildTimeline(
		[
			article('a', '2025-09-15', [
				{ date: '2025-09-08/2025-09-14', actors: ['belarus'] },
				{ date: '2021', actors: ['mali-junta', 'wagner-group'] },
				{ date: '2025-07/2025-09', actors: ['us'] },
				{ date: '2021/2025-01', actors: ['cia'] },
				{ date: '../2023-03', actors: ['al-qaeda'] },
			]),
		],
		actorMap(),
	);

	it('groups oldest year first', () => {
		expect(groupByYear(timeline).map((g) => [g.year, g.entries.length])).toEqual([
			[2021, 2],
			[2023, 1],
			[2025, 2],
		]);
	});

	it('filters by actor and by bloc', () => {
		expect(filterTimeline(timeline, { actor: 'cia' }).map((e) => e.edtf)).toEqual(['2021/2025-01']);
		expect(filterTimeline(timeline, { bloc: 'russia' }).map((e) => e.edtf)).toEqual(['2021']);
		expect(filterTimeline(timeline, { bloc: 'us' }).map((e) => e.edtf)).toEqual(['2021/2025-01', '2025-07/2025-09']);
		expect(filterTimeline(timeline, { actor: 'us', bloc: 'belarus' })).toEqual([]);
		expect(filterTimeline(timeline, {})).toHaveLength(timeline.length);
	});

	// Replaces "counts each entry once at its first month": a year-only or range-known event used to pile up in
	// January of its first year (issue 10). Bars now count only what is known to the month.
	it('counts in a month only events known to lie in it; vaguer ones cover every month they may fall in, intervals every month they lasted', () => {
		const months = monthHistogram(timeline);
		expect(months[0]).toEqual({ month: '2021-01', count: 0, maybe: 1, lasting: 1 });
		expect(months.at(-1)).toEqual({ month: '2025-09', count: 1, lasting: 1 });
		expect(months).toHaveLength(4 * 12 + 9);
		// ../2023-03 lasted until March 2023 from an unknown start: drawn only where it is known, its end month.
		expect(months.find((m) => m.month === '2023-03')).toEqual({ month: '2023-03', count: 0, lasting: 2 });
		// 2021 is one moment in 2021: it may be in any month of 2021 and in none after.
		expect(months.find((m) => m.month === '2021-12')).toMatchObject({ maybe: 1 });
		expect(months.find((m) => m.month === '2022-01')!.maybe).toBeUndefined();
		// 2025-07/2025-09 lasted three months; 2021/2025-01 lasted through January 2025.
		expect(months.find((m) => m.month === '2025-07')).toEqual({ month: '2025-07', count: 0, lasting: 1 });
		expect(months.find((m) => m.month === '2025-01')).toEqual({ month: '2025-01', count: 0, lasting: 1 });
		expect(months.find((m) => m.month === '2025-02')).toEqual({ month: '2025-02', count: 0 });
		expect(months.reduce((n, m) => n + m.count, 0)).toBe(1);
		expect(monthHistogram([])).toEqual([]);
	});

	it('draws a moment known only as "between 2021 and Sep 2025" with no spike in January 2021', () => {
		const [vague] = buildTimeline([article('v', '2025-09-15', [{ date: '[2021..2025-09]', actors: ['us'] }])], actorMap());
		const months = monthHistogram([vague]);
		expect(months.every((m) => m.count === 0)).toBe(true);
		expect(months.every((m) => m.maybe === 1)).toBe(true);
		expect(months.map((m) => m.month)).toEqual(Array.from({ length: 57 }, (_, i) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`));
	});
});

describe('the real content', () => {
	const content = checkContent(resolve('content'));

	it('builds a timeline from the first article, oldest first', () => {
		expect(content.problems).toEqual([]);
		const timeline = buildTimeline(content.articles, content.actors);
		expect(timeline.length).toBeGreaterThanOrEqual(10);
		expect(timeline[0].id).toBe('2021-mali-coup');
		// "Last week" is one announcement on a day of 8–14 Sep, not something that lasted the week (issue 10).
		const belavia = timeline.find((e) => e.id === 'us-lifts-belavia-sanctions')!;
		expect(belavia).toMatchObject({ edtf: '[2025-09-08..2025-09-14]', display: 'between 8 and 14 Sep 2025', shape: 'moment' });
		// Nothing the article leaves vague is shown as a span it lasted, and the inferred dates say so.
		expect(timeline.filter((e) => e.shape === 'interval')).toEqual([]);
		expect(timeline.find((e) => e.id === 'africa-corps-replaces-wagner')).toMatchObject({ display: 'between 2021 and 15 Sep 2025', spansYears: true, inferred: false });
		expect(timeline.find((e) => e.id === 'biden-sanctions-malian-officers')).toMatchObject({ display: 'between 2021 and Jan 2025', inferred: true });
		expect(timeline.find((e) => e.id === 'cia-expanded-authority-mali')).toMatchObject({ display: 'on or before 15 Sep 2025', year: 2025 });
		const months = monthHistogram(timeline);
		expect(months.find((m) => m.month === '2021-01')!.count).toBe(0);
		expect(months.reduce((n, m) => n + m.count, 0)).toBe(timeline.filter((e) => e.strip.kind === 'month').length);
		for (let i = 1; i < timeline.length; i++) expect(compareBounds(timeline[i - 1].bounds, timeline[i].bounds)).toBeLessThanOrEqual(0);
		expect(new Set(timeline.map((e) => e.key)).size).toBe(timeline.length);
		for (const entry of timeline) expect(entry.blocs.length).toBeGreaterThan(0);
	});
});
