/** Site-wide words the interface uses. */
export const SITE = {
	name: 'Mali Realignment Monitor',
	tagline: 'The US, Mali’s junta, Russia and Belarus, followed across the reporting',
	description:
		'A news-analysis site following the realignment around Mali’s military junta — US cooperation, Russia’s Wagner Group and Africa Corps, and US sanctions relief for Belarus — across many articles, with a timeline, an actor index and full-text search.',
} as const;

export const NAV = [
	{ href: '/articles/', label: 'Articles' },
	{ href: '/timeline/', label: 'Timeline' },
	{ href: '/actors/', label: 'Actors' },
	{ href: '/search/', label: 'Search' },
] as const;

/** ISO day, for machine-readable dates. */
export function isoDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "15 September 2025", independent of the build machine's locale. */
export function longDate(date: Date): string {
	return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
