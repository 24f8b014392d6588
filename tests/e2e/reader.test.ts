// Reader pages in Chromium (issue 16): relation maps whose labels sit clear of every edge, node and other label,
// maps that fit a 390 px phone, co-mentions ranked by what ties two actors.
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
		expect(list).toContain('Wagner Group is listed under Russia in the actor index');
	});
});
