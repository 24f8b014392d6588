import { describe, expect, it } from 'vitest';
import type { ActorEntry } from '../../src/content/check.ts';
import type { TimelineEntry } from '../../src/model/timeline.ts';
import { actorNames, actorRecord, blocsOf, eventRecord } from '../../src/search/records.ts';

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
	it('an actor record carries its names, filters and page URL', () => {
		const record = actorRecord(wagner);
		expect(record.url).toBe('/actors/wagner-group/');
		expect(record.content.split('\n')[0]).toBe('Wagner Group · ЧВК «Вагнер» · Wagner · Вагнер');
		expect(record.filters).toEqual({ type: ['actor'], actor: ['wagner-group'], bloc: ['russia'], language: ['en'] });
		expect(record.meta).toMatchObject({ title: 'Wagner Group · ЧВК «Вагнер»', type: 'Actor' });
	});
	it('an event record links to its timeline anchor and sorts by its date', () => {
		const entry = {
			key: 'wagner-mercenaries-in-mali', id: 'wagner-mercenaries-in-mali', edtf: '2021~', display: 'c. 2021', datetime: '2021', year: 2021,
			title: 'Wagner Group mercenaries start working in Mali', kind: 'deployment', actors: ['wagner-group'], blocs: ['russia'], sources: [],
		} as unknown as TimelineEntry;
		const record = eventRecord(entry, actors);
		expect(record.url).toBe('/timeline/#event-wagner-mercenaries-in-mali');
		expect(record.sort).toEqual({ date: '2021' });
		expect(record.filters).toMatchObject({ type: ['event'], year: ['2021'], actor: ['wagner-group'] });
		expect(record.content).toContain('Вагнер');
	});
});
