// Reader pages in Chromium (issue 16): relation maps whose labels sit clear of every edge, node and other label,
// maps that fit a 390 px phone, co-mentions ranked by what ties two actors.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { builtPage, launchChromium } from './site.ts';

const base = inject('baseUrl');
const ACTOR_IDS = parse(builtPage('/actors/'))
	.querySelectorAll('section.bloc a.name')
	.map((a) => a.getAttribute('href')!);
const MAP_PAGES = ['/actors/', ...ACTOR_IDS].filter((route) => parse(builtPage(route)).querySelector('figure.relation-map'));

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(() => browser?.close());

async function open(route: string, width: number) {
	const context = await browser.newContext({ viewport: { width, height: 900 }, serviceWorkers: 'block' });
	const page = await context.newPage();
	await page.goto(base + route);
	return { page, close: () => context.close() };
}

/**
 * Every label of the visible map whose drawn box (getBBox, the browser's own text metrics) overlaps a node's circle,
 * another label, or an edge's path (sampled along its length with getPointAtLength); an edge's own label may sit on
 * its own edge. Measured in map units, from the SVG geometry alone: it knows nothing of the layout code.
 */
function labelCollisions(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const svg = [...document.querySelectorAll<SVGSVGElement>('figure.relation-map svg')].find((s) => s.getBoundingClientRect().width > 0)!;
		type Box = { x: number; y: number; width: number; height: number; name: string; edge?: Element };
		const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
		// Half a unit of tolerance: text boxes touching a neighbour's edge by rounding are not covering it.
		const shrink = (b: Box): Box => ({ ...b, x: b.x + 0.5, y: b.y + 0.5, width: b.width - 1, height: b.height - 1 });
		const nodes = [...svg.querySelectorAll('a.node')];
		const bbox = (element: SVGGraphicsElement) => {
			const { x, y, width, height } = element.getBBox();
			return { x, y, width, height };
		};
		const circles: Box[] = nodes.map((a) => ({ ...bbox(a.querySelector('circle')!), name: `dot of ${a.getAttribute('aria-label')}` }));
		const labels: Box[] = [
			...nodes.flatMap((a) => [...a.querySelectorAll('text')].map((t) => ({ ...bbox(t), name: `label "${a.getAttribute('aria-label')}"` }))),
			...[...svg.querySelectorAll<SVGTextElement>('.edge-label')].map((t) => ({ ...bbox(t), name: `edge label "${t.textContent!.trim()}"`, edge: t.parentElement! })),
		].map(shrink);
		const paths = [...svg.querySelectorAll<SVGPathElement>('.edge path')].map((path) => {
			const length = path.getTotalLength();
			const points = Array.from({ length: Math.ceil(length) + 1 }, (_, i) => path.getPointAtLength(Math.min(length, i)));
			const edge = path.parentElement!;
			return { edge, points, name: `edge ${edge.getAttribute('data-source')}–${edge.getAttribute('data-target')}` };
		});
		const hits: string[] = [];
		labels.forEach((label, i) => {
			for (const circle of circles) if (overlap(label, circle)) hits.push(`${label.name} covers the ${circle.name}`);
			for (const other of labels.slice(i + 1)) if (overlap(label, other)) hits.push(`${label.name} overlaps ${other.name}`);
			for (const path of paths) {
				if (path.edge === label.edge) continue;
				if (path.points.some((p) => p.x > label.x && p.x < label.x + label.width && p.y > label.y && p.y < label.y + label.height)) hits.push(`${label.name} lies under the ${path.name}`);
			}
		});
		return hits;
	});
}

