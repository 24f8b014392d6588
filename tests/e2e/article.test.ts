// Build-and-inspect: the real first article as a reader and a crawler receive it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { builtPage } from './site.ts';

const SLUG = '2025-09-15-us-mali-junta';
const html = builtPage(`/articles/${SLUG}/`);
const doc = parse(html);
const source = readFileSync(resolve(import.meta.dirname, '../../sources/2025-09-15-us-mali-junta.ru.txt'), 'utf8');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('article page', () => {
	it('is in Russian, with the English interface marked as English', () => {
		expect(doc.querySelector('html')!.getAttribute('lang')).toBe('ru');
		expect(doc.querySelector('header.site-header')!.getAttribute('lang')).toBe('en');
		expect(doc.querySelector('.summary')!.getAttribute('lang')).toBe('en');
		expect(doc.querySelector('h1')!.text).toBe('Администрация Трампа активизировала сотрудничество с хунтой в Мали');
	});

	it('shows the article text unchanged', () => {
		const body = squash(doc.querySelector('.article-body')!.text);
		const original = squash(source.replace(/^ ?date \d{4}-\d{2}-\d{2} /, ''));
		expect(body).toBe(original);
		expect(doc.querySelectorAll('.article-body p')).toHaveLength(8);
	});

	it('has title, description, Open Graph and NewsArticle JSON-LD', () => {
		expect(doc.querySelector('title')!.text).toContain('Администрация Трампа');
		expect(doc.querySelector('meta[name=description]')!.getAttribute('content')).toMatch(/^Citing The Washington Post/);
		expect(doc.querySelector('meta[property="og:type"]')!.getAttribute('content')).toBe('article');
		expect(doc.querySelector('link[rel=canonical]')!.getAttribute('href')).toMatch(new RegExp(`/articles/${SLUG}/$`));
		const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.text);
		expect(ld['@type']).toBe('NewsArticle');
		expect(ld.datePublished).toBe('2025-09-15');
		expect(ld.inLanguage).toBe('ru');
		expect(ld.citation[0].publisher.name).toBe('The Washington Post');
	});

	it('names its source chain: The Washington Post citing unnamed US officials', () => {
		const facts = squash(doc.querySelector('.facts')!.text);
		expect(facts).toContain('15 September 2025');
		expect(facts).toContain('The Washington Post, citing several US officials, unnamed');
	});

	it('links every actor chip to its actor page', () => {
		const chips = doc.querySelectorAll('aside a.chip').map((a) => a.getAttribute('href'));
		for (const id of ['us', 'mali-junta', 'russia', 'belarus', 'cia', 'assimi-goita', 'wagner-group', 'yevgeny-prigozhin', 'africa-corps', 'belavia', 'rudolph-atallah', 'john-coale', 'the-washington-post']) {
			expect(chips).toContain(`/actors/${id}/`);
		}
	});

	it('lists its events oldest first, from the 2021 coup to the Belavia sanctions relief and the CIA authority known only as already received', () => {
		const events = doc.querySelectorAll('aside .event-list li');
		expect(events.length).toBe(10);
		expect(events[0].text).toContain('coup');
		expect(events[0].querySelector('time')!.getAttribute('datetime')).toBe('2021');
		// "Last week" is one announcement on some day of 8–14 Sep, no longer shown as a week-long span dated the 8th;
		// the CIA's authority, known only as "already" received, sorts by its latest possible day, after it.
		const belavia = events.at(-2)!;
		expect(belavia.text).toContain('Belavia');
		expect(belavia.querySelector('time')!.getAttribute('datetime')).toBe('2025-09');
		expect(squash(belavia.querySelector('time')!.text)).toBe('between 8 and 14 Sep 2025');
		expect(squash(events.at(-1)!.text)).toMatch(/^on or before 15 Sep 2025 CIA receives expanded authority/);
		// Inferred dates say so beside the date.
		const atallah = events.find((li) => li.text.includes('Atallah'))!;
		expect(squash(atallah.text)).toMatch(/^July 2025 \(date inferred\)/);
	});

	it('links the first mention of each principal and sub-actor in the text', () => {
		const mentions = new Map(doc.querySelectorAll('.article-body a.actor-mention').map((a) => [a.getAttribute('data-actor'), a]));
		for (const id of ['russia', 'us', 'mali-junta', 'belarus', 'wagner-group', 'africa-corps', 'belavia']) {
			expect(mentions.get(id)?.getAttribute('href'), id).toBe(`/actors/${id}/`);
		}
		expect(mentions.get('russia')!.text).toBe('Москвой');
		expect(mentions.get('belavia')!.text).toMatch(/^«?Белавиа»?$/);
		const ids = doc.querySelectorAll('.article-body a.actor-mention').map((a) => a.getAttribute('data-actor'));
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('ships no client JavaScript beyond the search box bootstrap', () => {
		// One small module: `/` shortcut, service-worker registration; search code loads only when used.
		const scripts = doc.querySelectorAll('script').filter((s) => s.getAttribute('type') !== 'application/ld+json');
		expect(scripts.map((s) => [s.getAttribute('type'), s.getAttribute('src')?.replace(/\.[\w-]+\.js$/, '.js')])).toEqual([['module', '/_astro/Base.astro_astro_type_script_index_0_lang.js']]);
	});
});

describe('feeds and site files', () => {
	it('RSS lists the article with its English summary', () => {
		const rss = builtPage('/rss.xml');
		expect(rss).toContain(`/articles/${SLUG}/</link>`);
		expect(rss).toContain('<description>Citing The Washington Post');
	});
	it('RSS categories are the actors\' names, not their ids', () => {
		const item = builtPage('/rss.xml').split('<item>')[1];
		expect(item).toContain('<category>Mali junta</category>');
		expect(item).toContain('<category>The Washington Post</category>');
		expect(item).not.toMatch(/<category>[a-z0-9]+(-[a-z0-9]+)+<\/category>/);
	});
	it('the sitemap lists the article', () => {
		const index = builtPage('/sitemap-index.xml');
		expect(index).toContain('sitemap-0.xml');
		expect(builtPage('/sitemap-0.xml')).toContain(`/articles/${SLUG}/`);
	});
	it('home page lists the latest article and the four principals', () => {
		const home = parse(builtPage('/'));
		expect(home.querySelector('html')!.getAttribute('lang')).toBe('en');
		expect(home.querySelectorAll('.card-list a').map((a) => a.getAttribute('href'))).toContain(`/articles/${SLUG}/`);
		expect(home.querySelectorAll('.principals a').map((a) => a.getAttribute('href'))).toEqual(['/actors/us/', '/actors/mali-junta/', '/actors/russia/', '/actors/belarus/']);
	});
	it('has a 404 page', () => {
		expect(parse(builtPage('/404.html')).querySelector('h1')!.text).toBe('Page not found');
	});
});
