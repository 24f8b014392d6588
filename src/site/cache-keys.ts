// Cache keys for Astro's incremental build (experimental.incrementalBuild): a page is copied from the
// previous build, not rendered, when its key and its code are unchanged. A key must therefore cover every
// piece of content the page shows; each helper below names what its page reads.
import { createHash } from 'node:crypto';
import type { TimelinePage } from '../model/timeline-slices.ts';
import type { TimelineEntry } from '../model/timeline.ts';
import type { ActorEntry, ArticleEntry } from '../schema/content.ts';

/** A short stable digest of JSON-serialisable values (Dates serialise as ISO strings). */
export function digest(...values: unknown[]): string {
	return createHash('sha1').update(JSON.stringify(values)).digest('base64url');
}

const actorDigests = new WeakMap<ReadonlyMap<string, ActorEntry>, string>();

/** Every actor's data and description: names, blocs and parents show on most pages. */
export function actorsDigest(actors: ReadonlyMap<string, ActorEntry>): string {
	let d = actorDigests.get(actors);
	if (!d) {
		d = digest([...actors.values()].map((a) => [a.id, a.data, a.body]));
		actorDigests.set(actors, d);
	}
	return d;
}

/**
 * An article page: its own data and body (`contentDigest`: the content store's digest of the file), the
 * related articles it lists, where its events sit on the timeline, and the actors (chips, mention links,
 * structured data).
 */
export function articlePageKey(
	article: ArticleEntry,
	contentDigest: string,
	related: readonly ArticleEntry[],
	eventHrefs: readonly string[],
	actors: ReadonlyMap<string, ActorEntry>,
): string {
	return digest(
		article.data,
		contentDigest,
		related.map((r) => [r.id, r.data.title, r.data.date, r.data.lang]),
		eventHrefs,
		actorsDigest(actors),
	);
}

const entryDigests = new WeakMap<TimelineEntry, string>();
const entryDigest = (entry: TimelineEntry) => {
	let d = entryDigests.get(entry);
	if (!d) {
		d = digest(entry);
		entryDigests.set(entry, d);
	}
	return d;
};
const sliceDigests = new WeakMap<readonly TimelineEntry[], string>();

/**
 * A timeline page: its entries, the whole slice (the strip draws it), its navigation, and the site-wide
 * parts every timeline page shows (`shared`: filter links, year span, actors).
 */
export function timelinePageKey(page: TimelinePage, shared: string): string {
	let slice = sliceDigests.get(page.sliceEntries);
	if (!slice) {
		slice = digest(page.sliceEntries.map(entryDigest));
		sliceDigests.set(page.sliceEntries, slice);
	}
	const { entries, sliceEntries: _, ...rest } = page;
	return digest(rest, entries.map(entryDigest), slice, shared);
}

/**
 * A later page of an actor's article list: the header (the actor and its parent chain: `actors`), the
 * article count, the cards on the page (date, outlet, title, summary, actor chips, quoted sentence) and the pager.
 */
export function actorArticlesPageKey(
	actorId: string,
	page: { number: number; count: number; items: readonly ArticleEntry[] },
	articleCount: number,
	actors: ReadonlyMap<string, ActorEntry>,
	/** What each card quotes: the sentence naming the actor (it comes from the article's text, which `data` does not cover). */
	quoted: readonly unknown[] = [],
): string {
	const cards = page.items.map(({ id, data }) => [id, data.date, data.source?.outlet, data.title, data.lang, data.summary, data.actors]);
	return digest(actorId, page.number, page.count, articleCount, cards, quoted, actorsDigest(actors));
}
