// The timeline's routes: every page of every slice, keyed for the incremental build by what it renders.
import type { TimelineFilterLink } from '../model/site-model.ts';
import type { TimelinePage } from '../model/timeline-slices.ts';
import type { ActorEntry } from '../schema/content.ts';
import { keyedPaths } from './cache-keys.ts';
import { siteModel } from './site-model.ts';
import { perContentVersion } from './content-reloads.ts';
import { ROUTES } from '../schema/routes.ts';

/** What every timeline page shows besides its own entries: the filter bar, the strip's years, the actors' names. */
export interface TimelineShared {
	actors: Map<string, ActorEntry>;
	blocs: TimelineFilterLink[];
	actorLinks: TimelineFilterLink[];
	/** How many entries the whole timeline has. */
	total: number;
	span?: { from: number; through: number };
}

export interface TimelinePageProps {
	page: TimelinePage;
	shared: TimelineShared;
}

const shared: () => Promise<TimelineShared> = perContentVersion(() =>
	siteModel().then(({ actors, timeline: { blocs, actorLinks, entries, span } }) => ({ actors, blocs, actorLinks, total: entries.length, span })),
);

/** Props of the timeline page at `path` (e.g. `/timeline/`). */
export async function timelinePageProps(path: string): Promise<TimelinePageProps> {
	const [{ timeline }, common] = await Promise.all([siteModel(), shared()]);
	return { page: timeline.pages.find((p) => p.path === path)!, shared: common };
}

/** Pages of the timeline for a route file: `/timeline/…` paths without the prefix and trailing slash. */
export async function timelineRoutes(param: string, match: (page: TimelinePage) => boolean) {
	const [{ timeline }, common] = await Promise.all([siteModel(), shared()]);
	return keyedPaths(
		timeline.pages.filter(match).map((page) => ({
			params: { [param]: page.path.slice(ROUTES.timeline.length, -1) },
			props: { page, shared: common } satisfies TimelinePageProps,
		})),
	);
}
