// The site's addresses. Every page, feed, export, search record and the Markdown linker builds its links
// here: no other file writes `/actors/…/` by hand. The addresses are part of what readers bookmark and
// what the exports hand to other tools, so they live with the schema.

/** An actor's page. */
export const actorPath = (id: string) => `/actors/${id}/`;
/** An article's page. */
export const articlePath = (slug: string) => `/articles/${slug}/`;
/** The search page with a query string (`?q=…`), or bare. */
export const searchPath = (query = '') => `/search/${query}`;

export const ROUTES = {
	home: '/',
	articles: '/articles/',
	actors: '/actors/',
	timeline: '/timeline/',
	search: '/search/',
	rss: '/rss.xml',
	eventsJson: '/data/events.json',
	eventsCsv: '/data/events.csv',
	eventsIcs: '/data/events.ics',
	actorsJson: '/data/actors.json',
	/** Every actor's names, for the search scripts' query expansion. */
	actorNames: '/search/actor-names.json',
} as const;

/** The timeline of one bloc, one actor, or all events. */
export function timelinePath(slice: { kind: 'all' } | { kind: 'bloc'; bloc: string } | { kind: 'actor'; actor: string }): string {
	if (slice.kind === 'bloc') return `/timeline/bloc/${slice.bloc}/`;
	if (slice.kind === 'actor') return `/timeline/actor/${slice.actor}/`;
	return ROUTES.timeline;
}
