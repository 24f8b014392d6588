import { getCollection } from 'astro:content';
import type { ActorEntry, ArticleEntry, SiteContent } from '../schema/content.ts';

/** All checked content from Astro's content store, as the pure model functions in src/model/ take it (siteModel() calls this once per build). */
export async function siteContent(): Promise<SiteContent> {
	const [actorEntries, articleEntries] = await Promise.all([getCollection('actors'), getCollection('articles')]);
	const actors = new Map<string, ActorEntry>(
		actorEntries.map((e) => [e.id, { id: e.id, file: e.filePath ?? '', data: e.data, body: e.body ?? '' }]),
	);
	const articles: ArticleEntry[] = articleEntries
		.map((e): ArticleEntry => ({ id: e.id, file: e.filePath ?? '', data: e.data }))
		.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
	return { actors, articles };
}
