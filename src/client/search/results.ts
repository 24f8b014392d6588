// Search for the search page and the header box, on Pagefind's public JavaScript API only (pagefind.js:
// options, init, search, result.data()): the query is stemmed here (query.ts), ranked with the weights below,
// and each result shows a sentence of its own text (excerpt.ts), found through the actors' names when the
// query names one (expand.ts). A newer query supersedes an older one; nothing waits for typing to pause.
// Browser-only.
import { matchingSentence, openingSentence, wholeText, withoutTitle, type Excerpt } from './excerpt.ts';
import { expandQuery, type ActorNames, type Expansion } from './expand.ts';
import { matchKey, pagefindTerm, queryStems, type Phrase } from './query.ts';
import { isSearchable, pagefindFilters, pagefindSort, RESULT_TYPES, type SearchState } from './state.ts';
import { ROUTES } from '../../schema/routes.ts';
import { MONTHS } from '../../language/wording.ts';

export const BUNDLE_PATH = '/pagefind/';

/**
 * Pagefind's ranking options, decided with the relevance set in tests/e2e/search-relevance.test.ts: an actor's
 * own names (`names`, on its card) count most, then the title; an article's English summary (`summary`) and
 * the names of the actors an article or timeline day involves (`actors`) count for something; a day's heading
 * repeats its entries' titles and the date is data, so neither adds to the score.
 */
export const RANKING = { metaWeights: { title: 5, names: 8, summary: 4, actors: 3, sources: 1, heading: 0, date: 0 } };

/** The parts of Pagefind's public API this file uses (pagefind.js, documented in its API reference). */
export interface PagefindAnchor {
	element: string;
	id: string;
	text: string;
	location: number;
}
export interface PagefindSubResult {
	title: string;
	url: string;
	excerpt: string;
	locations: number[];
	anchor?: PagefindAnchor;
}
export interface PagefindData {
	url: string;
	content: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	filters: Record<string, string[] | undefined>;
	anchors: PagefindAnchor[];
	sub_results: PagefindSubResult[];
	locations: number[];
}
export interface PagefindResult {
	id: string;
	score: number;
	data(): Promise<PagefindData>;
}
export interface PagefindResponse {
	results: PagefindResult[];
	unfilteredResultCount: number;
}
export interface PagefindApi {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	search(term: string | null, options?: { filters?: Record<string, string[]>; sort?: Record<string, string> }): Promise<PagefindResponse | null>;
}

let loading: Promise<{ api: PagefindApi; actors: ActorNames[] }> | undefined;

/**
 * Loads pagefind.js and starts it (its worker, WebAssembly and index metadata) and fetches the actors' names,
 * once per page. Called when the search page loads and when the header box is first used, so the first query
 * does not pay for it.
 */
export function warmUp(): Promise<{ api: PagefindApi; actors: ActorNames[] }> {
	loading ??= (async () => {
		const [api, actors] = await Promise.all([
			(async () => {
				const api = (await import(/* @vite-ignore */ `${BUNDLE_PATH}pagefind.js`)) as PagefindApi;
				await api.options({ ranking: RANKING });
				await api.init();
				return api;
			})(),
			fetch(ROUTES.actorNames)
				.then((r) => (r.ok ? (r.json() as Promise<{ actors: ActorNames[] }>) : { actors: [] }))
				.then((j) => j.actors)
				.catch(() => [] as ActorNames[]),
		]);
		return { api, actors };
	})();
	// A failed start (offline before the index was cached) is tried again by the next query.
	loading.catch(() => (loading = undefined));
	return loading;
}

/** A search's results, best first, and what the query was, for rendering. */
export interface Ranked {
	results: PagefindResult[];
	query: Query;
}

/** What a result's text is matched against: the query's own stems, then the names of the actors it names. */
export interface Query {
	state: SearchState;
	phrases: Phrase[];
	/** How many of `phrases` are the query's own words. */
	primary: number;
	expansion: Expansion;
}

/**
 * Runs the query through Pagefind: one search, its results in its order. The actors the query names only
 * change what a result shows (the sentence naming them, a day's entries involving them), never the results.
 */
