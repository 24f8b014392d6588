// Loads Pagefind's Modular UI (shipped inside the built bundle at /pagefind/) on demand and wires one
// Instance with a ResultList whose results look like the rest of the site. Browser-only.
import { isSearchable, pagefindFilters, pagefindSort, type SearchState } from './state.ts';

export const BUNDLE_PATH = '/pagefind/';

interface PagefindSubResult {
	url: string;
	title: string;
	excerpt: string;
}
interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	sub_results?: PagefindSubResult[];
}
interface PagefindSearchResponse {
	results: unknown[];
	unfilteredResultCount: number;
	filters?: Record<string, Record<string, number>>;
	totalFilters?: Record<string, Record<string, number>>;
}
interface PagefindApi {
	search(term: string | null, options: { filters?: Record<string, string[]>; sort?: Record<string, string> }): Promise<PagefindSearchResponse | null>;
	preload(term: string): Promise<void>;
}
/** The parts of a Modular UI Instance used here; `__search__` is replaced to pass Pagefind's sort option. */
interface ModularInstance {
	add(component: unknown): void;
	on(event: 'results', fn: (r: PagefindSearchResponse) => void): void;
	on(event: 'loading', fn: () => void): void;
	triggerLoad(): void;
	triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
	__load__(): Promise<void>;
	__dispatch__(event: string, ...args: unknown[]): void;
	__pagefind__: PagefindApi | null;
	__searchID__: number;
	__search__(term: string, filters: Record<string, string[]>): Promise<void>;
}
interface ModularUi {
	Instance: new (options: Record<string, unknown>) => ModularInstance;
	ResultList: new (options: {
		containerElement: string;
		resultTemplate: (result: PagefindResultData) => HTMLElement;
		placeholderTemplate: () => HTMLElement;
	}) => unknown;
}

let modularUi: Promise<ModularUi> | undefined;
let loadingApi: Promise<PagefindApi> | undefined;

/** Adds /pagefind/pagefind-modular-ui.js (a classic script defining window.PagefindModularUI) once. */
export function loadModularUi(): Promise<ModularUi> {
	modularUi ??= new Promise((resolve, reject) => {
		const script = document.createElement('script');
		script.src = `${BUNDLE_PATH}pagefind-modular-ui.js`;
		script.onload = () => resolve((window as unknown as { PagefindModularUI: ModularUi }).PagefindModularUI);
		script.onerror = () => reject(new Error('The search index could not be loaded.'));
		document.head.append(script);
	});
	return modularUi;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text) node.textContent = text;
	return node;
}

/** How many of a day's matching timeline entries a result lists before linking to the day. */
const ENTRIES_PER_DAY = 4;

/** A day's entries from the `events` meta (`anchor actors blocs;…`), by anchor. */
function dayEntries(encoded: string): Map<string, { actors: string[]; blocs: string[] }> {
	return new Map(
		encoded.split(';').map((part) => {
			const [anchor, actors = '', blocs = ''] = part.split(' ');
			return [anchor, { actors: actors.split(',').filter(Boolean), blocs: blocs.split(',').filter(Boolean) }];
		}),
	);
}

/**
 * The entries of a timeline-day result to show: those whose text matched (Pagefind's sub-results, one per
 * entry heading) and that the actor or bloc filter selects (the day as a whole matched the filter).
 */
function matchingEntries(result: PagefindResultData, state: SearchState | undefined): PagefindSubResult[] {
	const entries = dayEntries(result.meta.events ?? '');
	const { actor, bloc } = state?.filters ?? {};
	return (result.sub_results ?? []).filter((sub) => {
		const entry = entries.get(sub.url.split('#')[1] ?? '');
		return !!entry && (!actor || entry.actors.includes(actor)) && (!bloc || entry.blocs.includes(bloc));
	});
}

/** One result: type and date, title linked, excerpt with Pagefind's <mark> highlights. A timeline day
 * with one matching entry reads as that entry; with several, as the day with its entries listed. */
