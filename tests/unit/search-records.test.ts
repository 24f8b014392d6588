import { describe, expect, it } from 'vitest';
import type { ActorEntry } from '../../src/schema/content.ts';
import type { TimelineEntry } from '../../src/model/timeline.ts';
import { actorNames, actorRecord, blocsOf, timelineDayRecord, timelineDays } from '../../src/site/search-records.ts';

const wagner = {
	id: 'wagner-group',
	file: 'content/actors/wagner-group.md',
	body: 'Russian private military company.\n',
	data: { name: { en: 'Wagner Group', ru: 'ЧВК «Вагнер»' }, kind: 'armed-group', bloc: 'russia', parent: 'russia', aliases: { en: ['Wagner'], ru: ['Вагнер', 'Вагнер'] } },
} as unknown as ActorEntry;
const actors = new Map([[wagner.id, wagner]]);

describe('search records', () => {
	it('collects every name of an actor once, both languages', () => {
		expect(actorNames(wagner)).toEqual(['Wagner Group', 'ЧВК «Вагнер»', 'Wagner', 'Вагнер']);
		expect(blocsOf(['wagner-group', 'nobody'], actors)).toEqual(['russia']);
	});
	it('an actor record carries its names, filters and page URL; its text is its description, not its names', () => {
		const record = actorRecord(wagner);
		expect(record.url).toBe('/actors/wagner-group/');
		expect(record.content).toBe('Russian private military company.');
		expect(record.meta).toEqual({ title: 'Wagner Group · ЧВК «Вагнер»', names: 'Wagner Group · ЧВК «Вагнер» · Wagner · Вагнер' });
		expect(record.filters).toEqual({ type: ['actor'], about: ['armed group, Russia'], actor: ['wagner-group'], bloc: ['russia'], language: ['en'] });
	});
	const entry = (key: string, over: Partial<TimelineEntry> = {}) =>
		({
			key, id: key, edtf: '2021~', display: 'c. 2021', datetime: '2021', year: 2021,
			title: 'Wagner Group mercenaries start working in Mali', kind: 'deployment', actors: ['wagner-group'], blocs: ['russia'], sources: [],
			...over,
		}) as unknown as TimelineEntry;

	it('groups timeline entries by page and date label, in order', () => {
		const href = (e: TimelineEntry) => `/timeline/${e.year}/#event-${e.key}`;
		const days = timelineDays([entry('a'), entry('b', { display: '2 Jan 2021' }), entry('c'), entry('d', { year: 2022 })], href);
		expect(days.map((d) => [d.page, d.display, d.entries.map((e) => e.key)])).toEqual([
			['/timeline/2021/', 'c. 2021', ['a', 'c']],
			['/timeline/2021/', '2 Jan 2021', ['b']],
			['/timeline/2022/', 'c. 2021', ['d']],
		]);
	});

	it('a day record makes each entry a heading with its timeline anchor, and carries filters and sort', () => {
		const [day] = timelineDays([entry('wagner-mercenaries-in-mali'), entry('x-<y>', { title: 'Talks & <b>more</b>', actors: ['assimi-goita'], blocs: ['mali-junta'] })]);
		const { url, content } = timelineDayRecord(day, actors);
		expect(url).toBe('/timeline/#event-wagner-mercenaries-in-mali');
		expect(content).toContain('<span data-pagefind-filter="url">/timeline/#event-wagner-mercenaries-in-mali</span>');
		expect(content).toContain('<h2 id="event-wagner-mercenaries-in-mali" data-pagefind-weight="1">Wagner Group mercenaries start working in Mali</h2>');
		expect(content).toContain('Talks &amp; &lt;b&gt;more&lt;/b&gt;');
		expect(content).not.toContain('<b>');
		// Names are metadata (searchable, never the excerpt); the heading is in a reader's words, not "2 timeline entries, c. 2021".
		expect(content).toContain('<span data-pagefind-meta="actors">Wagner Group · ЧВК «Вагнер»</span>');
		expect(content.split('<h2')[1]).not.toContain('Вагнер');
		expect(content).toContain('data-pagefind-sort="date:2021"');
		expect(content).toContain('<span data-pagefind-meta="heading">Wagner Group mercenaries start working in Mali, and 1 more event</span>');
		expect(content).not.toContain('timeline entries');
		expect(content).not.toMatch(/data-pagefind-meta="(url|type|events)"/);
		for (const f of ['type">event', 'year">2021', 'actor">wagner-group', 'actor">assimi-goita', 'bloc">russia', 'bloc">mali-junta'])
			expect(content).toContain(`data-pagefind-filter="${f}</span>`);
		expect(content).toContain('<span data-pagefind-filter="entry">event-wagner-mercenaries-in-mali wagner-group russia</span>');
		expect(content).toContain('<span data-pagefind-filter="entry">event-x-&lt;y&gt; assimi-goita mali-junta</span>');
	});

	it('dates a result to a day only when the event is one moment known to that day (issue 10: "last week" showed as 8 September)', () => {
		const dateOf = (over: Partial<TimelineEntry>) => /data-pagefind-meta="date">([^<]*)</.exec(timelineDayRecord(timelineDays([entry('e', over)])[0], actors).content)![1];
		expect(dateOf({ edtf: '[2025-09-08..2025-09-14]', display: 'between 8 and 14 Sep 2025', datetime: '2025-09', shape: 'moment' })).toBe('between 8 and 14 Sep 2025');
		expect(dateOf({ edtf: '2025-09-08/2025-09-14', display: '8–14 Sep 2025', datetime: '2025-09-08', shape: 'interval' })).toBe('8–14 Sep 2025');
		expect(dateOf({ edtf: '2025-09-12', display: '12 Sep 2025', datetime: '2025-09-12', shape: 'moment' })).toBe('2025-09-12');
	});
});
