import { buildActorIndex, type ActorIndex } from '../model/actors.ts';
import { buildRelationMap, type RelationGraph } from '../model/relation-map.ts';
import type { TimelineEntry } from '../model/timeline.ts';
import type { ActorEntry, ArticleEntry } from './check.ts';
import { siteContent } from './site.ts';
import { timelineSite } from './timeline-pages.ts';

/** What the actor pages need, derived once per build: every page of every actor shares it. */
export interface ActorSite {
	actors: Map<string, ActorEntry>;
	articles: ArticleEntry[];
	articleBySlug: Map<string, ArticleEntry>;
	index: ActorIndex;
	/** The relation map, laid out once for the whole graph. */
	graph: RelationGraph;
	timeline: TimelineEntry[];
}

/** Articles per page of an actor's article list (page 1 is the actor page). */
export const ARTICLES_PER_PAGE = 50;

let cached: Promise<ActorSite> | undefined;

export function actorSite(): Promise<ActorSite> {
	cached ??= Promise.all([siteContent(), timelineSite()]).then(([{ actors, articles }, { entries }]) => ({
		actors,
		articles,
		articleBySlug: new Map(articles.map((article) => [article.id, article])),
		index: buildActorIndex(actors, articles),
		graph: buildRelationMap(actors, articles),
		// The timeline pages' entries: built once per build, not again for the actor pages.
		timeline: entries,
	}));
	return cached;
}
