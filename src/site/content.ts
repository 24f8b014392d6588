import { getCollection } from 'astro:content';
import { recordedExcerpts, type RecordedExcerpts } from '../markdown/mention-excerpts.ts';
import type { ActorEntry, ArticleEntry, SiteContent } from '../schema/content.ts';

/** What the store holds beyond the checked content: the quotes each article's rendering found (by article id). */
export interface StoredContent extends SiteContent {
	excerpts: Map<string, RecordedExcerpts>;
}

/** All checked content from Astro's content store, as the pure model functions in src/model/ take it (siteModel() calls this once per build). */
export async function siteContent(): Promise<StoredContent> {
	const [actorEntries, articleEntries] = await Promise.all([getCollection('actors'), getCollection('articles')]);
	const actors = new Map<string, ActorEntry>(
		actorEntries.map((e) => [e.id, { id: e.id, file: e.filePath ?? '', data: e.data, body: e.body ?? '' }]),
	);
	const articles: ArticleEntry[] = articleEntries
		.map((e): ArticleEntry => ({ id: e.id, file: e.filePath ?? '', data: e.data }))
		.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
	const excerpts = new Map<string, RecordedExcerpts>();
	for (const e of articleEntries) {
		const found = recordedExcerpts(e.rendered?.metadata?.frontmatter);
		if (found) excerpts.set(e.id, found);
	}
	return { actors, articles, excerpts };
}