describe('relation maps', () => {
	it('are drawn on the actor index and the actor pages with relations', () => {
		expect(MAP_PAGES).toEqual(expect.arrayContaining(['/actors/', '/actors/us/', '/actors/russia/', '/actors/belavia/']));
	});

	// One visit per page and width: Chromium's text metrics, not the layout's estimates, decide.
	for (const width of [1280, 390]) {
		it(`put no label on an edge, a node or another label, and label the focus actor and the principals, at ${width} px`, { timeout: 180_000 }, async () => {
			const context = await browser.newContext({ viewport: { width, height: 900 }, serviceWorkers: 'block' });
			const page = await context.newPage();
			for (const route of MAP_PAGES) {
				await page.goto(base + route);
				expect(await labelCollisions(page), `${route} at ${width} px`).toEqual([]);
				const unlabelled = await page.evaluate(() => {
					const svg = [...document.querySelectorAll<SVGSVGElement>('figure.relation-map svg')].find((s) => s.getBoundingClientRect().width > 0)!;
					const principal = (a: Element) => ['us', 'mali-junta', 'russia', 'belarus'].some((id) => a.getAttribute('href') === `/actors/${id}/`);
					return [...svg.querySelectorAll('a.node')].filter((a) => (a.classList.contains('focus') || principal(a)) && !a.querySelector('text')).map((a) => a.getAttribute('href'));
				});
				expect(unlabelled, `${route} at ${width} px`).toEqual([]);
			}
			await context.close();
		});
	}

	it('route edges around third nodes: no edge passes over a dot it does not join', async () => {
		for (const route of ['/actors/', '/actors/russia/', '/actors/us/']) {
			const { page, close } = await open(route, 1280);
			const crossings = await page.evaluate(() => {
				const svg = document.querySelector<SVGSVGElement>('figure.relation-map svg.map-wide')!;
				const dots = [...svg.querySelectorAll('a.node')].map((a) => ({ href: a.getAttribute('href')!, c: a.querySelector('circle')! }));
				return [...svg.querySelectorAll<SVGPathElement>('.edge path')].flatMap((path) => {
					const edge = path.parentElement!;
					const ends = [edge.getAttribute('data-source'), edge.getAttribute('data-target')].map((id) => `/actors/${id}/`);
					const length = path.getTotalLength();
					const points = Array.from({ length: Math.ceil(length) + 1 }, (_, i) => path.getPointAtLength(Math.min(length, i)));
					return dots
						.filter((dot) => !ends.includes(dot.href))
						.filter(({ c }) => points.some((p) => Math.hypot(p.x - c.cx.baseVal.value, p.y - c.cy.baseVal.value) < c.r.baseVal.value + 1))
						.map((dot) => `${ends.join('–')} over ${dot.href}`);
				});
			});
			expect(crossings, route).toEqual([]);
			await close();
		}
	});

	it('fit a 390 px phone: no sideways scrolling, every dot inside the frame, labels drawn at 12 px or more', { timeout: 120_000 }, async () => {
		const { page, close } = await open('/', 390);
		for (const route of MAP_PAGES) {
			await page.goto(base + route);
			const fit = await page.evaluate(() => {
				const frame = document.querySelector('figure.relation-map .map-frame')!.getBoundingClientRect();
				const svg = [...document.querySelectorAll<SVGSVGElement>('figure.relation-map svg')].find((s) => s.getBoundingClientRect().width > 0)!;
				const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
				const outside = [...svg.querySelectorAll('a.node circle')]
					.map((c) => ({ c: c.getBoundingClientRect(), href: c.parentElement!.getAttribute('href') }))
					.filter(({ c }) => c.left < frame.left || c.right > frame.right)
					.map(({ href }) => href);
				const fontPx = Number(svg.getAttribute('font-size')) * scale;
				return { pageOverflow: document.documentElement.scrollWidth - window.innerWidth, outside, fontPx, mapWidth: svg.getBoundingClientRect().width, frameWidth: frame.width };
			});
			expect(fit.pageOverflow, route).toBeLessThanOrEqual(0);
			expect(fit.outside, route).toEqual([]);
			expect(fit.fontPx, route).toBeGreaterThanOrEqual(12);
			expect(fit.mapWidth, route).toBeLessThanOrEqual(fit.frameWidth);
		}
		await close();
	});

	it('word parent links as the site index’s grouping, never as "part of"', () => {
		for (const route of ['/actors/', '/actors/russia/']) {
			const doc = parse(builtPage(route));
			const text = doc.querySelector('details.map-list')!.text + doc.querySelectorAll('figure.relation-map title').map((t) => t.text).join('\n');
			expect(text, route).not.toMatch(/part of/);
		}
		const list = parse(builtPage('/actors/russia/')).querySelector('details.map-list')!.text.replace(/\s+/g, ' ');
		// The article calls the Africa Corps a Russian structure; of Wagner's tie to Russia it says nothing.
		expect(list).toContain('Africa Corps is listed under Russia in the actor index');
		expect(list).not.toContain('Wagner Group is listed under Russia');
	});
});

