import { buildActorIndex, type ActorIndex } from '../model/actors.ts';
import { mentionExcerpts, type MentionExcerpt } from '../model/mention-excerpt.ts';
import { buildMentionMatcher } from '../language/mentions.ts';
import { buildRelationMap, type RelationGraph } from '../model/relation-map.ts';
import type { TimelineEntry } from '../model/timeline.ts';
import type { ActorEntry, ArticleEntry } from '../schema/content.ts';
import { resolve } from 'node:path';
import { isProblem, readSource } from '../input/read.ts';
import { siteContent } from './content.ts';
import { timelineSite } from './timeline-site.ts';

/** What the actor pages need, derived once per build: every page of every actor shares it. */
export interface ActorSite {
	actors: Map<string, ActorEntry>;
	articles: ArticleEntry[];
	articleBySlug: Map<string, ArticleEntry>;
	index: ActorIndex;
	/** The relation map, laid out once for the whole graph. */
	graph: RelationGraph;
	timeline: TimelineEntry[];
	/** The sentence of the article's text where the actor is first named; undefined when the text never names it (only the frontmatter does). */
	excerpt(article: ArticleEntry, actorId: string): MentionExcerpt | undefined;
}

/** Articles per page of an actor's article list (page 1 is the actor page). */
export const ARTICLES_PER_PAGE = 50;

let cached: Promise<ActorSite> | undefined;

/** The Markdown text of an article: the content store keeps rendered HTML only, so it is read again from its file (already checked). */
function bodyOf(article: ArticleEntry): string {
	const source = readSource(resolve(article.file), article.file);
	return isProblem(source) ? '' : source.body;
}

export function actorSite(): Promise<ActorSite> {
	cached ??= Promise.all([siteContent(), timelineSite()]).then(([{ actors, articles }, { entries }]) => {
		const matcher = buildMentionMatcher(actors);
		// One scan per article, kept for every actor page that lists it (an article is listed on each of its actors' pages).
		const excerpts = new Map<string, Map<string, MentionExcerpt>>();
		const excerpt = (article: ArticleEntry, actorId: string) => {
			let found = excerpts.get(article.id);
			if (!found) excerpts.set(article.id, (found = mentionExcerpts(bodyOf(article), article.data.lang, matcher)));
			return found.get(actorId);
		};
		return {
		actors,
		articles,
		articleBySlug: new Map(articles.map((article) => [article.id, article])),
		index: buildActorIndex(actors, articles),
		graph: buildRelationMap(actors, articles),
		// The timeline pages' entries: built once per build, not again for the actor pages.
		timeline: entries,
		excerpt,
		};
	});
	return cached;
}
