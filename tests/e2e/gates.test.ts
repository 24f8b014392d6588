// Each gate proven to fail on a deliberate defect, so a green quality suite means something.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, horizontalOverflow, htmlErrors, watchPage } from './gates.ts';
import { checkLinks } from './links.ts';
import { serveSite } from '../../scripts/lib/serve.ts';
import { launchChromium } from './site.ts';

const GOOD = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Fixture</title></head><body><main><h1>Fixture</h1><p>Fine.</p><a href="/">Home</a></main></body></html>`;
const DEFECTS = {
	'missing alt text': GOOD.replace('<p>Fine.</p>', '<p>Fine.</p><img src="/pic.svg">'),
	'broken link': GOOD.replace('<a href="/">Home</a>', '<a href="/nowhere/">Gone</a>'),
	'invalid HTML': GOOD.replace('<p>Fine.</p>', '<p>Fine.<div>block in a paragraph</p></div>'),
	'a console error': GOOD.replace('</body>', '<script>console.error("boom")</script></body>'),
	'a request to another host': GOOD.replace('</head>', '<link rel="stylesheet" href="http://fonts.example.com/x.css"></head>'),
	'a page wider than a phone': GOOD.replace('<p>Fine.</p>', '<p>Fine.</p><div style="width:900px">wide</div>'),
};

const dir = mkdtempSync(join(tmpdir(), 'gates-fixture-'));
const write = (path: string, body: string) => {
	mkdirSync(dirname(join(dir, path)), { recursive: true });
	writeFileSync(join(dir, path), body);
};
write('index.html', GOOD);
write('404.html', GOOD);
write('pic.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
Object.entries(DEFECTS).forEach(([name, html], i) => write(`defect-${i}/index.html`, html));
const route = (name: keyof typeof DEFECTS) => `/defect-${Object.keys(DEFECTS).indexOf(name)}/`;

let browser: Browser;
let site: Awaited<ReturnType<typeof serveSite>>;
beforeAll(async () => {
	browser = await launchChromium();
	site = await serveSite(dir);
});
afterAll(async () => {
	await browser?.close();
	await site?.close();
	rmSync(dir, { recursive: true, force: true });
});

async function load(path: string, width = 1280) {
	// axe-core needs a page of its own context.
	const context = await browser.newContext({ viewport: { width, height: 800 } });
	const page = await context.newPage();
	const watch = await watchPage(page, site.url);
	await page.goto(site.url + path, { waitUntil: 'load' });
	return { page, watch };
}

describe('the quality gates catch deliberate defects', () => {
	it('the defect-free page passes every gate', async () => {
		const { page, watch } = await load('/', 360);
		expect(await axeViolations(page)).toEqual([]);
		expect(await htmlErrors(GOOD, 'good.html')).toEqual([]);
		expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
		expect(watch.consoleErrors).toEqual([]);
		expect(watch.foreignRequests).toEqual([]);
		await page.context().close();
	});
	it('axe-core reports a missing alt text', async () => {
		const { page } = await load(route('missing alt text'));
		expect((await axeViolations(page)).join('\n')).toMatch(/^image-alt/m);
		await page.context().close();
	});
	it('the link check reports a broken link', () => {
		const { broken } = checkLinks(dir);
		expect(broken.map((b) => b.link)).toContain('/nowhere/');
	});
	it('html-validate reports invalid markup', async () => {
		expect((await htmlErrors(DEFECTS['invalid HTML'], 'bad.html')).length).toBeGreaterThan(0);
	});
	it('the markup check reports a <script> after </html>, which html-validate alone accepts', async () => {
		const stray = GOOD.replace('</html>', '</html><script type="module" src="/a.js"></script>');
		expect(await htmlErrors(GOOD, 'good.html')).toEqual([]);
		expect(await htmlErrors(stray, 'stray.html')).toEqual(['stray.html:1 stray-after-body: markup after </body> (W3C: "Stray start tag"): <script type="module" src="/a.js"></script>']);
	});
	it('console errors are caught', async () => {
		const { page, watch } = await load(route('a console error'));
		expect(watch.consoleErrors).toContain('boom');
		await page.context().close();
	});
	it('requests to another host are caught', async () => {
		const { page, watch } = await load(route('a request to another host'));
		expect(watch.foreignRequests).toContain('http://fonts.example.com/x.css');
		await page.context().close();
	});
	it('sideways scroll at 360 px is caught', async () => {
		const { page } = await load(route('a page wider than a phone'), 360);
		expect(await horizontalOverflow(page)).toBeGreaterThan(0);
		await page.context().close();
	});
});
