// Search benchmark in Chromium: time from keystroke to the first result's title on screen on /search/, for the
// first query after the page loads and for warm queries, the bytes fetched, and the same measured on bare
// Pagefind (pagefind.search() and the first result's data(), nothing else) over a minimal site built from the
// same corpus in the same run. Each corpus is measured: the ~80-word vocabulary and the realistic one
// (words drawn with a Zipf law from a Russian dictionary, scripts/gen-corpus.ts --vocab realistic).
//   npm run bench:search                              generate, build and measure both 10,000-article corpora
//   npm run bench:search -- --count 1000 --vocab realistic --runs 3
//   npm run bench:search -- --site dist [--minimal <built minimal site>]   measure sites built already
// A query that fails (no result, an unexpected page, a timeout) is reported with its query, the page's state
// and what the bench waited for; the run goes on.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { pagefindTerm } from '../src/client/search/query.ts';
import { serveSite } from './lib/serve.ts';
import { ROUTES } from '../src/schema/routes.ts';

const { values } = parseArgs({
	options: {
		site: { type: 'string' },
		minimal: { type: 'string' },
		count: { type: 'string', default: '10000' },
		vocab: { type: 'string', default: 'small,realistic' },
		runs: { type: 'string', default: '5' },
		reuse: { type: 'boolean', default: false },
		verbose: { type: 'boolean', default: false },
		timeout: { type: 'string', default: '30000' },
	},
});
const FIRST = ['хунтой', 'Wagner', 'Белавиа'];
const WARM = ['Africa Corps', 'intelligence sharing', 'Гоита', 'санкциями', 'Бамако', 'Prigozhin', 'сотрудничество'];
const GOALS = { first: 200, warmMedian: 50, warmMax: 150, bytes: 300 * 1024, ratio: 1.2 };
const TIMEOUT = Number(values.timeout);
const runs = Number(values.runs);
const node = process.execPath;

interface Row {
	kind: 'first' | 'warm';
	query: string;
	ms: number;
	bytes: number;
	requests: number;
	/** Where the site's time went (performance.measure entries of src/client/search/results.ts), ms. */
	split?: Record<string, number>;
	/** The query found nothing (so no result fragment was loaded). */
	empty: boolean;
}
interface Failure {
	query: string;
	waitedFor: string;
	state: string;
}
interface SiteResult {
	rows: Row[];
	loads: number[];
	failures: Failure[];
}

/**
 * The bare reference: an input and a list, pagefind.search() on each keystroke, the first result's title shown.
 * It sends Pagefind the term the site sends (the query cut to its stems, src/client/search/query.ts) over an index
 * built the same way, so both find the same pages and the ratio is the cost of the site's search code.
 */
