// Search in a real browser against the built site: bilingual queries, filters, URL state, the header box.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './site.ts';

const ARTICLE = '/articles/2025-09-15-us-mali-junta/';
const base = inject('baseUrl');
const host = new URL(base).host;
let browser: Browser;
let context: BrowserContext;
const foreign: string[] = [];
const cspErrors: string[] = [];

beforeAll(async () => {
	browser = await launchChromium();
	// Tall, so the result list renders every result (it fills in results as they scroll into view).
	context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 6000 } });
	context.on('request', (request) => {
		const url = new URL(request.url());
		if (url.protocol !== 'data:' && url.host !== host) foreign.push(request.url());
	});
});
afterAll(async () => {
	await browser?.close();
});

async function open(path: string): Promise<Page> {
	const page = await context.newPage();
	page.on('console', (m) => m.type() === 'error' && cspErrors.push(m.text()));
	await page.goto(base + path);
	return page;
}

async function resultLinks(page: Page, list = '#search-page-results'): Promise<string[]> {
	return page.locator(`${list} .search-result-title a`).evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname + (a as HTMLAnchorElement).hash));
}

async function searchPage(query: string): Promise<Page> {
	const page = await open(`/search/${query}`);
	await page.waitForFunction(() => /result/.test(document.querySelector('#search-page-status')?.textContent ?? ''));
	await page.waitForFunction(() => !document.querySelector('#search-page-results .search-result-placeholder'));
	return page;
}

