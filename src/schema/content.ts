// The domain types every stage shares: what a checked content file is. The check (src/input/) produces
// them; the model, the pages and the search index read them.
import type { ActorData } from './actor.ts';
import type { ArticleData } from './article.ts';

/** An actor file that passed the check: its frontmatter, and its description (the Markdown body). */
export interface ActorEntry {
	id: string;
	file: string;
	data: ActorData;
	body: string;
}

/** A checked article as pages and the model see it: its metadata (the content store keeps the rendered HTML). */
export interface ArticleEntry {
	id: string;
	file: string;
	data: ArticleData;
}

/** An article as the check read it from disk: with its Markdown body and the line the body starts on. */
export interface ArticleSource extends ArticleEntry {
	body: string;
	bodyLine: number;
}

/** Every checked actor and article, as the model takes them. Articles newest first. */
export interface SiteContent {
	actors: Map<string, ActorEntry>;
	articles: ArticleEntry[];
}