describe('actor pages', () => {
	const coMentioned = (id: string) => {
		const block = parse(builtPage(`/actors/${id}/`)).querySelector('section[aria-labelledby="comentioned-heading"]')!;
		return block.querySelectorAll('a').map((a) => a.getAttribute('href')!.replace(/^\/actors\/|\/$/g, ''));
	};

	// The issue asked for the US "first" on the Russia page; ranked by what ties two actors, Russia shares two events
	// with the Mali junta and Wagner and none with the US, so the US comes after them — but is never cut.
	it('list co-mentions by shared events, then relations, then articles, cutting none on a tie', () => {
		const russia = coMentioned('russia');
		expect(russia.slice(0, 2)).toEqual(['mali-junta', 'wagner-group']);
		expect(russia).toContain('us');
		expect(coMentioned('belavia')[0]).toBe('us');
		expect(coMentioned('belavia')).toContain('russia');
		expect(coMentioned('wagner-group')).toEqual(expect.arrayContaining(['russia', 'yevgeny-prigozhin']));
		const text = parse(builtPage('/actors/russia/')).querySelector('section[aria-labelledby="comentioned-heading"]')!.text.replace(/\s+/g, ' ');
		expect(text).toMatch(/Mali junta 2 events · 1 relation/);
	});

	it('quote on each article card the sentence naming the actor, the name marked as the article writes it', () => {
		const card = parse(builtPage('/actors/belavia/')).querySelector('section[aria-labelledby="articles-heading"] .card-list > li')!;
		expect(card.querySelector('blockquote mark')!.text).toBe('Белавиа');
		expect(card.querySelector('blockquote')!.getAttribute('lang')).toBe('ru');
		const source = readFileSync(resolve(import.meta.dirname, '../../content/articles/2025-09-15-us-mali-junta.md'), 'utf8');
		expect(source).toContain(card.querySelector('blockquote')!.text.trim());
		// The actor's own chip comes first on its card.
		expect(card.querySelector('ul.chips a')!.getAttribute('href')).toBe('/actors/belavia/');
		expect(parse(builtPage('/actors/wagner-group/')).querySelector('.card-list blockquote mark')!.text).toBe('ЧВК «Вагнер»');
	});

	// The last round put the map, timeline and articles at full width below the aside: /actors/us/ grew to 4,540 px with
	// the right column empty beside the relations. Now the timeline continues the left column and the right one
	// holds the map (and here the one article card) below the aside.
	it('use the width at 1280 px: the timeline continues the left column, the map and cards fill the right one', async () => {
		const { page, close } = await open('/actors/us/', 1280);
		const layout = await page.evaluate(() => {
			const box = (selector: string) => {
				const r = document.querySelector(selector)!.getBoundingClientRect();
				return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, left: r.left, right: r.right };
			};
			return {
				aside: box('main aside'),
				relations: box('section[aria-labelledby="relations-heading"]'),
				map: box('section[aria-labelledby="map-heading"]'),
				timeline: box('section[aria-labelledby="timeline-heading"]'),
				articles: box('section[aria-labelledby="articles-heading"]'),
				height: document.documentElement.scrollHeight,
			};
		});
		// Left column: the timeline starts under the relations, beside the aside.
		expect(layout.timeline.left).toBe(layout.relations.left);
		expect(layout.timeline.right).toBeLessThan(layout.aside.left);
		expect(layout.timeline.top).toBeLessThan(layout.aside.bottom);
		// Right column: the map straight under the aside, then the card.
		expect(layout.map.left).toBe(layout.aside.left);
		expect(layout.map.top - layout.aside.bottom).toBeLessThan(80);
		expect(layout.articles.left).toBe(layout.aside.left);
		// Neither column ends far above the other.
		expect(Math.abs(layout.timeline.bottom - layout.articles.bottom)).toBeLessThan(600);
		expect(layout.height).toBeLessThan(4000);
		await close();
	});

	it('at 390 px read description, relations, aside, map, timeline and articles in that order, in one column', async () => {
		const { page, close } = await open('/actors/us/', 390);
		const tops = await page.evaluate(() =>
			['.description', 'section[aria-labelledby="relations-heading"]', 'main aside', 'section[aria-labelledby="map-heading"]', 'section[aria-labelledby="timeline-heading"]', 'section[aria-labelledby="articles-heading"]'].map((s) => document.querySelector(s)!.getBoundingClientRect().top),
		);
		expect([...tops].sort((a, b) => a - b)).toEqual(tops);
		await close();
	});

	it('name every bloc colour they use in a legend, as do article pages and the lists', () => {
		for (const route of ['/actors/russia/', '/articles/2025-09-15-us-mali-junta/', '/', '/articles/']) {
			const doc = parse(builtPage(route));
			const legend = doc.querySelector('main .bloc-legend')!;
			expect(legend, route).not.toBeNull();
			const named = legend.querySelectorAll('.legend-item[data-bloc]').map((i) => i.getAttribute('data-bloc'));
			const used = new Set(doc.querySelectorAll('main a.chip[data-bloc]').map((c) => c.getAttribute('data-bloc')));
			for (const bloc of used) expect(named, `${route}: ${bloc}`).toContain(bloc);
		}
	});
});

