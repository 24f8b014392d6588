import { describe, it, expect } from 'vitest';
import ICAL from 'ical.js';
import { EVENTS_CSV_COLUMNS, eventsCsv, eventsIcs, eventsJson } from '../../src/model/exports.ts';
import { buildTimeline } from '../../src/model/timeline.ts';
import { actorMap, article } from './article-fixture.ts';

const tricky = 'Envoy says "sanctions, lifted"; then\nleaves \\ Минск — после освобождения десятков политзаключённых, очень длинное название';
const timeline = buildTimeline(
	[
		article('2025-09-15-first', '2025-09-15', [
			{ id: 'belavia-relief', date: '2025-09-08/2025-09-14', title: tricky, kind: 'sanctions-relief', actors: ['us', 'belarus'], place: 'Minsk, Belarus' },
			{ date: '2021~', title: 'Coup', kind: 'coup', actors: ['mali-junta'], note: 'Year only.' },
			{ date: '2021/..', title: 'Open-ended deployment', kind: 'deployment', actors: ['wagner-group'] },
			{ date: '../2023-03', title: 'Something before March 2023', kind: 'other', actors: ['al-qaeda'] },
			{ date: '[2021..2025-09]', title: 'Handover', kind: 'deployment', actors: ['wagner-group'], note: 'Some time after the coup.', inferred: true },
			{ date: '[2025-09-08..2025-09-14]', title: 'Announcement last week', kind: 'statement', actors: ['us'] },
			{ date: '2025-09-12', title: 'Exact day', kind: 'statement', actors: ['us'] },
		]),
		article('2025-10-01-second', '2025-10-01', [{ id: 'belavia-relief', date: '2025-09-08/2025-09-14', title: 'Later title', kind: 'sanctions-relief', actors: ['belavia'] }]),
	],
	actorMap(),
);

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(field), (field = '');
		else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
		else field += c;
	}
	expect(field).toBe('');
	expect(row).toEqual([]);
	return rows;
}

describe('eventsJson', () => {
	it('lists every entry in timeline order with a stable field order', () => {
		const data = JSON.parse(eventsJson(timeline));
		expect(data.map((e: any) => e.date)).toEqual(timeline.map((e) => e.edtf));
		expect(Object.keys(data[0])).toEqual([
			'key', 'id', 'date', 'display', 'datetime', 'date_kind', 'earliest', 'latest', 'precision', 'approximate', 'uncertain', 'inferred', 'year', 'kind', 'title', 'actors', 'blocs', 'place', 'note', 'sources',
		]);
		const relief = data.find((e: any) => e.id === 'belavia-relief');
		expect(relief).toMatchObject({ date_kind: 'interval', earliest: '2025-09-08', latest: '2025-09-14', precision: 'day', actors: ['us', 'belarus', 'belavia'], blocs: ['us', 'belarus'] });
		// One moment known within bounds is not an interval: earliest and latest are where it may fall, not a span.
		expect(data.find((e: any) => e.title === 'Handover')).toMatchObject({ date_kind: 'moment', earliest: '2021-01-01', latest: '2025-09-30', display: 'between 2021 and Sep 2025', inferred: true });
		expect(data.find((e: any) => e.title === 'Announcement last week')).toMatchObject({ date_kind: 'moment', earliest: '2025-09-08', latest: '2025-09-14', display: 'between 8 and 14 Sep 2025', inferred: false });
		expect(relief.sources.map((s: any) => s.url)).toEqual(['/articles/2025-09-15-first/', '/articles/2025-10-01-second/']);
		expect(data.find((e: any) => e.title === 'Coup')).toMatchObject({ key: '2025-09-15-first--1', id: null, place: null, note: 'Year only.' });
		expect(eventsJson([])).toBe('[]\n');
	});
});

describe('eventsCsv', () => {
	const actorNames = new Map([
		['us', '@United States'],
		['belarus', 'Belarus'],
		['belavia', '=Belavia'],
	]);
	const csv = (siteUrl = 'https://news.example/') => eventsCsv(timeline, { siteUrl, actorNames });

	it('parses back to the same values', () => {
		const text = csv();
		expect(text.endsWith('\r\n')).toBe(true);
		const [header, ...rows] = parseCsv(text);
		expect(header).toEqual([...EVENTS_CSV_COLUMNS]);
		expect(rows).toHaveLength(timeline.length);
		const records = rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
		const relief = records.find((r) => r.id === 'belavia-relief')!;
		expect(relief).toMatchObject({
			date: '2025-09-08/2025-09-14',
			date_kind: 'interval',
			earliest: '2025-09-08',
			latest: '2025-09-14',
			precision: 'day',
			approximate: 'false',
			uncertain: 'false',
			kind: 'sanctions-relief',
			title: tricky,
			actors: 'us;belarus;belavia',
			blocs: 'us;belarus',
			place: 'Minsk, Belarus',
		});
		const coup = records.find((r) => r.title === 'Coup')!;
		expect(coup).toMatchObject({ id: '2025-09-15-first--1', date: '2021~', precision: 'year', approximate: 'true', note: 'Year only.' });
		expect(coup).toMatchObject({ date_kind: 'moment', earliest: '2021-01-01', latest: '2021-12-31', inferred: 'false' });
		expect(records.find((r) => r.date === '2021/..')).toMatchObject({ date_kind: 'interval', earliest: '2021-01-01', latest: '' });
		expect(records.find((r) => r.date === '../2023-03')).toMatchObject({ earliest: '', latest: '2023-03-31', precision: 'month' });
		expect(records.find((r) => r.title === 'Handover')).toMatchObject({ date_kind: 'moment', earliest: '2021-01-01', latest: '2025-09-30', inferred: 'true' });
	});

	// A spreadsheet has no site to resolve "/articles/…" against, and ids alone say little to a reader.
	it('gives sources as absolute URLs on the configured site and actors by name beside their ids', () => {
		const records = (text: string) => {
			const [header, ...rows] = parseCsv(text);
			return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
		};
		const relief = records(csv()).find((r) => r.id === 'belavia-relief')!;
		expect(relief.sources).toBe('https://news.example/articles/2025-09-15-first/;https://news.example/articles/2025-10-01-second/');
		expect(relief.actors).toBe('us;belarus;belavia');
		// Names in the ids' order; a cell of names is neutralised like any other (it starts with "@" here).
		expect(relief.actor_names).toBe("'@United States;Belarus;=Belavia");
		// An actor with no known name keeps its id.
		expect(records(csv()).find((r) => r.title === 'Coup')!.actor_names).toBe('mali-junta');
		// SITE_URL with or without its trailing slash gives the same links.
		expect(records(csv('https://example.org')).find((r) => r.id === 'belavia-relief')!.sources.split(';')[0]).toBe('https://example.org/articles/2025-09-15-first/');
	});
});

