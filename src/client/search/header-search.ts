// Results as you type under the header search box; loaded only once the reader focuses or types in it.
// Enter still submits the form to /search/, which shows every result with filters.
import { createSiteSearch } from './results.ts';
import { parseSearchState, searchStateToQuery } from './state.ts';
import { ROUTES, searchPath } from '../../schema/routes.ts';
import { count } from '../../language/wording.ts';

const LIMIT = 6;

export async function enhanceHeaderSearch(form: HTMLFormElement, input: HTMLInputElement): Promise<void> {
	const panel = document.createElement('div');
	panel.className = 'search-popover';
	panel.id = 'site-search-popover';
	panel.hidden = true;
	panel.innerHTML = '<p class="search-popover-status" role="status" aria-live="polite"></p><ol class="search-results" id="site-search-results"></ol><p class="search-popover-more"><a href="' + ROUTES.search + '">All results and filters →</a></p>';
	form.append(panel);
	const status = panel.querySelector<HTMLElement>('[role="status"]')!;
	const more = panel.querySelector<HTMLAnchorElement>('.search-popover-more a')!;
	input.setAttribute('aria-controls', panel.id);
	input.setAttribute('aria-expanded', 'false');

	const show = (open: boolean) => {
		panel.hidden = !open;
		input.setAttribute('aria-expanded', String(open));
	};
	const search = createSiteSearch({
		list: panel.querySelector<HTMLElement>('#site-search-results')!,
		limit: LIMIT,
		onResults: (found, searched) => {
			status.textContent = !searched ? '' : found === 0 ? `No results for “${input.value.trim()}”.` : `${count(found, 'result')}${found > LIMIT ? `, the first ${LIMIT} shown` : ''}.`;
			show(searched && document.activeElement !== null && form.contains(document.activeElement));
		},
	});
	search.warmUp();

	const run = () => {
		const state = parseSearchState(new URLSearchParams({ q: input.value }));
		more.href = searchPath(searchStateToQuery(state));
		if (!state.q) show(false);
		search.run(state);
	};
	// No typing delay: a newer query supersedes the one still running.
	input.addEventListener('input', run);
	input.addEventListener('focus', () => input.value.trim() && status.textContent && show(true));
	form.addEventListener('keydown', (event) => {
		const links = [...panel.querySelectorAll<HTMLAnchorElement>('a')];
		const at = links.indexOf(document.activeElement as HTMLAnchorElement);
		if (event.key === 'Escape' && !panel.hidden) {
			show(false);
			input.focus();
		} else if (event.key === 'ArrowDown' && !panel.hidden && links.length) {
			event.preventDefault();
			links[Math.min(at + 1, links.length - 1)].focus();
		} else if (event.key === 'ArrowUp' && at >= 0) {
			event.preventDefault();
			(at === 0 ? input : links[at - 1]).focus();
		}
	});
	form.addEventListener('focusout', (event) => {
		if (!form.contains(event.relatedTarget as Node | null)) show(false);
	});
	if (input.value.trim()) run();
}