describe('nits', () => {
	it('offer one search box in the first phone screen of home and /search/', async () => {
		for (const route of ['/', '/search/']) {
			const { page, close } = await open(route, 390);
			const visible = await page.evaluate(() => [...document.querySelectorAll('input[type="search"]')].filter((i) => i.getBoundingClientRect().height > 0 && i.getBoundingClientRect().top < window.innerHeight).length);
			expect(visible, route).toBe(1);
			await close();
		}
		// Pages without a box of their own keep the header's.
		const { page, close } = await open('/actors/', 390);
		expect(await page.locator('#site-search-q').isVisible()).toBe(true);
		await close();
	});

	it('keep eyebrows clear of the header rule, titles looking like links, dates close to titles, chips on one line', async () => {
		// The eyebrow's box sat right on the header's rule (0 px) on article pages and the actor index.
		for (const route of ['/articles/2025-09-15-us-mali-junta/', '/actors/']) {
			const { page, close } = await open(route, 1280);
			const gap = await page.evaluate(() => document.querySelector('main .kicker')!.getBoundingClientRect().top - document.querySelector('.site-header')!.getBoundingClientRect().bottom);
			expect(gap, route).toBeGreaterThanOrEqual(16);
			await close();
		}
		for (const route of ['/', '/articles/', '/actors/us/']) {
			const { page: tab, close: done } = await open(route, 1280);
			const card = await tab.evaluate(() => {
				const li = document.querySelector('.card-list > li')!;
				const link = li.querySelector(':is(h2, h3) a')!;
				const style = getComputedStyle(link);
				const date = li.querySelector('p.meta')!.getBoundingClientRect();
				return { underline: style.textDecorationLine, color: style.color, link: getComputedStyle(document.querySelector('main p a, footer a')!).color, gap: link.getBoundingClientRect().top - date.bottom };
			});
			expect(card.underline, route).toContain('underline');
			expect(card.gap, route).toBeLessThan(12);
			await done();
		}
		const { page: us, close: closeUs } = await open('/actors/us/', 1280);
		const chipLines = await us.evaluate(() => [...document.querySelectorAll<HTMLElement>('main a.chip')].filter((c) => c.textContent!.includes('Central Intelligence Agency')).map((c) => c.getClientRects().length === 1 && c.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(c).lineHeight)));
		expect(chipLines.length).toBeGreaterThan(0);
		expect(chipLines.every(Boolean)).toBe(true);
		await closeUs();
	});

	it('hang wrapped names on the phone actor index: the second line starts under the name, not under its dot', async () => {
		const { page, close } = await open('/actors/', 390);
		const lines = await page.evaluate(() => {
			const link = [...document.querySelectorAll('a.name')].find((a) => a.textContent === 'Central Intelligence Agency')!;
			const range = document.createRange();
			range.selectNodeContents(link.firstChild!);
			return [...range.getClientRects()].map((r) => r.left);
		});
		expect(lines.length).toBeGreaterThan(1);
		expect(Math.min(...lines.slice(1))).toBeGreaterThanOrEqual(lines[0]! - 1);
		await close();
	});

	it('lists the calendar in the footer', () => {
		expect(parse(builtPage('/')).querySelectorAll('footer a').map((a) => a.getAttribute('href'))).toContain('/data/events.ics');
	});
});

