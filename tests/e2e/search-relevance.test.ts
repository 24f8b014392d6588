// Search quality in Chromium against the built site: the relevance set (what a journalist expects in the top 3),
// every case form giving the same results, excerpts that are sentences of the result's own text, and the shape
// of Pagefind's responses the search scripts rely on (a Pagefind release that changes it fails here).
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WORD_FORMS } from '../fixtures/word-forms.ts';
import { launchChromium } from './site.ts';

const ARTICLE = '/articles/2025-09-15-us-mali-junta/';
const base = inject('baseUrl');
let browser: Browser;
let page: Page;
let articleText = '';

beforeAll(async () => {
	browser = await launchChromium();
	// Tall, so every result's placeholder is on screen and its data loads.
	const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 8000 } });
	page = await context.newPage();
	await page.goto(base + ARTICLE);
	articleText = (await page.locator('.article-body').innerText()).replace(/\s+/g, ' ');
	await page.goto(`${base}/search/`);
	await page.waitForFunction(() => /Type a word/.test(document.querySelector('#search-page-status')?.textContent ?? ''));
});
afterAll(async () => {
	await browser?.close();
});

interface Shown {
	links: string[];
	items: Array<{ link: string; type: string; excerpt: string; marked: string[] }>;
}

/** Types `q` into the search page and reads every result once all have rendered. */
async function search(q: string): Promise<Shown> {
	await page.fill('#search-page-q', q);
	await page.waitForFunction((q) => {
		const status = document.querySelector('#search-page-status')?.textContent ?? '';
		return status.includes(`“${q}”`) && !document.querySelector('#search-page-results .search-result-placeholder');
	}, q);
	const items = await page.locator('#search-page-results > .search-result').evaluateAll((lis) =>
		lis.map((li) => {
			const a = li.querySelector<HTMLAnchorElement>('.search-result-title a')!;
			const excerpt = li.querySelector('.search-result-excerpt');
			return {
				link: a.pathname + a.hash,
				type: li.querySelector('.search-result-type')?.textContent ?? '',
				excerpt: excerpt?.textContent ?? '',
				marked: [...(excerpt?.querySelectorAll('mark') ?? [])].map((m) => m.textContent ?? ''),
			};
		}),
	);
	return { links: items.map((i) => i.link), items };
}

describe('relevance set: what a journalist expects in the top 3', () => {
	// query → the actor card that must come first (its own name), and whether the Russian article (the only
	// primary source) must be in the top 3.
	const SET: Array<[query: string, first: string | null, article: boolean]> = [
		['Wagner', '/actors/wagner-group/', true],
		['junta', '/actors/mali-junta/', true],
		['Belavia', '/actors/belavia/', true],
		['intelligence', null, true],
		['Africa Corps', '/actors/africa-corps/', true],
		['Prigozhin', '/actors/yevgeny-prigozhin/', true],
		['хунтой', null, true],
		['Вагнер', '/actors/wagner-group/', true],
		['Гоита', '/actors/assimi-goita/', false],
		['Goita', '/actors/assimi-goita/', false],
		['ЦРУ', '/actors/cia/', true],
	];
	for (const [q, first, article] of SET) {
		it(`“${q}”: ${first ? `${first} first` : ''}${first && article ? ', ' : ''}${article ? 'the article in the top 3' : ''}`, async () => {
			const { links } = await search(q);
			if (first) expect(links[0]).toBe(first);
			if (article) expect(links.slice(0, 3)).toContain(ARTICLE);
		});
	}
});

describe('every case form finds the same results', () => {
	for (const [word, forms] of Object.entries(WORD_FORMS)) {
		it(`${word}: ${forms.join(', ')}`, async () => {
			const sets = new Map<string, string[]>();
			for (const form of forms) sets.set(form, (await search(form)).links.toSorted());
			const reference = sets.get(forms[0])!;
			expect(reference).toContain(ARTICLE);
			for (const [form, links] of sets) expect({ form, links }).toEqual({ form, links: reference });
		});
	}
});