const TERMS = Object.fromEntries([...FIRST, ...WARM].map((q) => [q, pagefindTerm(q)]));
const BARE_PAGE = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Bare Pagefind</title></head><body>
<input id="search-page-q"><p id="search-page-status">Type a word</p><ol id="search-page-results"></ol>
<script type="module">
const TERMS = ${JSON.stringify(TERMS).replace(/</g, '\\u003c')};
const pagefind = await import('/pagefind/pagefind.js');
await pagefind.init();
const input = document.querySelector('#search-page-q');
const status = document.querySelector('#search-page-status');
const list = document.querySelector('#search-page-results');
let latest = 0;
input.addEventListener('input', async () => {
	const id = ++latest;
	const q = input.value;
	const response = await pagefind.search(TERMS[q] ?? q);
	if (id !== latest) return;
	list.replaceChildren();
	status.textContent = response.results.length ? response.results.length + ' results for “' + q + '”' : 'No results for “' + q + '”';
	const first = response.results[0];
	if (!first) return;
	const data = await first.data();
	if (id !== latest) return;
	const li = document.createElement('li');
	li.className = 'search-result';
	li.innerHTML = '<h3 class="search-result-title"><a></a></h3>';
	li.querySelector('a').textContent = data.meta.title;
	li.querySelector('a').href = data.url;
	list.append(li);
});
</script></body></html>`;

/** What the page shows now, for a failure report. */
async function pageState(page: Page): Promise<string> {
	try {
		return await page.evaluate(() => {
			const status = document.querySelector('#search-page-status')?.textContent?.trim() ?? '(no #search-page-status)';
			const results = document.querySelectorAll('#search-page-results > li').length;
			const placeholders = document.querySelectorAll('#search-page-results .search-result-placeholder').length;
			return `${location.pathname}${location.search}: status "${status}", ${results} result items (${placeholders} placeholders)`;
		});
	} catch (error) {
		return `page unavailable (${(error as Error).message.split('\n')[0]})`;
	}
}

async function measureSite(browser: Browser, url: string, path: string): Promise<SiteResult> {
	const result: SiteResult = { rows: [], loads: [], failures: [] };
	for (let i = 0; i < runs; i++) {
		// A fresh context per run: empty HTTP cache, no service worker, so "first" really is first.
		let context: BrowserContext | undefined;
		try {
			context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
			await runOnce(context, url, path, FIRST[i % FIRST.length], result);
		} catch (error) {
			result.failures.push({ query: '(page load)', waitedFor: `${path} to load and show "Type a word"`, state: (error as Error).message.split('\n')[0] });
		} finally {
			await context?.close().catch(() => {});
		}
	}
	return result;
}

async function runOnce(context: BrowserContext, url: string, path: string, firstQuery: string, result: SiteResult) {
	const page = await context.newPage();
	// Playwright reports the Pagefind web worker's requests too; count headers + body as transferred.
	const sizes = new Map<string, number>();
	context.on('requestfinished', (request) => {
		request
			.sizes()
			.then(({ responseBodySize, responseHeadersSize }) => sizes.set(request.url(), (sizes.get(request.url()) ?? 0) + responseBodySize + responseHeadersSize))
			.catch(() => {}); // the context may close first
	});
	try {
		const response = await page.goto(`${url}${path}`, { timeout: TIMEOUT });
		if (!response?.ok()) throw new Error(`HTTP ${response?.status() ?? 'no response'}`);
		await page.waitForFunction(() => /Type a word/.test(document.querySelector('#search-page-status')?.textContent ?? ''), undefined, { timeout: TIMEOUT });
		await page.waitForLoadState('networkidle', { timeout: TIMEOUT });
	} catch (error) {
		result.failures.push({ query: '(page load)', waitedFor: `${path} to load and its status to say "Type a word"`, state: `${(error as Error).message.split('\n')[0]}; ${await pageState(page)}` });
		return;
	}
	// What the page fetched for search before the first keystroke (search code, pagefind.js, worker, wasm, metadata).
	result.loads.push([...sizes.entries()].filter(([u]) => /\/pagefind\/|\/_astro\/.*\.js$|actor-names/.test(u)).reduce((a, [, b]) => a + b, 0));

	const measure = async (kind: Row['kind'], query: string) => {
		sizes.clear();
		await page.fill('#search-page-q', '');
		await page.evaluate(() => performance.clearMeasures());
		// Keystroke → results: the input event fires on the last character; results are on screen when the
		// status names the query and the first result shows its title (its fragment is loaded).
		const waitedFor = `the status to name “${query}” and the first result's title to render (or "No results")`;
		const ms = await page
			.evaluate(
				async ([q, timeout]) => {
					const input = document.querySelector<HTMLInputElement>('#search-page-q')!;
					const status = document.querySelector('#search-page-status')!;
					const list = document.querySelector('#search-page-results')!;
					const done = new Promise<number>((resolve, reject) => {
						const give = setTimeout(() => reject(new Error('timeout')), timeout);
						const check = () => {
							const rendered = list.querySelector('.search-result:not(.search-result-placeholder) .search-result-title a');
							if (status.textContent?.includes(q) && (rendered || /^No /.test(status.textContent))) {
								clearTimeout(give);
								resolve(performance.now());
							} else requestAnimationFrame(check);
						};
						requestAnimationFrame(check);
					});
					const start = performance.now();
					input.value = q;
					input.dispatchEvent(new InputEvent('input', { bubbles: true, data: q.at(-1) }));
					return (await done) - start;
				},
				[query, TIMEOUT] as const,
			)
			.catch(async (error: Error) => {
				result.failures.push({ query, waitedFor, state: `${error.message.split('\n')[0]}; ${await pageState(page)}` });
				return undefined;
			});
		if (ms === undefined) return;
		const empty = await page.evaluate(() => /^No /.test(document.querySelector('#search-page-status')?.textContent ?? ''));
		if (empty) result.failures.push({ query, waitedFor: 'at least one result', state: await pageState(page) });
		const split = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('measure').map((m) => [m.name, m.duration])));
		await page.waitForLoadState('networkidle', { timeout: TIMEOUT }).catch(() => {});
		if (values.verbose) for (const [u, b] of sizes) console.log(`  ${kind} ${query}: ${(b / 1024).toFixed(1).padStart(7)} KiB ${u.replace(url, '')}`);
		result.rows.push({ kind, query, ms, bytes: [...sizes.values()].reduce((a, b) => a + b, 0), requests: sizes.size, split, empty });
	};
	await measure('first', firstQuery);
	for (const q of WARM) await measure('warm', q);
}

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

