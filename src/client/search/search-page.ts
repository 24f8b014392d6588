// The /search/ page: the form's state lives in the URL (shareable, restored on load and on Back),
// and results render as you type. Without JavaScript the form still submits and keeps its values.
import { createSiteSearch } from './results.ts';
import { FILTER_KEYS, parseSearchState, searchStateToQuery, URL_PARAMS, type SearchState } from './state.ts';

const form = document.querySelector<HTMLFormElement>('#search-page-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.querySelector<HTMLElement>('#search-page-status')!;
const controls = [...form.querySelectorAll<HTMLSelectElement>('select')];
const more = document.querySelector<HTMLButtonElement>('#search-page-more')!;

function readForm(): SearchState {
	return parseSearchState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));
}

function writeForm(state: SearchState) {
	input.value = state.q;
	for (const select of controls) {
		const key = FILTER_KEYS.find((k) => URL_PARAMS[k] === select.name);
		const value = select.name === 'sort' ? state.sort : key ? (state.filters[key] ?? '') : '';
		select.value = [...select.options].some((o) => o.value === value) ? value : '';
	}
}

function describe(state: SearchState, count: number): string {
	const what = state.q ? ` for “${state.q}”` : '';
	const filtered = Object.keys(state.filters).length ? ' with the selected filters' : '';
	return `${count === 0 ? 'No' : count} result${count === 1 ? '' : 's'}${what}${filtered}.`;
}

const initial = parseSearchState(location.search);
writeForm(initial);
let state = initial;

const search = createSiteSearch({
	list: document.querySelector<HTMLElement>('#search-page-results')!,
	onLoading: () => (status.textContent = 'Searching…'),
	limit: 30,
	onResults: (count, searched, shown) => {
		status.textContent = searched ? describe(state, count) : 'Type a word or name, in English or Russian, or choose a filter.';
		more.hidden = shown >= count;
		more.textContent = `Show more results (${shown} of ${count} shown)`;
	},
});
more.addEventListener('click', () => search.showMore());

function update(push: boolean) {
	state = readForm();
	const url = `${location.pathname}${searchStateToQuery(state)}`;
	if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
	search.run(state);
}

// No typing delay: every keystroke searches at once, and a newer query supersedes the one still running.
input.addEventListener('input', () => update(false));
for (const select of controls) select.addEventListener('change', () => update(true));
form.addEventListener('submit', (event) => {
	event.preventDefault();
	update(true);
});
addEventListener('popstate', () => {
	state = parseSearchState(location.search);
	writeForm(state);
	search.run(state);
});
// Pagefind starts (worker, WebAssembly, index metadata) as the page loads, before the first query.
search.warmUp();
search.run(initial);
