// The timeline as built from the real first article: order, dates, links, filters (with and without
// JavaScript), the strip, the exports, and accessibility in light and dark.
import AxeBuilder from '@axe-core/playwright';
import ICAL from 'ical.js';
import { parse } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EVENTS_CSV_COLUMNS } from '../../src/model/exports.ts';
import { horizontalOverflow, htmlErrors, watchPage } from './gates.ts';
import { builtPage, launchChromium } from './site.ts';

const ARTICLE = '/articles/2025-09-15-us-mali-junta/';
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const doc = parse(builtPage('/timeline/'));
const entries = doc.querySelectorAll('li.tl-entry');

// The real article's events, in true chronological order by earliest then latest possible day; entries the
// article dates alike keep its order (Wagner arrives before Africa Corps replaces it). "On or before 15 Sep
// 2025" has no earliest day, so it sorts by its latest, last.
const EXPECTED_ORDER = [
	'event-2021-mali-coup',
	'event-biden-sanctions-malian-officers',
	'event-wagner-mercenaries-in-mali',
	'event-africa-corps-replaces-wagner',
	'event-us-mali-intelligence-sharing',
	'event-atallah-visits-bamako',
	'event-stevens-visits-mali',
	'event-congressional-delegations-visit-mali',
	'event-us-lifts-belavia-sanctions',
	'event-cia-expanded-authority-mali',
];

/** The instants an HTML date string ("2025", "2025-07", "2025-09-15") covers. */
function periodOf(datetime: string): [number, number] {
	const [y, m, d] = datetime.split('-').map(Number);
	if (d) return [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d + 1) - 1];
	if (m) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1) - 1];
	return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1) - 1];
}

