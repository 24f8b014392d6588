import { entryHrefs, planSlice, sliceBase, type TimelinePage, type TimelineSlice } from '../model/timeline-slices.ts';
import { buildTimeline, filterTimeline, type TimelineEntry } from '../model/timeline.ts';
import { BLOCS, BLOC_LABELS, type Bloc } from '../schema/ids.ts';
import { actorsDigest, digest, timelinePageKey } from './cache-keys.ts';
import type { ActorEntry } from '../schema/content.ts';
import { siteContent } from './content.ts';

/** A link of the timeline's filter bar. */
export interface TimelineFilterLink {
	slice: TimelineSlice;
	label: string;
	href: string;
	count: number;
	bloc?: Bloc;
}

export interface TimelineSite {
	entries: TimelineEntry[];
	actors: Map<string, ActorEntry>;
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

let cached: Promise<TimelineSite> | undefined;

/** The timeline and the plan of all its pages; computed once per build and shared by every timeline route. */
export function timelineSite(): Promise<TimelineSite> {
	cached ??= (async () => {
		const { articles, actors } = await siteContent();
		const entries = buildTimeline(articles, actors);
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
			actors,
			pages,
			span,
			entryHref: entryHrefs(pages),
			blocs: blocSlices.map((s) => ({ slice: s.slice, label: BLOC_LABELS[s.slice.bloc].en, href: sliceBase(s.slice), count: s.entries.length, bloc: s.slice.bloc })),
			actorLinks: actorIds.map((actor) => ({
				slice: { kind: 'actor', actor },
				label: nameOf(actor),
				href: sliceBase({ kind: 'actor', actor }),
				count: byActor.get(actor)!.length,
				bloc: actors.get(actor)?.data.bloc,
			})),
		};
	})();
	return cached;
}

/** Pages of the timeline for a route file: `/timeline/…` paths without the prefix and trailing slash. */
export async function timelineRoutes(param: string, match: (page: TimelinePage) => boolean) {
	const { pages, blocs, actorLinks, span, entries, actors } = await timelineSite();
	const shared = digest(blocs, actorLinks, span, entries.length, actorsDigest(actors));
	return pages.filter(match).map((page) => ({
		params: { [param]: page.path.slice('/timeline/'.length, -1) },
		props: { page },
		cacheKey: timelinePageKey(page, shared),
	}));
}