interface Summary {
	first: number;
	firstBytes: number;
	warm: number;
	warmMax: number;
	load: number;
	failures: Failure[];
	split: Record<string, number>;
}

/** Figures over the queries in `compared` (those both the site and bare Pagefind found results for). */
function summarize(label: string, r: SiteResult, compared: ReadonlySet<string>): Summary {
	const first = r.rows.filter((x) => x.kind === 'first' && compared.has(x.query));
	const warm = r.rows.filter((x) => x.kind === 'warm' && compared.has(x.query));
	const split: Record<string, number> = {};
	for (const key of new Set(r.rows.flatMap((x) => Object.keys(x.split ?? {})))) split[key] = median(warm.map((x) => x.split?.[key] ?? 0));
	const s = {
		first: median(first.map((x) => x.ms)),
		firstBytes: median(first.map((x) => x.bytes)),
		warm: median(warm.map((x) => x.ms)),
		warmMax: warm.length ? Math.max(...warm.map((x) => x.ms)) : NaN,
		load: median(r.loads),
		failures: r.failures,
		split,
	};
	if (values.verbose) {
		console.log(`\n${label}\nkind   query                    ms      KiB  requests`);
		for (const x of r.rows) console.log(`${x.kind.padEnd(6)} ${x.query.padEnd(22)} ${x.ms.toFixed(0).padStart(6)} ${(x.bytes / 1024).toFixed(1).padStart(8)} ${String(x.requests).padStart(9)}`);
	}
	return s;
}

function report(corpus: string, site: Summary, bare?: Summary) {
	const ok = (b: boolean) => (b ? '✔' : '✖');
	const ratio = (a: number, b?: number) => (b && Number.isFinite(a) && Number.isFinite(b) ? `${(a / b).toFixed(2)}×` : '—');
	const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : 'no data');
	console.log(`\n${corpus} — median of ${runs} fresh contexts (Chromium), keystroke to the first result's title on screen`);
	console.log('|  | site | bare Pagefind | site ÷ bare | goal |');
	console.log('|---|---:|---:|---:|---|');
	const size = (v: number) => (Number.isFinite(v) ? kib(v) : 'no data');
	console.log(`| first query | ${ms(site.first)} | ${bare ? ms(bare.first) : '—'} | ${ratio(site.first, bare?.first)} | < ${GOALS.first} ms ${ok(site.first < GOALS.first)}; ≤ ${GOALS.ratio}× bare ${bare ? ok(site.first <= GOALS.ratio * bare.first) : '—'} |`);
	console.log(`| warm query, median | ${ms(site.warm)} | ${bare ? ms(bare.warm) : '—'} | ${ratio(site.warm, bare?.warm)} | < ${GOALS.warmMedian} ms ${ok(site.warm < GOALS.warmMedian)}; ≤ ${GOALS.ratio}× bare ${bare ? ok(site.warm <= GOALS.ratio * bare.warm) : '—'} |`);
	console.log(`| warm query, slowest | ${ms(site.warmMax)} | ${bare ? ms(bare.warmMax) : '—'} | ${ratio(site.warmMax, bare?.warmMax)} | < ${GOALS.warmMax} ms ${ok(site.warmMax < GOALS.warmMax)} |`);
	console.log(`| fetched before the first result (page's search code + first query) | ${size(site.load + site.firstBytes)} | ${bare ? size(bare.load + bare.firstBytes) : '—'} | ${ratio(site.load + site.firstBytes, bare && bare.load + bare.firstBytes)} | < 300 KB ${ok(site.load + site.firstBytes < GOALS.bytes)} |`);
	const where = Object.entries(site.split).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ');
	if (where) console.log(`Where a warm query's time goes on the site (medians): ${where}.`);
	for (const [label, s] of [['site', site], ['bare Pagefind', bare]] as const)
		for (const f of s?.failures ?? []) console.log(`✖ ${label}: query “${f.query}” — waited for ${f.waitedFor}; found ${f.state}`);
}

