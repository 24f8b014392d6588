// Search benchmark in Chromium on a built site (default: the 10,000-article build):
// time from keystroke to rendered results on /search/, first query after load and warm queries,
// and the bytes the browser fetched for them (CDP Network.loadingFinished, encoded bytes).
//   node scripts/bench-search.ts [--site /tmp/site-search-10k] [--runs 5]
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serveSite } from '../tests/e2e/serve.ts';

const { values } = parseArgs({ options: { site: { type: 'string', default: process.env.DIST_DIR ?? '/tmp/site-search-10k' }, runs: { type: 'string', default: '5' }, verbose: { type: 'boolean', default: false } } });
const FIRST = ['хунтой', 'Wagner', 'Белавиа'];
const WARM = ['Africa Corps', 'intelligence sharing', 'Гоита', 'sanctions', 'Бамако', 'Prigozhin'];
const GOALS = { first: 300, warm: 100, bytes: 300 * 1024 };

const site = await serveSite(values.site!);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-gpu', '--disable-background-networking'] });

interface Row { kind: 'first' | 'warm'; query: string; ms: number; bytes: number; requests: number }
const rows: Row[] = [];
const loads: number[] = [];

async function run(firstQuery: string) {
	// A fresh context per run: empty HTTP cache, no service worker, so "first" really is first.
	const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	// Playwright reports the Pagefind web worker's requests too; count headers + body as transferred.
	const sizes = new Map<string, number>();
	let loadBytes = 0;
	context.on('requestfinished', async (request) => {
		const { responseBodySize, responseHeadersSize } = await request.sizes();
		sizes.set(request.url(), (sizes.get(request.url()) ?? 0) + responseBodySize + responseHeadersSize);
	});
	await page.goto(`${site.url}/search/`);
	await page.waitForFunction(() => /Type a word/.test(document.querySelector('#search-page-status')?.textContent ?? ''));
	await page.waitForLoadState('networkidle');
	// What the search page fetched for search before the first keystroke (Modular UI, pagefind.js, wasm, entry).
	loadBytes = [...sizes.entries()].filter(([url]) => /\/pagefind\/|\/_astro\/.*\.js$/.test(url)).reduce((a, [, b]) => a + b, 0);
	loads.push(loadBytes);

	const measure = async (kind: Row['kind'], query: string) => {
		sizes.clear();
		await page.fill('#search-page-q', '');
		// Keystroke → results: the input event fires on the last character; results are rendered when
		// the status names the query and the first result shows its title (its fragment is loaded).
		const ms = await page.evaluate(async (q) => {
			const input = document.querySelector<HTMLInputElement>('#search-page-q')!;
			const status = document.querySelector('#search-page-status')!;
			const list = document.querySelector('#search-page-results')!;
			const done = new Promise<number>((resolve) => {
				const check = () => {
					const rendered = list.querySelector('.search-result:not(.search-result-placeholder) .search-result-title a');
					if (status.textContent?.includes(q) && (rendered || /^No /.test(status.textContent))) resolve(performance.now());
					else requestAnimationFrame(check);
				};
				requestAnimationFrame(check);
			});
			const start = performance.now();
			input.value = q;
			input.dispatchEvent(new InputEvent('input', { bubbles: true, data: q.at(-1) }));
			return (await done) - start;
		}, query);
		await page.waitForLoadState('networkidle');
		if (values.verbose) for (const [url, b] of sizes) console.log(`  ${kind} ${query}: ${(b / 1024).toFixed(1).padStart(7)} KiB ${url.replace(site.url, '')}`);
		rows.push({ kind, query, ms, bytes: [...sizes.values()].reduce((a, b) => a + b, 0), requests: sizes.size });
	};
	await measure('first', firstQuery);
	for (const q of WARM) await measure('warm', q);
	await context.close();
}

const runs = Number(values.runs);
for (let i = 0; i < runs; i++) await run(FIRST[i % FIRST.length]);

// The search page's input debounce (40 ms) is part of the measured time, as a reader experiences it.
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const table = (kind: Row['kind']) => rows.filter((r) => r.kind === kind);
console.log(`\nSearch benchmark on ${values.site} (${runs} fresh page loads)\n`);
console.log('kind   query                    ms      KiB  requests');
for (const r of rows) console.log(`${r.kind.padEnd(6)} ${r.query.padEnd(22)} ${r.ms.toFixed(0).padStart(6)} ${(r.bytes / 1024).toFixed(1).padStart(8)} ${String(r.requests).padStart(9)}`);
const first = table('first');
const warm = table('warm');
const firstMs = median(first.map((r) => r.ms));
const warmMs = median(warm.map((r) => r.ms));
const firstBytes = median(first.map((r) => r.bytes));
const warmBytes = median(warm.map((r) => r.bytes));
console.log('\nmedian          ms       KiB     goal');
console.log(`first query  ${firstMs.toFixed(0).padStart(5)}  ${(firstBytes / 1024).toFixed(1).padStart(8)}   < ${GOALS.first} ms, < 300 KB ${firstMs < GOALS.first && firstBytes < GOALS.bytes ? '✔' : '✖'}`);
console.log(`warm query   ${warmMs.toFixed(0).padStart(5)}  ${(warmBytes / 1024).toFixed(1).padStart(8)}   < ${GOALS.warm} ms ${warmMs < GOALS.warm ? '✔' : '✖'}`);
console.log(`search code and index entry loaded with the page: ${(median(loads) / 1024).toFixed(1)} KiB; page load + first query: ${((median(loads) + firstBytes) / 1024).toFixed(1)} KiB`);
console.log(`first + ${WARM.length} warm queries fetched ${(median(Array.from({ length: runs }, (_, i) => rows.slice(i * (WARM.length + 1), (i + 1) * (WARM.length + 1)).reduce((s, r) => s + r.bytes, 0))) / 1024).toFixed(1)} KiB in total (median of runs)`);
await browser.close();
await site.close();
