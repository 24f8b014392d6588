// Quality gates over every page type of the built site, served on 127.0.0.1 and loaded in Chromium:
// accessibility (axe-core, WCAG 2.2 AA, light and dark), valid HTML, no console errors, no request to
// another host, no sideways scroll at 360 px, Lighthouse ≥ 95, and page weight.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, horizontalOverflow, htmlErrors, lighthouseScores, watchPage } from './gates.ts';
import { SITE_DIR, launchChromium } from './site.ts';

const base = inject('baseUrl');
/** One page of every type the site has. */
const PAGES = [
	'/',
	'/articles/',
	'/articles/2025-09-15-us-mali-junta/',
	'/timeline/',
	'/timeline/bloc/russia/',
	'/timeline/actor/wagner-group/',
	'/actors/',
	'/actors/russia/',
	'/actors/rudolph-atallah/',
	'/search/?q=хунта',
	'/404.html',
];

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

async function open(route: string, options: { width?: number; dark?: boolean } = {}) {
	const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.dark ? 'dark' : 'light', serviceWorkers: 'block' });
	const page = await context.newPage();
	const watch = await watchPage(page, base);
	await page.goto(base + route, { waitUntil: 'networkidle' });
	return { page, context, watch };
}

describe.each(PAGES)('%s', (route) => {
	it('has no axe-core violations in light and dark, no console errors, no foreign requests', async () => {
		for (const dark of [false, true]) {
			const { page, context, watch } = await open(route, { dark });
			// The search page is checked with its results rendered, not while it is still loading.
			if (route.startsWith('/search/')) await page.waitForFunction(() => /result/.test(document.querySelector('#search-page-status')?.textContent ?? ''));
			expect(await axeViolations(page), `${route} ${dark ? 'dark' : 'light'}`).toEqual([]);
			expect(watch.consoleErrors).toEqual([]);
			expect(watch.foreignRequests).toEqual([]);
			await context.close();
		}
	});

	it('is usable at 360 px: no sideways scroll', async () => {
		const { page, context } = await open(route, { width: 360 });
		expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
		await context.close();
	});
});

describe('every built HTML file', () => {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) {
				if (name !== 'pagefind' && name !== '_astro') walk(path);
			} else if (name.endsWith('.html')) files.push(path);
		}
	};
	walk(SITE_DIR);

	it('passes html-validate with no errors', async () => {
		expect(files.length).toBeGreaterThan(40);
		const errors: string[] = [];
		for (const file of files) errors.push(...(await htmlErrors(readFileSync(file, 'utf8'), relative(SITE_DIR, file))));
		expect(errors).toEqual([]);
	});
});

describe('page weight', () => {
	it('an article page is under 30 KB of HTML + CSS, compressed', () => {
		const html = readFileSync(join(SITE_DIR, 'articles/2025-09-15-us-mali-junta/index.html'));
		const css = [...html.toString().matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => readFileSync(join(SITE_DIR, m[1])));
		expect(css.length).toBeGreaterThan(0);
		const bytes = gzipSync(html).length + css.reduce((sum, c) => sum + gzipSync(c).length, 0);
		expect(bytes).toBeLessThan(30 * 1024);
	});

	it('a reading page loads no search code until search is used: only the search-box and offline bootstrap, under 6 KB', async () => {
		const { page, context } = await open('/articles/2025-09-15-us-mali-junta/');
		const scripts = await page.evaluate(() =>
			performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' || e.name.endsWith('.js')).map((e) => ({ name: e.name, size: (e as PerformanceResourceTiming).encodedBodySize })),
		);
		expect(scripts.filter((s) => s.name.includes('/pagefind/'))).toEqual([]);
		expect(scripts.length).toBeGreaterThan(0);
		expect(scripts.reduce((sum, s) => sum + s.size, 0)).toBeLessThan(6 * 1024);
		await context.close();
	});
});

describe('Lighthouse', () => {
	const port = 9400 + Math.floor(Math.random() * 500);
	let lhBrowser: Browser;
	beforeAll(async () => {
		lhBrowser = await launchChromium([`--remote-debugging-port=${port}`]);
	});
	afterAll(async () => {
		await lhBrowser?.close();
	});
	it.each(['/', '/articles/2025-09-15-us-mali-junta/', '/timeline/', '/actors/russia/', '/search/'])(
		'%s scores at least 95 in performance, accessibility, best practices and SEO',
		async (route) => {
			const scores = await lighthouseScores(base + route, port);
			for (const [category, score] of Object.entries(scores)) expect(score, `${route} ${category}`).toBeGreaterThanOrEqual(95);
		},
		120_000,
	);
});