/** Strict RFC 4180: fields separated by commas, records by CRLF, quotes only around whole fields, "" inside them. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let i = 0;
	while (i < text.length) {
		let field = '';
		if (text[i] === '"') {
			i++;
			for (;;) {
				const quote = text.indexOf('"', i);
				if (quote < 0) throw new Error('unterminated quoted field');
				field += text.slice(i, quote);
				i = quote + 1;
				if (text[i] === '"') {
					field += '"';
					i++;
				} else break;
			}
		} else {
			while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
				if (text[i] === '"') throw new Error(`stray quote at ${i}`);
				field += text[i++];
			}
		}
		row.push(field);
		if (text[i] === ',') i++;
		else if (text.startsWith('\r\n', i)) {
			rows.push(row);
			row = [];
			i += 2;
		} else throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(text[i])}`);
	}
	if (row.length) throw new Error('last record lacks its CRLF');
	return rows;
}

describe('/timeline/ as built', () => {
	it('lists the real article’s 10 events in true chronological order, 2021 to September 2025', () => {
		expect(entries).toHaveLength(10);
		expect(entries.map((li) => li.id)).toEqual(EXPECTED_ORDER);
		const first = entries[0];
		expect(first.querySelector('.tl-title')!.text).toMatch(/coup/i);
		expect(first.querySelector('time')!.getAttribute('datetime')).toBe('2021');
		// "Last week" is one announcement on some day of 8–14 Sep: said as such, and never machine-dated to the 8th.
		const belavia = doc.querySelector('#event-us-lifts-belavia-sanctions')!;
		expect(belavia.querySelector('.tl-title')!.text).toContain('Belavia');
		expect(squash(belavia.querySelector('.tl-when')!.text)).toBe('between 8 and 14 Sep 2025');
		expect(belavia.querySelector('time')!.getAttribute('datetime')).toBe('2025-09');
		// Replaces "machine-readable dates never go backwards", which pinned a start day as the date of a vague
		// moment (the bug of issue 10): every <time> now covers all the days the event may be on, and no more is claimed.
		const json = JSON.parse(builtPage('/data/events.json')) as { id: string; earliest: string | null; latest: string | null }[];
		for (const e of json) {
			const times = doc.querySelector(`#event-${e.id} .tl-when`)!.querySelectorAll('time').map((t) => t.getAttribute('datetime')!);
			const from = e.earliest ? Date.parse(`${e.earliest}T00:00:00Z`) : null;
			const to = e.latest ? Date.parse(`${e.latest}T23:59:59.999Z`) : null;
			if (times.length === 1) {
				const [a, b] = periodOf(times[0]);
				if (from !== null) expect(a, e.id).toBeLessThanOrEqual(from);
				if (to !== null) expect(b, e.id).toBeGreaterThanOrEqual(to);
			} else {
				// A vaguer moment: one <time> per known bound, e.g. "between <time>2021</time> and <time>15 Sep 2025</time>".
				const bounds = times.map(periodOf);
				if (from !== null) expect(bounds[0][0], e.id).toBe(from);
				if (to !== null) expect(bounds.at(-1)![1], e.id).toBe(to);
			}
		}
	});

	it('gives every entry a <time> with a valid HTML datetime at the event’s precision', () => {
		for (const li of entries) {
			const times = li.querySelector('.tl-when')!.querySelectorAll('time');
			// One <time>, or one per bound of a moment known only within bounds spanning years.
			expect(times.length, li.id).toBeGreaterThanOrEqual(1);
			expect(times.length, li.id).toBeLessThanOrEqual(2);
			for (const time of times) expect(time.getAttribute('datetime'), li.id).toMatch(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/);
			expect(squash(times[0].text)).not.toBe('');
		}
	});

	it('says when a date is known only as a range running past the year it is listed under, and when it is inferred', () => {
		const wagner = doc.querySelector('#event-wagner-mercenaries-in-mali')!;
		expect(squash(wagner.querySelector('.tl-when')!.text)).toBe('between 2021 and 15 Sep 2025 Listed under 2021, the earliest year it can be');
		const cia = doc.querySelector('#event-cia-expanded-authority-mali')!;
		expect(squash(cia.querySelector('.tl-when')!.text)).toBe('on or before 15 Sep 2025 Listed under 2025, the latest year it can be');
		const biden = doc.querySelector('#event-biden-sanctions-malian-officers')!;
		expect(squash(biden.querySelector('.tl-when')!.text)).toContain('between 2021 and Jan 2025 inferred');
		expect(biden.querySelector('.tl-note')!.text).toContain('term of office');
		const coup = doc.querySelector('#event-2021-mali-coup')!;
		expect(squash(coup.querySelector('.tl-when')!.text)).toBe('2021');
	});

	// Each entry names its article in short and who it cites; the page lists the article once with its title and full
	// attribution chain (issue 16: the full line used to repeat under every entry).
	it('shows title, kind and place, and links each entry to its article (attribution once per article) and to every actor', () => {
		const register = doc.querySelector('.tl-register li')!;
		expect(register.querySelector('a')!.getAttribute('href')).toBe(ARTICLE);
		expect(register.querySelector('a')!.getAttribute('lang')).toBe('ru');
		expect(squash(register.text)).toMatch(/^article of 15 Sep 2025: .+; according to The Washington Post, citing several US officials, unnamed$/);
		for (const li of entries) {
			expect(li.querySelector('.tl-title')!.text.length, li.id).toBeGreaterThan(10);
			expect(li.querySelector('.tl-kind')!.text, li.id).toMatch(/^[A-Z]/);
			const sources = li.querySelectorAll('.tl-sources a');
			expect(sources.map((a) => a.getAttribute('href')), li.id).toEqual([`#${register.id}`]);
			expect(squash(li.querySelector('.tl-sources')!.text), li.id).toBe('article of 15 Sep 2025, according to The Washington Post');
			const actors = li.getAttribute('data-actors')!.split(' ');
			expect(actors.length, li.id).toBeGreaterThan(0);
			const chips = li.querySelectorAll('a.chip').map((a) => a.getAttribute('href'));
			expect(chips, li.id).toEqual(actors.map((id) => `/actors/${id}/`));
		}
		const coup = entries[0];
		expect(squash(coup.querySelector('.tl-kind')!.text)).toBe('Coup · Mali');
	});

	it('groups entries under year headings, with a year jump list', () => {
		const sections = doc.querySelectorAll('section.tl-year');
		expect(sections.map((s) => s.id)).toEqual(['year-2021', 'year-2025']);
		expect(sections.map((s) => squash(s.querySelector('h2')!.text))).toEqual(['2021 4 events, 3 of them dated only within a wider range', '2025 6 events, 1 of them dated only within a wider range']);
		const jumps = doc.querySelectorAll('nav.tl-jump a').map((a) => a.getAttribute('href'));
		expect(jumps).toEqual(['/timeline/#year-2021', '/timeline/#year-2025']);
		expect(doc.querySelector('h1')!.text).not.toBe('');
	});

	it('keeps the anchors other pages link to', () => {
		const ids = new Set(doc.querySelectorAll('[id]').map((e) => e.id));
		const article = parse(builtPage(ARTICLE));
		const links = article.querySelectorAll('a[href^="/timeline/#"]').map((a) => a.getAttribute('href')!.split('#')[1]);
		expect(links.length).toBeGreaterThan(0);
		for (const anchor of links) expect(ids.has(anchor), anchor).toBe(true);
		const home = parse(builtPage('/'));
		for (const a of home.querySelectorAll('a[href^="/timeline/#"]')) expect(ids.has(a.getAttribute('href')!.split('#')[1])).toBe(true);
	});

	it('draws a strip of events per month with year links and a text alternative', () => {
		const figure = doc.querySelector('figure.tl-strip')!;
		const svg = figure.querySelector('svg')!;
		expect(svg.getAttribute('aria-hidden')).toBe('true');
		const bars = svg.querySelectorAll('rect.tl-strip-bar');
		expect(bars.length).toBeGreaterThan(0);
		const hrefs = new Set(svg.querySelectorAll('a').map((a) => a.getAttribute('href')));
		expect([...hrefs]).toEqual(expect.arrayContaining(['/timeline/#year-2021', '/timeline/#year-2025']));
		expect(squash(figure.querySelector('figcaption')!.text)).toMatch(/^Events per month, Jan 2021 – Dec 2025 \(10 in all; 2 known to the month\)\. The busiest month is Jul 2025 \(1\)\. 8 events known only to a year or a range are not counted in any month/);
		// Bars only where an event is known to lie: Atallah's July visit and the Belavia announcement in September.
		expect(bars.map((b) => b.querySelector('title')!.text)).toEqual(['Jul 2025: 1', 'Sep 2025: 1']);
		// The vaguer ones are a faint row over every month they may fall in, January 2021 included but with no spike.
		const maybe = svg.querySelectorAll('rect.tl-strip-maybe');
		expect(maybe.length).toBe(57);
		expect(maybe[0].querySelector('title')!.text).toMatch(/^Jan 2021: 5 events known only to a year or a range/);
		const rows = figure.querySelectorAll('table tbody tr').map((tr) => tr.querySelectorAll('th, td').map((c) => squash(c.text)).join(' '));
		expect(rows).toEqual(['2021 4', '2025 6']);
	});

	it('is valid HTML, as are the filter pages', async () => {
		for (const route of ['/timeline/', '/timeline/bloc/belarus/', '/timeline/actor/wagner-group/']) {
			expect(await htmlErrors(builtPage(route), route)).toEqual([]);
		}
	});

	it('links the JSON, CSV and iCalendar exports', () => {
		const hrefs = doc.querySelectorAll('main a').map((a) => a.getAttribute('href'));
		expect(hrefs).toEqual(expect.arrayContaining(['/data/events.json', '/data/events.csv', '/data/events.ics']));
	});
});

describe('filter pages without JavaScript', () => {
	const bar = doc.querySelector('nav.tl-filter')!;
	const titles = (route: string) => parse(builtPage(route)).querySelectorAll('li.tl-entry').map((li) => li.querySelector('.tl-title')!.text);

	it('the filter bar links to static bloc and actor pages', () => {
		const hrefs = bar.querySelectorAll('a').map((a) => a.getAttribute('href'));
		expect(hrefs).toEqual(expect.arrayContaining(['/timeline/', '/timeline/bloc/us/', '/timeline/bloc/mali-junta/', '/timeline/bloc/russia/', '/timeline/bloc/belarus/', '/timeline/actor/wagner-group/']));
		for (const href of hrefs) expect(() => builtPage(href!), href!).not.toThrow();
	});

	it('bloc belarus shows only the Belavia entry', () => {
		const page = parse(builtPage('/timeline/bloc/belarus/'));
		const list = page.querySelectorAll('li.tl-entry');
		expect(list.map((li) => li.id)).toEqual(['event-us-lifts-belavia-sanctions']);
		expect(page.querySelector('nav.tl-filter a[aria-current="page"]')!.getAttribute('href')).toBe('/timeline/bloc/belarus/');
		// The intro gives the event's date as known, not the year it is filed under.
		expect(squash(page.querySelector('.lede')!.text)).toMatch(/^1 dated event involving Belarus reported across the articles, between 8 and 14 Sep 2025, oldest first\./);
		expect(page.querySelector('meta[name="description"]')!.getAttribute('content')).toContain('between 8 and 14 Sep 2025');
	});

	it('an actor’s page lists exactly the entries involving that actor', () => {
		const wagner = entries.filter((li) => li.getAttribute('data-actors')!.split(' ').includes('wagner-group')).map((li) => li.querySelector('.tl-title')!.text);
		expect(wagner.length).toBeGreaterThan(1);
		expect(titles('/timeline/actor/wagner-group/')).toEqual(wagner);
	});
});

describe('exports', () => {
	it('events.json parses and holds every entry in timeline order', () => {
		const json = JSON.parse(builtPage('/data/events.json')) as { key: string; id: string | null; sources: { url: string }[] }[];
		expect(json).toHaveLength(entries.length);
		expect(json.map((e) => `event-${e.id}`)).toEqual(entries.map((li) => li.id));
		expect(json[0].sources[0].url).toBe(ARTICLE);
	});

	it('events.csv parses as RFC 4180 with the ACLED-like header', () => {
		const rows = parseCsv(builtPage('/data/events.csv'));
		expect(rows[0]).toEqual([...EVENTS_CSV_COLUMNS]);
		expect(rows[0].slice(0, 6)).toEqual(['id', 'date', 'date_kind', 'earliest', 'latest', 'precision']);
		expect(rows).toHaveLength(entries.length + 1);
		for (const row of rows) expect(row).toHaveLength(EVENTS_CSV_COLUMNS.length);
		const belavia = rows.find((r) => r[0] === 'us-lifts-belavia-sanctions')!;
		expect(Object.fromEntries(rows[0].map((c, i) => [c, belavia[i]]))).toMatchObject({ date_kind: 'moment', earliest: '2025-09-08', latest: '2025-09-14', inferred: 'false' });
		// Absolute links on the configured site (a spreadsheet has no page to resolve "/articles/…" against).
		expect(belavia[rows[0].indexOf('sources')]).toMatch(new RegExp(`^https?://[^/]+${ARTICLE}$`));
	});

	it('events.ics parses with ical.js and has one VEVENT per entry', () => {
		const calendar = new ICAL.Component(ICAL.parse(builtPage('/data/events.ics')));
		const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
		expect(events).toHaveLength(10);
		const belavia = events.find((e) => e.uid.startsWith('us-lifts-belavia-sanctions@'))!;
		// One announcement in that week: one day in the calendar, its uncertainty in the summary (it used to span the week).
		expect(belavia.startDate.toString()).toBe('2025-09-08');
		expect(belavia.endDate.toString()).toBe('2025-09-09');
		expect(belavia.summary).toMatch(/^\[between 8 and 14 Sep 2025\] .*Belavia/);
		// No calendar entry claims more days than the event lasted: the article's events are all moments.
		for (const e of events) expect(e.endDate.subtractDate(e.startDate).toSeconds(), e.summary).toBe(86_400);
		expect(calendar.getAllSubcomponents('vevent')[0].getFirstPropertyValue('url')).toMatch(new RegExp(`^https?://[^/]+${ARTICLE}$`));
	});

	it('the server sends each export with its media type', async () => {
		const base = inject('baseUrl');
		const types = await Promise.all(['json', 'csv', 'ics'].map(async (ext) => (await fetch(`${base}/data/events.${ext}`)).headers.get('content-type')));
		expect(types[0]).toMatch(/^application\/json/);
		expect(types[1]).toMatch(/^text\/csv/);
		expect(types[2]).toMatch(/^text\/calendar/);
	});
});

describe('/timeline/ in Chromium', () => {
	let browser: Browser;
	const base = inject('baseUrl');
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});
	const visibleIds = (page: import('playwright-core').Page) =>
		page.$$eval('li.tl-entry', (lis) => lis.filter((li) => (li as HTMLElement).offsetParent !== null).map((li) => li.id));

	it('filters instantly with JavaScript and keeps the filter in the URL', async () => {
		const page = await browser.newPage();
		await page.goto(`${base}/timeline/`);
		await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
		await page.click('nav.tl-filter a[data-filter="bloc=belarus"]');
		expect(new URL(page.url()).search).toBe('?bloc=belarus');
		expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
		expect(await visibleIds(page)).toEqual(['event-us-lifts-belavia-sanctions']);
		expect(await page.isVisible('#year-2021')).toBe(false);
		expect(await page.textContent('[data-tl-status]')).toContain('Showing 1 of 10 events involving Belarus');

		await page.goBack();
		expect(new URL(page.url()).search).toBe('');
		expect(await visibleIds(page)).toHaveLength(10);

		// The URL round-trips: opening it directly applies the same filter.
		await page.goto(`${base}/timeline/?actor=wagner-group`);
		const wagner = await visibleIds(page);
		expect(wagner.length).toBeGreaterThan(1);
		for (const id of wagner) expect(await page.getAttribute(`#${id}`, 'data-actors')).toContain('wagner-group');
		expect(await page.getAttribute('nav.tl-filter a[data-filter="actor=wagner-group"]', 'aria-current')).toBe('true');
		await page.click('nav.tl-filter a[data-filter=""]');
		expect(new URL(page.url()).search).toBe('');
		expect(await visibleIds(page)).toHaveLength(10);
		await page.close();
	});

	it('the instant filter shows the same strip, year counts, jump list and entries as the static filter page', async () => {
		const page = await browser.newPage();
		/** What a reader sees of the timeline: entries, year headings, jump list, and the strip's bars, faint rows, caption and table. */
		const picture = () =>
			page.evaluate(() => {
				const shown = (el: Element) => (el as HTMLElement).offsetParent !== null || el.closest('svg') !== null;
				const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
				const strip = document.querySelector('figure.tl-strip');
				const wide = strip?.querySelector('svg.tl-strip-wide');
				return {
					entries: [...document.querySelectorAll('li.tl-entry')].filter(shown).map((li) => li.id),
					headings: [...document.querySelectorAll('section.tl-year')].filter(shown).map((s) => text(s.querySelector('h2'))),
					jumps: [...document.querySelectorAll('nav.tl-jump li')].filter(shown).map(text),
					bars: [...(wide?.querySelectorAll('rect.tl-strip-bar, rect.tl-strip-maybe, rect.tl-strip-lasting') ?? [])].map((r) => `${r.getAttribute('class')} ${r.getAttribute('x')} ${r.getAttribute('height')} ${r.getAttribute('fill-opacity') ?? ''} ${text(r)}`),
					years: [...(wide?.querySelectorAll('text.tl-strip-label') ?? [])].map(text),
					caption: text(strip?.querySelector('figcaption') ?? null),
					table: [...(strip?.querySelectorAll('table tr') ?? [])].map(text),
				};
			});
		const filters = [
			['bloc=belarus', '/timeline/bloc/belarus/'],
			['bloc=russia', '/timeline/bloc/russia/'],
			['bloc=us', '/timeline/bloc/us/'],
			['actor=wagner-group', '/timeline/actor/wagner-group/'],
			['actor=rudolph-atallah', '/timeline/actor/rudolph-atallah/'],
		];
		await page.goto(`${base}/timeline/`);
		const everything = await picture();
		for (const [filter, route] of filters) {
			// Click from the unfiltered page, as a reader would, then compare with the page the link stands for.
			await page.goto(`${base}/timeline/`);
			if (filter.startsWith('actor=')) await page.click('nav.tl-filter details summary');
			await page.click(`nav.tl-filter a[data-filter="${filter}"]`);
			const live = await picture();
			await page.goto(`${base}${route}`);
			const still = await picture();
			expect(live, filter).toEqual(still);
			expect(live.entries.length, filter).toBeLessThan(everything.entries.length);
			expect(live.caption, filter).not.toBe(everything.caption);
		}
		// And back: "Everyone" restores the whole picture.
		await page.goto(`${base}/timeline/?bloc=russia`);
		await page.click('nav.tl-filter a[data-filter=""]');
		expect(await picture()).toEqual(everything);
		await page.close();
	});

	it('without JavaScript the filter links open the static pages', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${base}/timeline/`);
		await Promise.all([page.waitForURL(/\/timeline\/bloc\/belarus\/$/), page.click('nav.tl-filter a[data-filter="bloc=belarus"]')]);
		expect(await visibleIds(page)).toEqual(['event-us-lifts-belavia-sanctions']);
		await context.close();
	});

	it('fits a 390px phone screen without sideways scrolling, with no console errors or foreign requests', async () => {
		const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
		const watch = await watchPage(page, base);
		await page.goto(`${base}/timeline/`);
		expect(await horizontalOverflow(page)).toBe(0);
		expect(await page.isVisible('svg.tl-strip-narrow')).toBe(true);
		expect(await page.isVisible('svg.tl-strip-wide')).toBe(false);
		await page.click('nav.tl-filter a[data-filter="bloc=russia"]');
		expect(watch.consoleErrors).toEqual([]);
		expect(watch.foreignRequests).toEqual([]);
		await page.close();
	});

	for (const colorScheme of ['light', 'dark'] as const) {
		it(`has no axe-core violations (${colorScheme})`, async () => {
			const context = await browser.newContext({ colorScheme });
			const page = await context.newPage();
			await page.goto(`${base}/timeline/`);
			const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
			// The filtered state too: hidden entries must not leave broken structure behind.
			await page.click('nav.tl-filter a[data-filter="bloc=russia"]');
			const filtered = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
			expect(filtered.violations.map((v) => v.id)).toEqual([]);
			await context.close();
		});
	}
});

