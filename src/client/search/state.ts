// Search state as it lives in the URL, so /search/?q=Вагнер&actor=russia&lang=ru is shareable and restores.
// Plain TypeScript: the search page's script and the unit tests both use it.

export { LANGUAGE_LABELS, RESULT_TYPES, type ResultType } from '../../schema/search.ts';

/** Pagefind filters the site indexes, in the order the search page shows them. */
export const FILTER_KEYS = ['type', 'actor', 'bloc', 'year', 'language'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof SORTS)[number];

export interface SearchState {
	q: string;
	/** One selected value per filter; absent means "any". */
	filters: Partial<Record<FilterKey, string>>;
	sort: SortOrder;
}

/** The URL parameter of each filter: `lang=` for the language (README); the old `language=` still works. */
export const URL_PARAMS: Record<FilterKey, string> = { type: 'type', actor: 'actor', bloc: 'bloc', year: 'year', language: 'lang' };
const OLD_PARAMS: Partial<Record<FilterKey, string>> = { language: 'language' };

export function parseSearchState(query: string | URLSearchParams): SearchState {
	const params = typeof query === 'string' ? new URLSearchParams(query) : query;
	const filters: SearchState['filters'] = {};
	for (const key of FILTER_KEYS) {
		const old = OLD_PARAMS[key];
		const value = (params.get(URL_PARAMS[key]) ?? (old ? params.get(old) : null))?.trim();
		if (value) filters[key] = value;
	}
	const sort = params.get('sort') as SortOrder | null;
	return { q: params.get('q')?.trim() ?? '', filters, sort: sort && SORTS.includes(sort) ? sort : 'relevance' };
}

/** `?q=…&actor=…` in a stable order; empty values and the default sort are left out. */
export function searchStateToQuery(state: SearchState): string {
	const params = new URLSearchParams();
	if (state.q) params.set('q', state.q);
	for (const key of FILTER_KEYS) if (state.filters[key]) params.set(URL_PARAMS[key], state.filters[key]!);
	if (state.sort !== 'relevance') params.set('sort', state.sort);
	const query = params.toString();
	return query ? `?${query}` : '';
}

/** The filters object Pagefind's `search()` takes. */
export function pagefindFilters(state: SearchState): Record<string, string[]> {
	return Object.fromEntries(Object.entries(state.filters).map(([k, v]) => [k, [v!]]));
}

/** Pagefind's sort option: every indexed page and record carries a `date` sort key. */
export function pagefindSort(state: SearchState): Record<string, 'asc' | 'desc'> | undefined {
	if (state.sort === 'newest') return { date: 'desc' };
	if (state.sort === 'oldest') return { date: 'asc' };
	return undefined;
}

/** Whether there is anything to search for: a term, or at least one filter (Pagefind lists all matches then). */
export function isSearchable(state: SearchState): boolean {
	return state.q.length > 0 || Object.keys(state.filters).length > 0;
}
