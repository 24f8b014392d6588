import { ROUTES } from '../schema/routes.ts';

/** Site-wide words the interface uses. */
export const SITE = {
	name: 'Mali Realignment Monitor',
	tagline: 'The US, Mali’s junta, Russia and Belarus, followed across the reporting',
	description:
		'A news-analysis site following the realignment around Mali’s military junta — US cooperation, Russia’s Wagner Group and Africa Corps, and US sanctions relief for Belarus — across many articles, with a timeline, an actor index and full-text search.',
} as const;

export const NAV = [
	{ href: ROUTES.articles, label: 'Articles' },
	{ href: ROUTES.timeline, label: 'Timeline' },
	{ href: ROUTES.actors, label: 'Actors' },
	{ href: ROUTES.search, label: 'Search' },
] as const;
