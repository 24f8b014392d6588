// The incremental build copies a page from the last build when its cache key is unchanged, so a key that
// misses something the page shows would serve stale pages. Keys are the digest of a route's props
// (src/site/cache-keys.ts): each case changes one thing a page shows, through its props, and no key code.
import { describe, expect, it } from 'vitest';
import { digestOf, keyedPaths } from '../../src/site/cache-keys.ts';
import type { ActorEntry, ArticleEntry } from '../../src/schema/content.ts';
import type { TimelinePage } from '../../src/model/timeline-slices.ts';
import type { TimelineEntry } from '../../src/model/timeline.ts';
import { paginate } from '../../src/model/paging.ts';

const actor = (id: string, en: string) => ({ id, file: `content/actors/${id}.md`, body: '', data: { name: { en, ru: en }, kind: 'state', aliases: { en: [], ru: [] } } }) as unknown as ActorEntry;
const article = (id: string, title: string) =>
	({ id, file: `content/articles/${id}.md`, data: { title, date: new Date('2025-09-15'), lang: 'ru', actors: ['us'], events: [] } }) as unknown as ArticleEntry;
const keyOf = (props: object, params: Record<string, string> = { slug: 'a' }) => keyedPaths([{ params, props }])[0]!.cacheKey;

describe('a keyed route', () => {
	it('gets the digest of its props as its key, the same for equal props built anew', () => {
		const props = () => ({ article: article('a', 'A'), actors: new Map([['us', actor('us', 'United States')]]) });
		expect(keyOf(props())).toBe(keyOf(props()));
		expect(keyOf(props(), { slug: 'b' })).not.toBe(keyOf(props()));
	});

	it('changes its key when a page starts showing a new field, with no key code edited', () => {
		const before = { article: article('a', 'A') };
		const after = { ...before, readingTime: 4 };
		expect(keyOf(after)).not.toBe(keyOf(before));
		// …and when that field's value changes.
		expect(keyOf({ ...before, readingTime: 5 })).not.toBe(keyOf(after));
	});

	it('tells apart values that print alike: dates, maps, nested lists, strings with separators', () => {
		expect(digestOf({ d: new Date('2025-09-15') })).not.toBe(digestOf({ d: new Date('2025-09-16') }));
		expect(digestOf(new Map([['a', 1]]))).not.toBe(digestOf(new Map([['a', 2]])));
		expect(digestOf([['a', 'b'], ['c']])).not.toBe(digestOf([['a'], ['b', 'c']]));
		expect(digestOf(['a,b'])).not.toBe(digestOf(['a', 'b']));
		expect(digestOf({ a: 1 })).not.toBe(digestOf({ a: '1' }));
		expect(digestOf({ a: undefined, b: 1 })).toBe(digestOf({ b: 1 }));
	});

	it('refuses props holding a function, which no digest can see into', () => {
		expect(() => keyOf({ entryHref: (id: string) => `/timeline/#${id}` })).toThrow(/props\.entryHref is a function/);
	});
});

describe('article page props', () => {
	const actors = new Map([['us', actor('us', 'United States')]]);
	const props = (over: Partial<Record<'digest' | 'title' | 'related' | 'href' | 'actor', string>> = {}) => ({
		entry: { id: 'a', digest: over.digest ?? 'digest-a' },
		article: article('a', over.title ?? 'A'),
		actors: over.actor ? new Map([['us', actor('us', over.actor)]]) : actors,
		related: [{ id: 'b', title: over.related ?? 'B', date: new Date('2025-09-14'), lang: 'ru' }],
		eventHrefs: [over.href ?? '/timeline/#x'],
	});
	const key = keyOf(props());

	it('key changes with the article’s body, its title, a related title, an event’s timeline page, or an actor’s name', () => {
		expect(keyOf(props())).toBe(key);
		expect(keyOf(props({ digest: 'digest-a-edited' }))).not.toBe(key);
		expect(keyOf(props({ title: 'A, retitled' }))).not.toBe(key);
		expect(keyOf(props({ related: 'B2' }))).not.toBe(key);
		expect(keyOf(props({ href: '/timeline/2025/#x' }))).not.toBe(key);
		expect(keyOf(props({ actor: 'USA' }))).not.toBe(key);
	});
});

describe('timeline page props', () => {
	const entry = (title: string, source = 'Source') => ({ key: title, title, actors: [], blocs: [], sources: [{ slug: 's', title: source }] }) as unknown as TimelineEntry;
	const page = (entries: TimelineEntry[], slice = entries): TimelinePage => ({ path: '/timeline/', slice: { kind: 'all' }, kind: 'full', entries, sliceEntries: slice, total: slice.length, years: [] });
	const shared = (total = 2) => ({ actors: new Map(), blocs: [], actorLinks: [], total });
	const key = keyOf({ page: page([entry('One'), entry('Two')]), shared: shared() });

	it('key changes with an entry, a reporting article’s title, the slice the strip draws, or the shared parts', () => {
		expect(keyOf({ page: page([entry('One'), entry('Two')]), shared: shared() })).toBe(key);
		expect(keyOf({ page: page([entry('One'), entry('Two!')]), shared: shared() })).not.toBe(key);
		expect(keyOf({ page: page([entry('One'), entry('Two', 'Renamed source')]), shared: shared() })).not.toBe(key);
		expect(keyOf({ page: page([entry('One'), entry('Two')], [entry('One'), entry('Two'), entry('Three')]), shared: shared() })).not.toBe(key);
		expect(keyOf({ page: page([entry('One'), entry('Two')]), shared: shared(3) })).not.toBe(key);
	});
});

describe('actor article-list page props', () => {
	const actors = new Map([['us', actor('us', 'United States')]]);
	// Page 2 of an actor's list: 50 articles on page 1, then the cards under test.
	const list = (titles: string[]) => paginate([...Array.from({ length: 50 }, (_, i) => article(`p${i}`, `P${i}`)), ...titles.map((t) => article(t.toLowerCase(), t))], 50, '/actors/us/').slice(1);
	const props = (titles = ['A', 'B'], over: { count?: number; actor?: string; quoted?: unknown[] } = {}) => ({
		page: list(titles)[0]!,
		actor: actor('us', over.actor ?? 'United States'),
		actors,
		facts: { chain: [], articles: over.count ?? 120, events: 3 },
		excerpts: over.quoted ?? [undefined, undefined],
	});
	const key = keyOf(props(), { id: 'us', page: '2' });
	const k = (p: object) => keyOf(p, { id: 'us', page: '2' });

	it('key changes with a card’s title, the page’s articles, the pager, the article count, or the actor’s name', () => {
		expect(k(props())).toBe(key);
		expect(k(props(['A2', 'B']))).not.toBe(key);
		expect(k(props(['B', 'C']))).not.toBe(key);
		expect(k({ ...props(), page: { ...props().page, count: 4, next: '/actors/us/page/3/' } })).not.toBe(key);
		expect(k(props(undefined, { count: 121 }))).not.toBe(key);
		expect(k(props(undefined, { actor: 'USA' }))).not.toBe(key);
	});

	it('key changes with the sentence a card quotes (it comes from the article text, which the card data does not cover)', () => {
		const quoting = (after: string) => k(props(undefined, { quoted: [{ before: 'В ', matched: 'США', after }, undefined] }));
		expect(quoting(' сказали.')).toBe(quoting(' сказали.'));
		expect(quoting(' сказали.')).not.toBe(quoting(' заявили.'));
		expect(quoting(' сказали.')).not.toBe(key);
	});
});