describe('bilingual search finds the first article', () => {
	for (const q of ['хунтой', 'Белавиа', 'Wagner', 'Africa Corps', 'intelligence sharing']) {
		it(`“${q}”`, async () => {
			const page = await searchPage(`?q=${encodeURIComponent(q)}`);
			expect(await resultLinks(page)).toContain(ARTICLE);
			const item = page.locator('.search-result', { has: page.locator(`a[href="${ARTICLE}"]`) });
			await expect.poll(() => item.locator('mark').count(), { timeout: 10_000 }).toBeGreaterThan(0);
			expect(await item.locator('.search-result-type').textContent()).toBe('Article');
			expect(await item.locator('time').getAttribute('datetime')).toBe('2025-09-15');
			await page.close();
		});
	}

	it('an alias finds the actor page and the articles naming it: Goita → Гоита', async () => {
		const page = await searchPage('?q=Goita');
		const links = await resultLinks(page);
		expect(links).toContain('/actors/assimi-goita/');
		expect(links).toContain(ARTICLE);
		await page.close();
	});

	it('a Russian name finds the English actor record: Вагнер → Wagner Group', async () => {
		const page = await searchPage('?q=Вагнер');
		expect(await resultLinks(page)).toEqual(expect.arrayContaining(['/actors/wagner-group/', ARTICLE]));
		await page.close();
	});

	const entryLinks = (page: Page) =>
		page.locator('#search-page-results :is(.search-result-title, .search-subresult) > a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname + (a as HTMLAnchorElement).hash));

	it('finds timeline entries, each linking to its place on the timeline', async () => {
		const page = await searchPage('?q=Bamako&type=event');
		expect(await entryLinks(page)).toContain('/timeline/#event-atallah-visits-bamako');
		expect(await page.locator('#search-page-results .search-result-type').allTextContents()).toEqual(expect.arrayContaining(['Event']));
		await page.close();
	});

	it('entries of one day are listed under it; an actor filter keeps only that actor’s entries', async () => {
		// Two visits dated alike ("between Jul 2025 and 15 Sep 2025"; the two intelligence-sharing entries this used
		// to rely on were both invented as "2025" and now carry different dates): one result for the day, both listed.
		const day = await searchPage('?q=visit&type=event');
		await day.waitForSelector('.search-subresult');
		expect(await entryLinks(day)).toEqual(expect.arrayContaining(['/timeline/#event-stevens-visits-mali', '/timeline/#event-congressional-delegations-visit-mali']));
		await day.close();
		const stevens = await searchPage('?q=visit&type=event&actor=william-stevens');
		await stevens.waitForSelector('.search-result-title a[href$="#event-stevens-visits-mali"]');
		expect(await entryLinks(stevens)).toEqual(['/timeline/#event-stevens-visits-mali']);
		await stevens.close();
	});
});

describe('filters and URL state', () => {
	it('filtering by actor narrows the results', async () => {
		const all = await searchPage('?q=sanctions');
		const unfiltered = await resultLinks(all);
		await all.close();
		const page = await searchPage('?q=sanctions&actor=belavia');
		const filtered = await resultLinks(page);
		expect(filtered.length).toBeGreaterThan(0);
		expect(filtered.length).toBeLessThan(unfiltered.length);
		expect(filtered).toContain(ARTICLE);
		expect(filtered).not.toContain('/actors/joe-biden/');
		await page.close();
	});

	it('the URL round-trips the search state', async () => {
		const page = await open('/search/');
		await page.waitForFunction(() => /Type a word/.test(document.querySelector('#search-page-status')?.textContent ?? ''));
		await page.fill('#search-page-q', 'Вагнер');
		await page.selectOption('select[name="actor"]', 'russia');
		await page.waitForURL((url) => url.searchParams.get('q') === 'Вагнер' && url.searchParams.get('actor') === 'russia');
		await page.selectOption('select[name="type"]', 'article');
		await page.waitForURL((url) => url.searchParams.get('type') === 'article');
		await page.waitForFunction(() => /^1 result for/.test(document.querySelector('#search-page-status')?.textContent ?? ''));
		await page.waitForSelector(`#search-page-results a[href="${ARTICLE}"]`);
		expect(await resultLinks(page)).toEqual([ARTICLE]);

		const shared = page.url();
		const restored = await searchPage(new URL(shared).search);
		expect(await restored.inputValue('#search-page-q')).toBe('Вагнер');
		expect(await restored.inputValue('select[name="actor"]')).toBe('russia');
		expect(await restored.inputValue('select[name="type"]')).toBe('article');
		expect(await resultLinks(restored)).toEqual([ARTICLE]);

		await page.goBack();
		await page.waitForFunction(() => (document.querySelector('select[name="type"]') as HTMLSelectElement).value === '');
		expect(await page.inputValue('select[name="actor"]')).toBe('russia');
		await page.close();
		await restored.close();
	});

	it('without JavaScript the form still submits to /search/ with its values', async () => {
		const noJs = await browser.newContext({ javaScriptEnabled: false });
		const page = await noJs.newPage();
		await page.goto(`${base}${ARTICLE}`);
		await page.fill('#site-search-q', 'хунта');
		await page.press('#site-search-q', 'Enter');
		await page.waitForURL(/\/search\/\?q=/);
		expect(new URL(page.url()).searchParams.get('q')).toBe('хунта');
		await noJs.close();
	});
});

describe('header search box', () => {
	it('reading pages load no search code until the box is used; `/` focuses it; results as you type', async () => {
		const page = await open(ARTICLE);
		const scripts = () => page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname));
		expect((await scripts()).filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
		await page.keyboard.press('/');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
		// An English query from the Russian page, and a Russian one: one index serves both.
		for (const [q, expected] of [['Prigozhin', '/actors/yevgeny-prigozhin/'], ['хунта', ARTICLE]] as const) {
			await page.fill('#site-search-q', q);
			await page.waitForFunction((q) => document.querySelector('.search-popover-more a')?.getAttribute('href') === `/search/?q=${encodeURIComponent(q)}`, q);
			await page.waitForFunction((href) => !!document.querySelector(`#site-search-results a[href="${href}"]`), expected);
			expect(await page.getAttribute('#site-search-q', 'aria-expanded')).toBe('true');
		}
		expect(await page.getAttribute('.search-popover-more a', 'href')).toBe('/search/?q=%D1%85%D1%83%D0%BD%D1%82%D0%B0');
		await page.keyboard.press('Escape');
		expect(await page.isHidden('#site-search-popover')).toBe(true);
		await page.close();
	});

	it('from an English page, a Russian inflection finds the Russian article', async () => {
		const page = await open('/');
		await page.focus('#site-search-q');
		await page.keyboard.type('хунтой');
		await page.waitForFunction((href) => !!document.querySelector(`#site-search-results a[href="${href}"]`), ARTICLE);
		await page.close();
	});
});

describe('privacy and CSP', () => {
	it('no request left the site and the CSP blocked nothing', () => {
		expect(foreign).toEqual([]);
		expect(cspErrors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
	});
});
