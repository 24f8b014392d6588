import { getCollection } from 'astro:content';
import type { ActorEntry, ArticleEntry } from './check.ts';

export interface SiteContent {
	actors: Map<string, ActorEntry>;
	/** Newest first. `body` is empty: the store keeps an article's rendered HTML only (`render(entry)`). */
	articles: ArticleEntry[];
}

let cached: Promise<SiteContent> | undefined;

/** All checked content, as the pure model functions in src/model/ take it; loaded once per build. */
export function siteContent(): Promise<SiteContent> {
	cached ??= (async () => {
		const [actorEntries, articleEntries] = await Promise.all([getCollection('actors'), getCollection('articles')]);
		const actors = new Map<string, ActorEntry>(
			actorEntries.map((e) => [e.id, { id: e.id, file: e.filePath ?? '', data: e.data, body: e.body ?? '' }]),
		);
		const articles: ArticleEntry[] = articleEntries
			.map((e) => ({ id: e.id, file: e.filePath ?? '', data: e.data, body: e.body ?? '', bodyLine: 0 }))
			.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
		return { actors, articles };
	})();
	return cached;
}