function run(label: string, command: string[], env: Record<string, string>) {
	console.error(`${label}…`);
	const result = spawnSync(command[0], command.slice(1), { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
	if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status}): ${command.join(' ')}`);
}

/** Generates the corpus (never into content/), builds the full site and the minimal reference unless --reuse finds them. */
function prepare(vocab: string, count: number): { site: string; minimal: string } {
	const corpus = resolve(vocab === 'small' ? `corpus/${count}` : `corpus/${count}-${vocab}`);
	if (!existsSync(join(corpus, 'articles')) || readdirSync(join(corpus, 'articles')).length !== count) {
		run(`generating ${count} articles (${vocab} vocabulary)`, [node, 'scripts/gen-corpus.ts', '--count', String(count), '--out', corpus, '--vocab', vocab], {});
	}
	const site = `/tmp/site-search-${vocab}-${count}`;
	const minimal = `/tmp/site-search-minimal-${vocab}-${count}`;
	if (!values.reuse || !existsSync(join(site, 'search/index.html'))) {
		run(`building the site (${vocab}, ${count})`, [node, 'scripts/build.ts'], { CONTENT_DIR: corpus, DIST_DIR: site, ASTRO_CACHE_DIR: `/tmp/site-search-cache-${vocab}-${count}` });
	}
	if (!values.reuse || !existsSync(join(minimal, 'pagefind/pagefind.js'))) {
		rmSync(minimal, { recursive: true, force: true });
		run(`building the minimal site + Pagefind (${vocab}, ${count})`, [node, 'node_modules/astro/bin/astro.mjs', 'build', '--root', 'bench/minimal-astro', '--silent'], {
			CONTENT_DIR: corpus,
			ASTRO_OUT_DIR: minimal,
			ASTRO_CACHE_DIR: `/tmp/site-search-cache-minimal-${vocab}-${count}`,
		});
		// One index for both languages, as the site builds it (src/integrations/pagefind.ts), so bare Pagefind
		// finds what the site finds and the ratio is the cost of the site's search code.
		run('indexing the minimal site', [node, 'bench/pagefind-index.ts', minimal, 'und'], {});
	}
	return { site, minimal };
}

const launch = () => chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--disable-gpu', '--disable-background-networking'] });
{
	// Each corpus is built and then measured before the next is built, so its figures print as soon as they exist.
	const targets: Array<() => { corpus: string; site: string; minimal?: string }> = values.site
		? [() => ({ corpus: values.site!, site: values.site!, minimal: values.minimal })]
		: values.vocab.split(',').map((vocab) => () => ({ corpus: `${values.count} articles, ${vocab} vocabulary`, ...prepare(vocab, Number(values.count)) }));
	for (const next of targets) {
		const target = next();
		// A browser per corpus, started after its builds: one left idle through a 10-minute build was found closed.
		const browser = await launch();
		const site = await serveSite(target.site);
		const siteRaw = await measureSite(browser, site.url, ROUTES.search);
		await site.close();
		let bareRaw: SiteResult | undefined;
		if (target.minimal) {
			writeFileSync(join(target.minimal, 'bench-search.html'), BARE_PAGE);
			if (!existsSync(join(target.minimal, '404.html'))) writeFileSync(join(target.minimal, '404.html'), '<!doctype html><title>Not found</title>');
			const minimal = await serveSite(target.minimal);
			bareRaw = await measureSite(browser, minimal.url, '/bench-search.html');
			await minimal.close();
		}
		// Times compare like with like: a query that finds nothing on one side loads no result there.
		const found = (r: SiteResult) => new Set(r.rows.filter((x) => !x.empty).map((x) => x.query));
		const compared = new Set([...found(siteRaw)].filter((q) => !bareRaw || found(bareRaw).has(q)));
		const left = [...FIRST, ...WARM].filter((q) => !compared.has(q));
		report(target.corpus, summarize(`site ${target.site}`, siteRaw, compared), bareRaw && summarize(`bare Pagefind ${target.minimal}`, bareRaw, compared));
		if (left.length) console.log(`Left out of the figures (no results on one side, or not run): ${left.map((q) => `“${q}”`).join(', ')}.`);
		await browser.close().catch(() => {});
	}
}
