// The site model: everything the pages, the exports and the search index show, derived once per build from
// the checked content. One function, so a count or a link cannot differ between a page and the search index.
import { buildMentionMatcher } from '../language/mentions.ts';
import type { ActorEntry, ArticleEntry, SiteContent } from '../schema/content.ts';
import { BLOCS, BLOC_LABELS, type Bloc } from '../schema/ids.ts';
import { buildActorIndex, type ActorIndex } from './actors.ts';
import { mentionExcerpts, type MentionExcerpt } from './mention-excerpt.ts';
import { buildRelatedIndex, type RelatedIndex } from './related.ts';
import { buildRelationMap, type RelationGraph } from './relation-map.ts';
import { entryHrefs, planSlice, type TimelinePage, type TimelineSlice } from './timeline-slices.ts';
import { buildTimeline, filterTimeline, type TimelineEntry } from './timeline.ts';
import { timelinePath } from '../schema/routes.ts';

/** A link of the timeline's filter bar. */
export interface TimelineFilterLink {
	slice: TimelineSlice;
	label: string;
	href: string;
	count: number;
	bloc?: Bloc;
}

export interface TimelineModel {
	entries: TimelineEntry[];
	/** Every timeline page of every slice (all, each bloc, each actor with events). */
	pages: TimelinePage[];
	blocs: TimelineFilterLink[];
	/** Actors with at least one entry, by name. */
	actorLinks: TimelineFilterLink[];
	/** First and last year of the whole timeline, so every slice's strip covers the same years. */
	span?: { from: number; through: number };
	/** Where an entry sits on the unfiltered timeline: /timeline/#event-<id>, or its year page once the timeline is split. */
	entryHref: (entry: Pick<TimelineEntry, 'id' | 'key'>) => string;
}

/** What an actor's header states: its place in the actor tree and how much the articles say of it. */
export interface ActorFacts {
	/** The actor and its parents, outermost first (the breadcrumb). */
	chain: ActorEntry[];
	parent?: ActorEntry;
	/** The principal whose bloc the actor is in, when that principal has a page. */
	principal?: ActorEntry;
	articles: number;
	events: number;
}

export interface SiteModel extends SiteContent {
	articleBySlug: Map<string, ArticleEntry>;
	timeline: TimelineModel;
	index: ActorIndex;
	/** The relation map, laid out once for the whole graph (computed on first use: only actor pages draw it). */
	readonly graph: RelationGraph;
	related: RelatedIndex;
	facts(actorId: string): ActorFacts;
	/** The sentence of the article's text where the actor is first named; undefined when the text never names it (only the frontmatter does). */
	excerpt(article: ArticleEntry, actorId: string): MentionExcerpt | undefined;
}

export interface SiteModelOptions {
	/** The quotes the renderer found in an article (src/markdown/mention-excerpts.ts), by actor id; undefined: find them in its body. */
	excerptsOf?: (article: ArticleEntry) => ReadonlyMap<string, MentionExcerpt> | undefined;
	/** The Markdown text of a checked article (the model reads no files): quotes of an article the renderer did not give. */
	bodyOf?: (article: ArticleEntry) => string;
}

function buildTimelineModel(entries: TimelineEntry[], actors: ReadonlyMap<string, ActorEntry>): TimelineModel {
	const blocSlices = BLOCS.map((bloc) => ({ slice: { kind: 'bloc', bloc } as const, entries: filterTimeline(entries, { bloc }) }));
	const byActor = new Map<string, TimelineEntry[]>();
	for (const entry of entries) {
		for (const id of entry.actors) {
			const list = byActor.get(id);
			if (list) list.push(entry);
			else byActor.set(id, [entry]);
		}
	}
	const nameOf = (id: string) => actors.get(id)?.data.name.en ?? id;
	const actorIds = [...byActor.keys()].sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'en'));
	const pages = [
		...planSlice({ kind: 'all' }, entries),
		...blocSlices.flatMap((s) => planSlice(s.slice, s.entries)),
		...actorIds.flatMap((actor) => planSlice({ kind: 'actor', actor }, byActor.get(actor)!)),
	];
	// Every year any event may fall in, from its earliest to its latest bound.
	const years = entries.flatMap((e) => [e.bounds.earliest, e.bounds.latest]).filter((ms): ms is number => ms !== null).map((ms) => new Date(ms).getUTCFullYear());
	const span = years.length ? { from: years.reduce((a, b) => Math.min(a, b)), through: years.reduce((a, b) => Math.max(a, b)) } : undefined;
	return {
		entries,
		pages,
		span,
		entryHref: entryHrefs(pages),
		blocs: blocSlices.map((s) => ({ slice: s.slice, label: BLOC_LABELS[s.slice.bloc].en, href: timelinePath(s.slice), count: s.entries.length, bloc: s.slice.bloc })),
		actorLinks: actorIds.map((actor) => ({
			slice: { kind: 'actor', actor },
			label: nameOf(actor),
			href: timelinePath({ kind: 'actor', actor }),
			count: byActor.get(actor)!.length,
			bloc: actors.get(actor)?.data.bloc,
		})),
	};
}

/** Everything the site shows, from checked content. Pure: the same content gives the same model. */
export function buildSiteModel({ actors, articles }: SiteContent, { excerptsOf, bodyOf }: SiteModelOptions = {}): SiteModel {
	const timeline = buildTimelineModel(buildTimeline(articles, actors), actors);
	const index = buildActorIndex(actors, articles);
	let graph: RelationGraph | undefined;
	let matcher: ReturnType<typeof buildMentionMatcher> | undefined;
	// One scan per article, kept for every actor page that lists it (an article is listed on each of its actors' pages).
	const excerpts = new Map<string, Map<string, MentionExcerpt>>();
	return {
		actors,
		articles,
		articleBySlug: new Map(articles.map((article) => [article.id, article])),
		timeline,
		index,
		get graph() {
			return (graph ??= buildRelationMap(actors, articles));
		},
		related: buildRelatedIndex(articles),
		facts(actorId) {
			const data = actors.get(actorId)?.data;
			return {
				chain: index.parentChain(actorId),
				parent: data?.parent ? index.actor(data.parent) : undefined,
				principal: data?.bloc ? index.actor(data.bloc) : undefined,
				articles: index.articleCount(actorId),
				events: index.eventCount(actorId),
			};
		},
		excerpt(article, actorId) {
			const recorded = excerptsOf?.(article);
			if (recorded) return recorded.get(actorId);
			if (!bodyOf) return undefined;
			let found = excerpts.get(article.id);
			if (!found) excerpts.set(article.id, (found = mentionExcerpts(bodyOf(article), article.data.lang, (matcher ??= buildMentionMatcher(actors)))));
			return found.get(actorId);
		},
	};
}