function resultItem(result: PagefindResultData, state: SearchState | undefined): HTMLElement {
	const { meta } = result;
	const item = el('li', 'search-result');
	const kicker = el('p', 'search-result-meta');
	kicker.append(el('span', 'search-result-type', meta.type ?? 'Page'));
	const day = meta.date?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
	if (meta.date) {
		const time = el('time', undefined, day ? `${Number(day[3])} ${MONTHS[Number(day[2]) - 1]} ${day[1]}` : meta.date);
		if (day) time.dateTime = meta.date;
		kicker.append(' · ', time);
	}
	const entries = meta.events ? matchingEntries(result, state) : [];
	const single = entries.length === 1 ? entries[0] : undefined;
	const heading = el('h3', 'search-result-title');
	const link = el('a', undefined, single?.title ?? meta.title ?? meta.url ?? result.url);
	// Timeline days are indexed from scratch files; their `url` meta is their place on the timeline.
	const url = meta.url ?? result.url;
	link.href = single?.url ?? url;
	if (meta.lang) link.lang = meta.lang;
	heading.append(link);
	const excerpt = el('p', 'search-result-excerpt');
	excerpt.innerHTML = single?.excerpt ?? result.excerpt; // Pagefind escapes the text and adds only <mark>.
	item.append(kicker, heading);
	if (entries.length > 1) {
		const list = el('ul', 'search-subresults');
		for (const sub of entries.slice(0, ENTRIES_PER_DAY)) {
			const li = el('li', 'search-subresult');
			const a = el('a', undefined, sub.title);
			a.href = sub.url;
			const text = el('p', 'search-result-excerpt');
			text.innerHTML = sub.excerpt;
			li.append(a, text);
			list.append(li);
		}
		if (entries.length > ENTRIES_PER_DAY) {
			const rest = el('li', 'search-subresult-more');
			const a = el('a', undefined, `${entries.length - ENTRIES_PER_DAY} more on this day`);
			a.href = url;
			rest.append(a);
			list.append(rest);
		}
		item.append(list);
	} else item.append(excerpt);
	return item;
}

function placeholder(): HTMLElement {
	const item = el('li', 'search-result search-result-placeholder');
	item.setAttribute('aria-hidden', 'true');
	item.append(el('p', 'search-result-meta', '…'), el('h3', 'search-result-title', '…'));
	return item;
}

export interface SiteSearch {
	run(state: SearchState): void;
	preload(): void;
	showMore(): void;
}

/**
 * A Modular UI Instance rendering into `resultsSelector`; `onResults` gets the count, whether anything
 * was searched, and how many are rendered (`limit` at first: a common word can match thousands).
 */
export async function createSiteSearch(options: {
	resultsSelector: string;
	onResults: (count: number, searched: boolean, shown: number) => void;
	onLoading?: () => void;
	/** How many results render at first; `showMore()` adds as many again. */
	limit: number;
}): Promise<SiteSearch> {
	let shown = 0;
	let all: unknown[] = [];
	let current: SearchState | undefined;
	const ui = await loadModularUi();
	const instance = new ui.Instance({ bundlePath: BUNDLE_PATH });
	instance.add(new ui.ResultList({ containerElement: options.resultsSelector, resultTemplate: (result: PagefindResultData) => resultItem(result, current), placeholderTemplate: placeholder }));
	// Modular UI's own __load__ also fetches every filter's values up front (over 1 MB on a 10,000-article
	// site); the search page renders its filter options at build time, so load only pagefind.js.
	instance.__load__ = async function (this: ModularInstance) {
		if (this.__pagefind__) return;
		loadingApi ??= import(/* @vite-ignore */ `${BUNDLE_PATH}pagefind.js`).then(async (api: PagefindApi & { options(o: object): Promise<void>; init(): Promise<void> }) => {
			await api.options({ excerptLength: 24 });
			// Start Pagefind's worker and fetch its WebAssembly and index metadata now, while the reader is
			// still typing (this runs on the search page's load and when the header box is first used),
			// rather than after the first keystroke.
			await api.init();
			return api;
		});
		this.__pagefind__ = await loadingApi;
	};
	// Same steps as Modular UI's own __search__, plus Pagefind's `sort` option it does not pass on.
	instance.__search__ = async function (this: ModularInstance, term, filters) {
		this.__dispatch__('loading');
		await this.__load__();
		const id = ++this.__searchID__;
		const searched = !!current && isSearchable(current);
		const response = searched ? await this.__pagefind__!.search(term || null, { filters, sort: pagefindSort(current!) }) : null;
		if (id !== this.__searchID__) return;
		const results = response?.results ?? [];
		shown = Math.min(results.length, options.limit);
		all = results;
		this.__dispatch__('results', { ...response, results: results.slice(0, shown) });
		options.onResults(results.length, searched, shown);
	};
	if (options.onLoading) instance.on('loading', options.onLoading);
	return {
		run(state) {
			current = state;
			instance.triggerSearchWithFilters(state.q, pagefindFilters(state));
		},
		preload() {
			instance.triggerLoad();
		},
		showMore() {
			// Re-render a longer slice of the same results (fragments already loaded come from the HTTP cache).
			shown = Math.min(all.length, shown + options.limit);
			instance.__dispatch__('results', { results: all.slice(0, shown), unfilteredResultCount: all.length });
			options.onResults(all.length, true, shown);
		},
	};
}