export async function runSearch(state: SearchState): Promise<Ranked> {
	const started = performance.now();
	const { api, actors } = await warmUp();
	// Where the time goes, for `npm run bench:search` (performance.measure entries).
	performance.measure('waiting for warm-up', { start: started });
	const own: Phrase[] = queryStems(state.q).map((stem) => [matchKey(stem)]);
	const expansion = state.q ? expandQuery(state.q, actors) : { actorIds: [], phrases: [] };
	const query: Query = { state, phrases: [...own, ...expansion.phrases], primary: own.length, expansion };
	if (!isSearchable(state)) return { results: [], query };
	const sort = pagefindSort(state);
	const searching = performance.now();
	const response = await api.search(state.q ? pagefindTerm(state.q) : null, { filters: pagefindFilters(state), ...(sort ? { sort } : {}) });
	performance.measure('pagefind.search', { start: searching });
	return { results: response?.results ?? [], query };
}


function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text) node.textContent = text;
	return node;
}

/** How many of a day's matching timeline entries a result lists before linking to the day. */
const ENTRIES_PER_DAY = 4;

interface DayEntry {
	anchor: string;
	actors: string[];
	blocs: string[];
	title: string;
	/** The entry's text after its title: date, place, note. */
	text: string;
	url: string;
	matched: boolean;
}

/** A timeline day's entries, from its `entry` filter values (`anchor actors blocs`) and its headings. */
function dayEntries(data: PagefindData, query: Query): DayEntry[] {
	const url = data.filters.url?.[0] ?? data.url;
	const page = url.split('#')[0];
	const words = data.content.split(/\s+/).filter(Boolean);
	const headings = [...data.anchors].filter((a) => /^h\d$/.test(a.element)).sort((a, b) => a.location - b.location);
	const matchedAnchors = new Set(data.sub_results.filter((s) => s.anchor && s.locations.length).map((s) => s.anchor!.id));
	const { actor, bloc } = query.state.filters;
	return (data.filters.entry ?? [])
		.map((value) => {
			const [anchor, actors = '', blocs = ''] = value.split(' ');
			const at = headings.findIndex((h) => h.id === anchor);
			const heading = headings[at];
			const start = heading ? heading.location + heading.text.split(/\s+/).filter(Boolean).length : 0;
			const end = headings[at + 1]?.location ?? words.length;
			const entry = { anchor, actors: actors.split(',').filter(Boolean), blocs: blocs.split(',').filter(Boolean) };
			return {
				...entry,
				title: heading?.text ?? '',
				text: words.slice(start, end).join(' '),
				url: `${page}#${anchor}`,
				matched: matchedAnchors.has(anchor) || entry.actors.some((id) => query.expansion.actorIds.includes(id)),
			};
		})
		.filter((e) => (!actor || e.actors.includes(actor)) && (!bloc || e.blocs.includes(bloc)));
}

/** A timeline entry's line (place, note), matches marked. */
function entryLine(entry: DayEntry, query: Query): Excerpt {
	return wholeText(entry.text, query.phrases);
}

function excerptElement(excerpt: Excerpt, lang?: string): HTMLElement {
	const p = el('p', 'search-result-excerpt');
	p.innerHTML = excerpt.html; // excerpt.ts escapes the text and adds only <mark>.
	if (lang) p.lang = lang;
	return p;
}

/** One result: type and date, title linked, and a sentence of its text with the matches marked. A timeline
 * day with one matching entry reads as that entry; with several, as the day with its entries listed. */
export function resultItem(data: PagefindData, query: Query): HTMLElement {
	const { meta, filters } = data;
	const type = (filters.type?.[0] ?? 'article') as keyof typeof RESULT_TYPES;
	const lang = filters.language?.[0];
	const item = el('li', 'search-result');
	const kicker = el('p', 'search-result-meta');
	kicker.append(el('span', 'search-result-type', RESULT_TYPES[type] ?? 'Page'));
	if (filters.about?.[0]) kicker.append(' · ', filters.about[0]);
	const day = meta.date?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
	if (meta.date) {
		const time = el('time', undefined, day ? `${Number(day[3])} ${MONTHS[Number(day[2]) - 1]} ${day[1]}` : meta.date);
		if (day) time.dateTime = meta.date;
		kicker.append(' · ', time);
	}
	const heading = el('h3', 'search-result-title');
	const link = el('a');
	heading.append(link);
	item.append(kicker, heading);

	if (type === 'event') {
		const entries = dayEntries(data, query);
		const shown = entries.some((e) => e.matched) ? entries.filter((e) => e.matched) : entries.slice(0, 1);
		const url = data.filters.url?.[0] ?? data.url;
		if (shown.length === 1) {
			link.textContent = shown[0].title;
			link.href = shown[0].url;
			if (shown[0].text) item.append(excerptElement(entryLine(shown[0], query)));
		} else {
			link.textContent = meta.heading ?? shown[0]?.title ?? url;
			link.href = url;
			const list = el('ul', 'search-subresults');
			for (const entry of shown.slice(0, ENTRIES_PER_DAY)) {
				const li = el('li', 'search-subresult');
				const a = el('a', undefined, entry.title);
				a.href = entry.url;
				li.append(a);
				if (entry.text) li.append(excerptElement(entryLine(entry, query)));
				list.append(li);
			}
			if (shown.length > ENTRIES_PER_DAY) {
				const rest = el('li', 'search-subresult-more');
				const a = el('a', undefined, `${shown.length - ENTRIES_PER_DAY} more on this day`);
				a.href = url;
				rest.append(a);
				list.append(rest);
			}
			item.append(list);
		}
		return item;
	}
	link.textContent = meta.title ?? data.url;
	link.href = data.url;
	if (lang) link.lang = lang;
	// An article's text opens with its title; the excerpt comes from what follows, else from its English summary.
	const text = type === 'article' ? withoutTitle(data.content, meta.title) : data.content;
	const options = { primary: query.primary };
	const own = matchingSentence(text, query.phrases, options);
	const summary = !own && meta.summary ? matchingSentence(meta.summary, query.phrases, options) : null;
	item.append(excerptElement(own ?? summary ?? openingSentence(text), summary ? 'en' : lang));
	return item;
}