describe('excerpts come from the text', () => {
	const articleItem = async (q: string) => (await search(q)).items.find((i) => i.link === ARTICLE)!;
	/** The excerpt's words (without the ellipses of a cut sentence) as they stand in the article's text. */
	const inArticle = (excerpt: string) => excerpt.replace(/^… | …$/g, '').trim();

	it('Wagner on the Russian article: the sentence with «Вагнер», marked', async () => {
		const item = await articleItem('Wagner');
		expect(articleText).toContain(inArticle(item.excerpt));
		expect(item.marked.join(' ')).toMatch(/Вагнер/);
	});
	for (const q of ['хунтой', 'Гоитой', 'Беларусь', 'junta', 'Belavia', 'Africa Corps', 'intelligence']) {
		it(`“${q}”: a sentence of the article's body with the match marked, never a name list or a label`, async () => {
			const item = await articleItem(q);
			expect(item.marked.length).toBeGreaterThan(0);
			expect(articleText).toContain(inArticle(item.excerpt));
			expect(item.excerpt).not.toMatch(/ · |Published|Summary in English|Not named in the text/);
		});
	}
	it('actor and event results show a readable line, not an alias dump', async () => {
		const { items } = await search('Вагнер');
		const actors = items.filter((i) => i.type === 'Actor');
		const events = items.filter((i) => i.type === 'Event');
		expect(actors.length).toBeGreaterThan(0);
		expect(events.length).toBeGreaterThan(0);
		for (const item of [...actors, ...events]) expect(item.excerpt).not.toContain(' · ');
		expect(items.find((i) => i.link === '/actors/wagner-group/')!.excerpt).toMatch(/^Private military company whose mercenaries/);
	});
	it('timeline days are titled in a reader’s words', async () => {
		await search('intelligence');
		const titles = await page.locator('#search-page-results .search-result-title').allTextContents();
		expect(titles.join('\n')).not.toMatch(/timeline entries/);
	});
});

describe('Pagefind’s response shape, as the search scripts use it', () => {
	it('pagefind is pinned to the exact version that built the index', () => {
		const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
		expect(pkg.dependencies.pagefind).toMatch(/^\d+\.\d+\.\d+$/);
		const entry = JSON.parse(readFileSync(`${process.env.TEST_SITE_DIR ?? 'node_modules/.cache/test-site'}/pagefind/pagefind-entry.json`, 'utf8'));
		expect(entry.version).toBe(pkg.dependencies.pagefind);
		// Built without a stemmer: the query is stemmed in the browser (src/client/search/query.ts).
		expect(Object.values(entry.languages).map((l) => (l as { wasm: string | null }).wasm)).toEqual([null]);
	});
	it('search(), results and their data() have the fields and types the scripts read', async () => {
		// A string, so vitest does not rewrite the browser's import(); the module is the page's own pagefind.js.
		const module = await page.evaluateHandle('import("/pagefind/pagefind.js")');
		const shape = await page.evaluate(async (pagefind) => {
			await pagefind.options({ ranking: { metaWeights: { names: 8 } } });
			await pagefind.init();
			const type = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
			const response = await pagefind.search('intelligence', { filters: { type: ['event'] } });
			const result = response.results[0];
			const data = await result.data();
			const sub = data.sub_results.find((s: { anchor?: unknown }) => s.anchor);
			const article = await (await pagefind.search('хунт', { filters: { type: ['article'] } })).results[0].data();
			const sorted = await pagefind.search(null, { filters: { type: ['article'] }, sort: { date: 'desc' } });
			return {
				response: { results: type(response.results), unfilteredResultCount: type(response.unfilteredResultCount) },
				result: { id: type(result.id), score: type(result.score), data: type(result.data) },
				data: {
					url: type(data.url), content: type(data.content), excerpt: type(data.excerpt), meta: type(data.meta), filters: type(data.filters),
					anchors: type(data.anchors), sub_results: type(data.sub_results), locations: type(data.locations),
				},
				anchor: { element: type(data.anchors[0]?.element), id: type(data.anchors[0]?.id), text: type(data.anchors[0]?.text), location: type(data.anchors[0]?.location) },
				sub: { title: type(sub?.title), url: type(sub?.url), locations: type(sub?.locations), anchorId: type(sub?.anchor?.id) },
				day: { url: type(data.filters.url?.[0]), entry: type(data.filters.entry?.[0]), heading: type(data.meta.heading), date: type(data.meta.date), type: data.filters.type },
				article: { title: type(article.meta.title), summary: type(article.meta.summary), actors: type(article.meta.actors), language: article.filters.language, startsWithTitle: article.content.startsWith(article.meta.title) },
				sorted: sorted.results.length,
			};
		}, module as unknown as import('playwright-core').JSHandle<any>);
		expect(shape).toEqual({
			response: { results: 'array', unfilteredResultCount: 'number' },
			result: { id: 'string', score: 'number', data: 'function' },
			data: { url: 'string', content: 'string', excerpt: 'string', meta: 'object', filters: 'object', anchors: 'array', sub_results: 'array', locations: 'array' },
			anchor: { element: 'string', id: 'string', text: 'string', location: 'number' },
			sub: { title: 'string', url: 'string', locations: 'array', anchorId: 'string' },
			day: { url: 'string', entry: 'string', heading: 'string', date: 'string', type: ['event'] },
			article: { title: 'string', summary: 'string', actors: 'string', language: ['ru'], startsWithTitle: true },
			sorted: 1,
		});
	});
});
