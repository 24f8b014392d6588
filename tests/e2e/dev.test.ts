// `npm run dev` as an author uses it: search answers from the dev server's search page, no request
// 404s, and a content error shows in the browser (and goes away when fixed), not only in the terminal.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './site.ts';

const repo = resolve(import.meta.dirname, '../..');
const ARTICLE = '/articles/2025-09-15-us-mali-junta/';
let dev: ChildProcess | undefined;
let log = '';
let base = '';
let browser: Browser;
let scratch = '';
let articleFile = '';
let good = '';
const broken = (text: string) => text.replace('  - mali-junta\n', '  - mali-junat\n');

/** The error page's text, which every route answers with while content has errors. */
async function expectErrorPage(page: Page) {
	await page.waitForSelector('#content-errors', { timeout: 30_000 });
	const text = await page.locator('#content-errors').textContent();
	expect(text).toContain('1 content error');
	expect(text).toMatch(/content\/articles\/2025-09-15-us-mali-junta\.md:17 {2}actors\[1\]/);
	expect(text).toContain('did you mean "mali-junta"?');
}

function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer().once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => done(port));
		});
	});
}

beforeAll(async () => {
	// A copy of the content, so the test can break an article; its own Astro cache, so it never shares one
	// with a build (e2e files run one at a time, and this server is stopped before the next file starts).
	scratch = mkdtempSync(join(tmpdir(), 'dev-test-'));
	cpSync(join(repo, 'content'), join(scratch, 'content'), { recursive: true });
	// It starts with a content error, as an author's dev server may: it must start anyway and say so.
	articleFile = join(scratch, 'content/articles/2025-09-15-us-mali-junta.md');
	good = readFileSync(articleFile, 'utf8');
	writeFileSync(articleFile, broken(good));
	const port = await freePort();
	base = `http://127.0.0.1:${port}`;
	// As an author's shell has it: Astro's dev server answers 404 to every page when it sees vitest's variables.
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
	dev = spawn('npm', ['run', 'dev', '--', '--port', String(port), '--host', '127.0.0.1', '--strictPort'], {
		cwd: repo,
		detached: true,
		env: { ...env, NODE_ENV: 'development', CONTENT_DIR: join(scratch, 'content'), ASTRO_CACHE_DIR: join(scratch, 'astro-cache'), ASTRO_DEV_BACKGROUND: '0' },
	});
	dev.stdout!.on('data', (chunk) => (log += chunk));
	dev.stderr!.on('data', (chunk) => (log += chunk));
	const deadline = Date.now() + 150_000;
	// Astro colours its banner when CI is set (picocolors reads CI), putting escape codes between the words.
	while (!/Local\s+http/.test(stripVTControlCharacters(log))) {
		if (dev.exitCode !== null || Date.now() > deadline) throw new Error(`npm run dev did not start:\n${log}`);
		await new Promise((r) => setTimeout(r, 250));
	}
	browser = await launchChromium();
}, 180_000);

afterAll(async () => {
	await browser?.close();
	// The whole process group: npm, and the astro it started.
	if (dev?.pid && dev.exitCode === null) process.kill(-dev.pid, 'SIGTERM');
	if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** A page that records every answer of 400 or more, and console errors. */
async function open(path: string): Promise<{ page: Page; failed: string[] }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 2000 } });
	const page = await context.newPage();
	const failed: string[] = [];
	page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
	// Aborted requests are Vite's own doing (a reload after it optimises dependencies on a first visit), not 404s.
	page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && failed.push(`failed ${r.url()} ${r.failure()?.errorText}`));
	await page.goto(base + path);
	return { page, failed };
}

describe('npm run dev', () => {
	it('starts despite a content error, shows it on every page, and shows the site once it is fixed', async () => {
		const { page } = await open(ARTICLE);
		await expectErrorPage(page);
		const other = await open('/timeline/');
		await expectErrorPage(other.page);
		await other.page.context().close();

		writeFileSync(articleFile, good);
		// The open page reloads by itself.
		await page.waitForSelector('#content-errors', { state: 'detached', timeout: 30_000 });
		await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 30_000 }).toContain('Администрация Трампа');
		await page.context().close();
	}, 120_000);

	it('answers a search from the dev server\'s search page (Russian word form and English alias)', async () => {
		for (const q of ['хунтой', 'Wagner']) {
			const { page, failed } = await open(`/search/?q=${encodeURIComponent(q)}`);
			await page.waitForFunction(() => /result/.test(document.querySelector('#search-page-status')?.textContent ?? ''), null, { timeout: 90_000 });
			await page.waitForFunction(() => !document.querySelector('#search-page-results .search-result-placeholder'));
			const links = await page
				.locator('#search-page-results .search-result-title a')
				.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
			expect(links, log).toContain(ARTICLE);
			expect(failed).toEqual([]);
			await page.context().close();
		}
	}, 120_000);

	it('no page requests anything that 404s (no service worker in dev)', async () => {
		for (const path of ['/', ARTICLE, '/timeline/', '/actors/', '/actors/mali-junta/', '/articles/']) {
			const { page, failed } = await open(path);
			await page.waitForLoadState('networkidle');
			expect(failed, path).toEqual([]);
			expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), path).toBe(0);
			await page.context().close();
		}
	}, 120_000);

	it('shows a content error made while the page is open, and the site again once it is fixed', async () => {
		const { page } = await open(ARTICLE);
		await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 30_000 }).toContain('Администрация Трампа');
		writeFileSync(articleFile, broken(good));
		// The open page reloads by itself into the error page, and back.
		await expectErrorPage(page);
		writeFileSync(articleFile, good);
		await page.waitForSelector('#content-errors', { state: 'detached', timeout: 30_000 });
		await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 30_000 }).toContain('Администрация Трампа');
		await page.context().close();
	}, 120_000);
});
