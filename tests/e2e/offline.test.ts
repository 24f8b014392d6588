// Offline: one visit registers the generated service worker; "Save for offline" downloads every page;
// then, with the network off, the timeline, an actor page and a search still work.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contentTree, GOOD_ARTICLE } from '../fixtures/content-tree.ts';
import { serveSite, type SiteServer } from '../../scripts/lib/serve.ts';
import { launchChromium } from './site.ts';

const root = resolve(import.meta.dirname, '../..');

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

// A site of its own, built twice from a small fixture tree and served by a server that counts requests:
// the page view that installs the worker and every later one fetch their page once; offline, an address
// never saved gets the site's 404 page; and an article the next build retracts leaves the reader's caches.
describe('offline across builds', () => {
	const RETRACTED = '/articles/2025-09-16-retract-me/';
	let work: string;
	let site: string;
	let server: SiteServer;
	let context: BrowserContext;

	function buildSite(content: string) {
		const run = spawnSync(process.execPath, ['scripts/build.ts'], {
			cwd: root,
			encoding: 'utf8',
			env: { ...process.env, CONTENT_DIR: content, DIST_DIR: site, ASTRO_CACHE_DIR: join(work, 'cache') },
		});
		expect(run.status, run.stdout.slice(-2000) + run.stderr.slice(-2000)).toBe(0);
		server?.reload();
	}

	let tree: ReturnType<typeof contentTree>;
	beforeAll(async () => {
		tree = contentTree();
		work = tree.root;
		site = join(work, 'site');
		tree.write(`articles/2025-09-16-retract-me.md`, GOOD_ARTICLE.replace('title: "Хунта и Москва"', 'title: "Статья, которую отзовут"'));
		buildSite(tree.content);
		server = await serveSite(site, { revalidate: true });
		context = await browser.newContext();
	}, 120_000);
	afterAll(async () => {
		await context?.close();
		await server?.close();
		if (work) rmSync(work, { recursive: true, force: true });
	});

	const cached = (page: Page, path: string) => page.evaluate((p) => caches.match(p).then((r) => r !== undefined), path);

	it('the visit that installs the worker and every later view fetch their page once', async () => {
		const page = await context.newPage();
		await page.goto(`${server.url}/timeline/`);
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		// The installing visit keeps a copy of its page, taken from the HTTP cache.
		await expect.poll(() => cached(page, '/timeline/'), { timeout: 10_000 }).toBe(true);
		expect(server.hits('/timeline/')).toBe(1);
		for (const n of [1, 2]) {
			await page.goto(`${server.url}/actors/`);
			await page.waitForLoadState('load');
			await page.waitForTimeout(300);
			expect(server.hits('/actors/')).toBe(n);
		}
		await page.close();
	});

	it('an unknown address fetches once, is not cached, and logs nothing but its own 404', async () => {
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('console', (m) => {
			if (m.type() !== 'error') return;
			// The browser reports the 404 status of the page itself; anything more is the page's doing.
			if (m.location().url === `${server.url}/no-such-page/` && /status of 404/.test(m.text()) && !errors.includes('own 404')) errors.push('own 404');
			else errors.push(m.text());
		});
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(`${server.url}/no-such-page/`);
		expect(await page.locator('h1').textContent()).toBe('Page not found');
		await page.waitForTimeout(500);
		expect(errors).toEqual(['own 404']);
		expect(server.hits('/no-such-page/')).toBe(1);
		expect(await cached(page, '/no-such-page/')).toBe(false);
		await page.close();
	});

	it('offline, an address never saved shows the cached 404 page', async () => {
		const page = await context.newPage();
		await page.goto(`${server.url}/`);
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await context.setOffline(true);
		try {
			await page.goto(`${server.url}/articles/never-saved/`);
			expect(await page.locator('h1').textContent()).toBe('Page not found');
		} finally {
			await context.setOffline(false);
		}
		await page.close();
	});

	it('an article the next build retracts leaves the offline caches when the new worker activates', async () => {
		const page = await context.newPage();
		await page.goto(`${server.url}${RETRACTED}`);
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		const save = page.locator('[data-offline-save]');
		await save.locator('button').click();
		await expect.poll(() => save.locator('[role="status"]').textContent(), { timeout: 30_000 }).toMatch(/^Done: all \d+ pages/);
		expect(await cached(page, RETRACTED)).toBe(true);
		const fragments = await page.evaluate(() => caches.open('pagefind-fragments').then((c) => c.keys()).then((k) => k.length));

		rmSync(join(tree.content, 'articles/2025-09-16-retract-me.md'));
		buildSite(tree.content);
		await page.goto(`${server.url}/`);
		await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
		await expect.poll(() => cached(page, RETRACTED), { timeout: 20_000 }).toBe(false);
		// Its search fragment went too; the other saved pages stay.
		expect(await page.evaluate(() => caches.open('pagefind-fragments').then((c) => c.keys()).then((k) => k.length))).toBeLessThan(fragments);
		expect(await cached(page, '/timeline/')).toBe(true);

		await context.setOffline(true);
		try {
			await page.goto(`${server.url}${RETRACTED}`);
			expect(await page.locator('h1').textContent()).toBe('Page not found');
		} finally {
			await context.setOffline(false);
		}
		await page.close();
	}, 120_000);

	it('"Save for offline" drops a saved page the site no longer has', async () => {
		const page = await context.newPage();
		await page.goto(`${server.url}/`);
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await page.evaluate(() => caches.open('site-pages').then((c) => c.put('/articles/gone-since/', new Response('<h1>Gone</h1>', { headers: { 'content-type': 'text/html' } }))));
		expect(await cached(page, '/articles/gone-since/')).toBe(true);
		const save = page.locator('[data-offline-save]');
		await save.locator('button').click();
		await expect.poll(() => save.locator('[role="status"]').textContent(), { timeout: 30_000 }).toMatch(/^Done: all \d+ pages/);
		expect(await cached(page, '/articles/gone-since/')).toBe(false);
		expect(await cached(page, '/timeline/')).toBe(true);
		await page.close();
	});
});