function placeholder(): HTMLLIElement {
	const item = el('li', 'search-result search-result-placeholder');
	item.setAttribute('aria-hidden', 'true');
	item.append(el('p', 'search-result-meta', '…'), el('h3', 'search-result-title', '…'));
	return item;
}

export interface SiteSearch {
	run(state: SearchState): void;
	warmUp(): void;
	showMore(): void;
}

/**
 * Search rendering into `list`; `onResults` gets the count, whether anything was searched, and how many are
 * rendered (`limit` at first: a common word can match thousands). Each result's data (its fragment) is
 * fetched when its placeholder comes near the screen.
 */
export function createSiteSearch(options: {
	list: HTMLElement;
	onResults: (count: number, searched: boolean, shown: number) => void;
	onLoading?: () => void;
	/** How many results render at first; `showMore()` adds as many again. */
	limit: number;
}): SiteSearch {
	let latest = 0;
	let current: Ranked | undefined;
	let shown = 0;
	const observer =
		typeof IntersectionObserver === 'function'
			? new IntersectionObserver(
					(seen) => {
						for (const entry of seen) if (entry.isIntersecting) fill(entry.target as HTMLLIElement);
					},
					{ rootMargin: '400px' },
				)
			: undefined;
	const pending = new Map<Element, { result: PagefindResult; query: Query; search: number }>();

	function fill(slot: HTMLLIElement): Promise<void> {
		const job = pending.get(slot);
		if (!job) return Promise.resolve();
		pending.delete(slot);
		observer?.unobserve(slot);
		const started = performance.now();
		return job.result.data().then((data) => {
			if (job.search !== latest || !slot.isConnected) return;
			const first = !slot.previousElementSibling;
			slot.replaceWith(resultItem(data, job.query));
			if (first) performance.measure('first result: data() and render', { start: started });
		});
	}

	function render(from: number) {
		if (!current) return;
		const search = latest;
		const slots = current.results.slice(from, shown).map((result) => {
			const slot = placeholder();
			pending.set(slot, { result, query: current!.query, search });
			options.list.append(slot);
			return slot;
		});
		// The first result's fragment is fetched at once and alone; the others once it is on screen and they
		// near the screen, so they do not queue before it in Pagefind's worker.
		const [first, ...rest] = slots;
		const others = () => {
			for (const slot of rest) if (observer) observer.observe(slot);
			else fill(slot);
		};
		if (first) fill(first).then(others, others);
		else others();
	}

	return {
		run(state) {
			const search = ++latest;
			options.onLoading?.();
			runSearch(state).then(
				(ranked) => {
					if (search !== latest) return; // a newer query has started: this one is superseded
					current = ranked;
					pending.clear();
					observer?.disconnect();
					options.list.replaceChildren();
					shown = Math.min(ranked.results.length, options.limit);
					render(0);
					options.onResults(ranked.results.length, isSearchable(state), shown);
				},
				(error: unknown) => {
					if (search !== latest) return;
					console.warn('Search failed:', error);
					options.list.replaceChildren();
					options.onResults(0, isSearchable(state), 0);
				},
			);
		},
		warmUp() {
			warmUp().catch(() => {});
		},
		showMore() {
			if (!current) return;
			const from = shown;
			shown = Math.min(current.results.length, shown + options.limit);
			render(from);
			options.onResults(current.results.length, true, shown);
		},
	};
}
