// Offline: one visit registers the generated service worker; "Save for offline" downloads every page;
// then, with the network off, the timeline, an actor page and a search still work.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchChromium } from './site.ts';

const base = inject('baseUrl');
const host = new URL(base).host;
let browser: Browser;

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

it('after one visit and "Save for offline", pages and search work with the network off', async () => {
	const context = await browser.newContext({ viewport: { width: 1280, height: 4000 } });
	const foreign: string[] = [];
	context.on('request', (request) => {
		const url = new URL(request.url());
		if (url.protocol !== 'data:' && url.host !== host) foreign.push(request.url());
	});
	const page = await context.newPage();
	await page.goto(`${base}/articles/2025-09-15-us-mali-junta/`);
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

	const save = page.locator('[data-offline-save]');
	await save.locator('button').click();
	await expect.poll(() => save.locator('[role="status"]').textContent(), { timeout: 30_000 }).toMatch(/^Done: all \d+ pages/);
	const [value, max] = await save.locator('progress').evaluate((p: HTMLProgressElement) => [p.value, p.max]);
	expect(value).toBe(max);
	expect(max).toBeGreaterThan(10);

	await context.setOffline(true);
	await page.goto(`${base}/timeline/`);
	expect(await page.locator('main li time[datetime]').count()).toBeGreaterThan(0);

	await page.goto(`${base}/actors/wagner-group/`);
	expect(await page.locator('h1').textContent()).toContain('Wagner');

	await page.goto(`${base}/search/?q=${encodeURIComponent('Вагнер')}&actor=russia`);
	await page.waitForFunction(() => /result/.test(document.querySelector('#search-page-status')?.textContent ?? ''));
	await page.waitForSelector('#search-page-results a[href="/articles/2025-09-15-us-mali-junta/"]');
	expect(await page.inputValue('select[name="actor"]')).toBe('russia');

	// A page seen before saving, and the index, need nothing from the network either.
	await page.goto(`${base}/articles/2025-09-15-us-mali-junta/`);
	await page.focus('#site-search-q');
	await page.keyboard.type('Belavia');
	await page.waitForSelector('#site-search-results a[href="/actors/belavia/"]');

	expect(foreign).toEqual([]);
	await context.close();
});

it('the first visit alone keeps the visited page and the search index offline', async () => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`${base}/`);
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		// The bootstrap caches the page that installed the worker; wait until it has.
		for (let i = 0; i < 50 && !(await caches.match('/')); i++) await new Promise((r) => setTimeout(r, 100));
	});
	await context.setOffline(true);
	await page.reload();
	await page.focus('#site-search-q');
	await page.keyboard.type('хунтой');
	await page.waitForSelector('#site-search-results a[href="/articles/2025-09-15-us-mali-junta/"]');
	await context.close();
});