describe('eventsIcs', () => {
	const ics = eventsIcs(timeline, 'https://news.example/');

	it('is CRLF-terminated and folded at 75 octets', () => {
		expect(ics.endsWith('\r\n')).toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
		expect(ics).toMatch(/\r\n [^\r\n]/);
	});

	it('parses with ical.js into one all-day event per entry', () => {
		const calendar = new ICAL.Component(ICAL.parse(ics));
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
		expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
		const events = calendar.getAllSubcomponents('vevent');
		expect(events).toHaveLength(timeline.length);
		const byUid = new Map(events.map((v) => [String(v.getFirstPropertyValue('uid')), v]));

		const relief = byUid.get('belavia-relief@news.example')!;
		const event = new ICAL.Event(relief);
		expect(event.summary).toBe(tricky);
		expect(event.startDate.isDate).toBe(true);
		expect(event.startDate.toString()).toBe('2025-09-08');
		expect(event.endDate.toString()).toBe('2025-09-15');
		expect(event.location).toBe('Minsk, Belarus');
		expect(event.description).toContain('https://news.example/articles/2025-10-01-second/');
		expect(relief.getFirstPropertyValue('url')).toBe('https://news.example/articles/2025-09-15-first/');
		expect(relief.getFirstProperty('categories')!.getValues()).toEqual(['sanctions-relief', 'us', 'belarus']);
		// The newest report's date, so two builds of the same content are byte-identical.
		expect(String(relief.getFirstPropertyValue('dtstamp'))).toBe('2025-10-01T00:00:00Z');

		// A year-only moment is one marker, its vagueness in the summary (it used to span the whole year: the bug of issue 10).
		const coup = new ICAL.Event(byUid.get('2025-09-15-first--1@news.example')!);
		expect([coup.startDate.toString(), coup.endDate.toString()]).toEqual(['2021-01-01', '2021-01-02']);
		expect(coup.summary).toBe('[c. 2021] Coup');
		expect(coup.description).toContain('Year only.');
		const handover = new ICAL.Event(byUid.get('2025-09-15-first--4@news.example')!);
		expect([handover.startDate.toString(), handover.endDate.toString()]).toEqual(['2021-01-01', '2021-01-02']);
		expect(handover.summary).toBe('[between 2021 and Sep 2025, inferred] Handover');
		expect(handover.description).toContain('only marks the earliest day');
		const exact = new ICAL.Event(byUid.get('2025-09-15-first--6@news.example')!);
		expect([exact.summary, exact.startDate.toString(), exact.endDate.toString()]).toEqual(['Exact day', '2025-09-12', '2025-09-13']);
		const open = new ICAL.Event(byUid.get('2025-09-15-first--2@news.example')!);
		expect([open.startDate.toString(), open.endDate.toString()]).toEqual(['2021-01-01', '2021-01-02']);
		const before = new ICAL.Event(byUid.get('2025-09-15-first--3@news.example')!);
		expect([before.startDate.toString(), before.endDate.toString()]).toEqual(['2023-03-31', '2023-04-01']);
	});

	it('gives no calendar entry more days than the event lasted: only intervals span several days', () => {
		const calendar = new ICAL.Component(ICAL.parse(ics));
		const shapes = new Map(timeline.map((e) => [`${e.key}@news.example`, e.shape]));
		let spanning = 0;
		for (const vevent of calendar.getAllSubcomponents('vevent')) {
			const event = new ICAL.Event(vevent);
			const days = event.endDate.subtractDate(event.startDate).toSeconds() / 86_400;
			const shape = shapes.get(String(vevent.getFirstPropertyValue('uid')));
			expect(shape).toBeDefined();
			if (shape === 'moment') expect(days, event.summary).toBe(1);
			else if (days > 1) spanning++;
		}
		// The Belavia interval keeps its week.
		expect(spanning).toBe(1);
	});

	it('is reproducible', () => {
		expect(eventsIcs(timeline, 'https://news.example')).toBe(ics);
	});
});
