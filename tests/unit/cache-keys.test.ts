// The incremental build copies a page from the last build when its cache key is unchanged, so a key that
// misses something the page shows would serve stale pages: each case changes one thing a page shows.
import { describe, expect, it } from 'vitest';
import { actorArticlesPageKey, articlePageKey, timelinePageKey } from '../../src/site/cache-keys.ts';
import type { ActorEntry, ArticleEntry } from '../../src/schema/content.ts';
import type { TimelinePage } from '../../src/model/timeline-slices.ts';
import type { TimelineEntry } from '../../src/model/timeline.ts';

const actor = (id: string, en: string) => ({ id, file: `content/actors/${id}.md`, body: '', data: { name: { en, ru: en }, kind: 'state', aliases: { en: [], ru: [] } } }) as unknown as ActorEntry;
const article = (id: string, title: string) =>
	({ id, file: `content/articles/${id}.md`, body: '', bodyLine: 0, data: { title, date: new Date('2025-09-15'), lang: 'ru', actors: ['us'], events: [] } }) as unknown as ArticleEntry;

describe('article page cache key', () => {
	const actors = new Map([['us', actor('us', 'United States')]]);
	const a = article('a', 'A');
	const b = article('b', 'B');
	const key = articlePageKey(a, 'digest-a', [b], ['/timeline/#x'], actors);

	it('is stable for the same content', () => {
		expect(articlePageKey(article('a', 'A'), 'digest-a', [article('b', 'B')], ['/timeline/#x'], new Map([['us', actor('us', 'United States')]]))).toBe(key);
	});
	it('changes with the article’s body, a related title, an event’s timeline page, or an actor’s name', () => {
		expect(articlePageKey(a, 'digest-a-edited', [b], ['/timeline/#x'], actors)).not.toBe(key);
		expect(articlePageKey(article('a', 'A, retitled'), 'digest-a', [b], ['/timeline/#x'], actors)).not.toBe(key);
		expect(articlePageKey(a, 'digest-a', [article('b', 'B2')], ['/timeline/#x'], actors)).not.toBe(key);
		expect(articlePageKey(a, 'digest-a', [b], ['/timeline/2025/#x'], actors)).not.toBe(key);
		expect(articlePageKey(a, 'digest-a', [b], ['/timeline/#x'], new Map([['us', actor('us', 'USA')]]))).not.toBe(key);
	});
});

describe('timeline page cache key', () => {
	const entry = (title: string, source = 'Source') => ({ key: title, title, actors: [], blocs: [], sources: [{ slug: 's', title: source }] }) as unknown as TimelineEntry;
	const page = (entries: TimelineEntry[], slice = entries): TimelinePage => ({ path: '/timeline/', slice: { kind: 'all' }, kind: 'full', entries, sliceEntries: slice, total: slice.length, years: [] });
	const key = timelinePageKey(page([entry('One'), entry('Two')]), 'shared');

	it('is stable for equal content', () => {
		expect(timelinePageKey(page([entry('One'), entry('Two')]), 'shared')).toBe(key);
	});
	it('changes with an entry, a reporting article’s title, the slice the strip draws, or the shared parts', () => {
		expect(timelinePageKey(page([entry('One'), entry('Two!')]), 'shared')).not.toBe(key);
		expect(timelinePageKey(page([entry('One'), entry('Two', 'Renamed source')]), 'shared')).not.toBe(key);
		expect(timelinePageKey(page([entry('One'), entry('Two')], [entry('One'), entry('Two'), entry('Three')]), 'shared')).not.toBe(key);
		expect(timelinePageKey(page([entry('One'), entry('Two')]), 'other')).not.toBe(key);
	});
});

describe('actor article-list page cache key', () => {
	const actors = new Map([['us', actor('us', 'United States')]]);
	const page = (items: ArticleEntry[], number = 2, count = 3) => ({ number, count, items });
	const key = actorArticlesPageKey('us', page([article('a', 'A'), article('b', 'B')]), 120, actors);

	it('is stable for equal content', () => {
		expect(actorArticlesPageKey('us', page([article('a', 'A'), article('b', 'B')]), 120, new Map([['us', actor('us', 'United States')]]))).toBe(key);
	});
	it('changes with a card’s title, the page’s articles, the pager, the article count, or an actor’s name', () => {
		expect(actorArticlesPageKey('us', page([article('a', 'A2'), article('b', 'B')]), 120, actors)).not.toBe(key);
		expect(actorArticlesPageKey('us', page([article('b', 'B'), article('c', 'C')]), 120, actors)).not.toBe(key);
		expect(actorArticlesPageKey('us', page([article('a', 'A'), article('b', 'B')], 2, 4), 120, actors)).not.toBe(key);
		expect(actorArticlesPageKey('us', page([article('a', 'A'), article('b', 'B')]), 121, actors)).not.toBe(key);
		expect(actorArticlesPageKey('us', page([article('a', 'A'), article('b', 'B')]), 120, new Map([['us', actor('us', 'USA')]]))).not.toBe(key);
	});
	it('changes with the sentence a card quotes (it comes from the article text, which the card data does not cover)', () => {
		const quoting = (after: string) => actorArticlesPageKey('us', page([article('a', 'A'), article('b', 'B')]), 120, actors, [{ before: 'В ', matched: 'США', after }, null]);
		expect(quoting(' сказали.')).toBe(quoting(' сказали.'));
		expect(quoting(' сказали.')).not.toBe(quoting(' заявили.'));
		expect(quoting(' сказали.')).not.toBe(key);
	});
});