const ARTICLE = '/articles/2025-09-15-us-mali-junta/';
const CHAIN = 'according to The Washington Post, citing several US officials, unnamed';
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const TIMELINE_SLICES = parse(builtPage('/timeline/'))
	.querySelectorAll('nav.tl-filter a[href^="/timeline/"]')
	.map((a) => a.getAttribute('href')!)
	.filter((href) => href !== '/timeline/');

describe('attribution once per article', () => {
	// Every entry used to end in "↳ <title> — 15 Sep 2025; according to …": 10 times on /timeline/, 7 on /actors/us/.
	it('writes the title and the full cite chain once per page; each entry and relation names its article in short and points at it', () => {
		for (const route of ['/timeline/', '/timeline/bloc/us/', '/timeline/actor/belavia/', '/actors/us/', '/actors/russia/', '/actors/belavia/']) {
			const main = parse(builtPage(route)).querySelector('main')!;
			const text = squash(main.text);
			expect(text.split(CHAIN).length - 1, route).toBe(1);
			expect(main.querySelectorAll(`a[href="${ARTICLE}"]`).length, route).toBe(1);
			const refs = main.querySelectorAll('.tl-sources a, .relations .cites a');
			expect(refs.length, route).toBeGreaterThan(0);
			for (const ref of refs) {
				// An article reporting one entry of a timeline page is written out in full under it, once.
				if (ref.getAttribute('href') === ARTICLE) {
					expect(route).toBe('/timeline/actor/belavia/');
					expect(squash(ref.parentNode!.text)).toContain(CHAIN);
					continue;
				}
				// Which article and which source, in the entry itself; the title and the chain where it points.
				expect(squash(ref.parentNode!.text), route).toMatch(/^(Reported in )?article of 15 Sep 2025, according to The Washington Post$/);
				const target = main.querySelector(ref.getAttribute('href')!)!;
				expect(target, `${route} ${ref.getAttribute('href')}`).not.toBeNull();
				expect(target.querySelector(`a[href="${ARTICLE}"]`), route).not.toBeNull();
				expect(squash(target.text), route).toContain(CHAIN);
			}
		}
	});

	it('takes a reader from an entry’s reference to the article’s line, and on to the article', async () => {
		for (const route of ['/timeline/', '/actors/us/']) {
			const { page, close } = await open(route, 390);
			await page.locator('li.tl-entry .tl-sources a').last().click();
			await page.waitForFunction(() => document.querySelector(':target') !== null);
			const target = await page.evaluate(() => {
				const el = document.querySelector(':target')!;
				const r = el.getBoundingClientRect();
				return { id: el.id, inView: r.top > -2 && r.top < window.innerHeight, href: el.querySelector('a[href^="/articles/"]')?.getAttribute('href') };
			});
			expect(target, route).toEqual({ id: route === '/timeline/' ? 's1' : 'source-2025-09-15-us-mali-junta', inView: true, href: ARTICLE });
			await close();
		}
	});
});

describe('downloads on filtered timelines', () => {
	it('never offer "all" with the unfiltered count: they say the files hold every event, with both counts', () => {
		const all = (JSON.parse(builtPage('/data/events.json')) as unknown[]).length;
		expect(TIMELINE_SLICES.length).toBeGreaterThan(4);
		const whole = squash(parse(builtPage('/timeline/')).querySelector('.tl-downloads')!.text);
		expect(whole).toMatch(new RegExp(`^Download all ${all} events:`));
		for (const route of TIMELINE_SLICES) {
			const doc = parse(builtPage(route));
			const listed = doc.querySelectorAll('li.tl-entry').length;
			const text = squash(doc.querySelector('.tl-downloads')!.text);
			expect(text, route).not.toMatch(/Download all/);
			expect(text, route).toContain(`the files hold all ${all} events, these ${listed} among them`);
			const [, column, value] = text.match(/rows whose (\w+) include ([\w-]+)/)!;
			expect(route, text).toBe(`/timeline/${column === 'blocs' ? 'bloc' : 'actor'}/${value}/`);
		}
	});
});

describe('events.csv', () => {
	it('links sources absolutely on the configured site and names the actors beside their ids', async () => {
		const { parse: parseCsv } = await import('csv-parse/sync');
		const [header, ...rows]: string[][] = parseCsv(builtPage('/data/events.csv'));
		const col = (name: string) => header.indexOf(name);
		const belavia = rows.find((r) => r[0] === 'us-lifts-belavia-sanctions')!;
		expect(belavia[col('sources')]).toMatch(new RegExp(`^https://[^/]+${ARTICLE}$`));
		const ids = belavia[col('actors')].split(';');
		const names = belavia[col('actor_names')].split(';');
		expect(names).toHaveLength(ids.length);
		expect(Object.fromEntries(ids.map((id, i) => [id, names[i]]))).toMatchObject({ us: 'United States', belavia: 'Belavia', 'john-coale': 'John Coale' });
	});
});

describe('every page type at 390 px', () => {
	const routes = ['/', '/articles/', ARTICLE, '/timeline/', '/timeline/bloc/us/', '/timeline/actor/belavia/', '/actors/', '/actors/us/', '/actors/russia/', '/actors/belavia/', '/search/?q=хунта', '/no-such-page/'];

	it('needs no sideways scrolling', { timeout: 120_000 }, async () => {
		const { page, close } = await open('/', 390);
		for (const route of routes) {
			await page.goto(base + route);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow, route).toBeLessThanOrEqual(0);
		}
		await close();
	});

	it('explain every bloc colour they use: a legend, or the timeline filter’s named bloc links', () => {
		for (const route of routes.filter((r) => !r.includes('?') && r !== '/no-such-page/').concat(ACTOR_IDS)) {
			const main = parse(builtPage(route)).querySelector('main')!;
			const used = new Set(main.querySelectorAll('.chip[data-bloc], a.node[data-bloc]').map((c) => c.getAttribute('data-bloc')));
			if (used.size === 0) continue;
			const named = new Set([
				...main.querySelectorAll('.bloc-legend .legend-item[data-bloc]').map((i) => i.getAttribute('data-bloc')),
				...main.querySelectorAll('nav.tl-filter a[href^="/timeline/bloc/"]').map((a) => a.getAttribute('href')!.split('/')[3]),
			]);
			for (const bloc of used) expect(named, `${route}: ${bloc}`).toContain(bloc);
			// …and names no colour the page does not show ("no bloc" only beside a grey dot).
			const legendItems = main.querySelectorAll('.bloc-legend .legend-item').map((i) => i.getAttribute('data-bloc') ?? 'none');
			const grey = main.querySelectorAll('.chip:not([data-bloc]), a.node:not([data-bloc])').length > 0;
			for (const item of legendItems) expect(item === 'none' ? grey : used.has(item), `${route}: legend names ${item}`).toBe(true);
		}
	});
});
