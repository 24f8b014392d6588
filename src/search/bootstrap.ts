// The one script every page loads (a few hundred bytes): `/` focuses search; the header search's
// live results and the "Save for offline" code load only when used; the service worker registers on
// the first visit, so the pages a reader has seen keep working offline.
import { PAGES_CACHE } from '../offline/caches.ts';

const form = document.querySelector<HTMLFormElement>('form.site-search');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
const pageInput = document.querySelector<HTMLInputElement>('#search-page-q');

if (form && input && !pageInput) {
	let enhanced: Promise<void> | undefined;
	const enhance = () => (enhanced ??= import('./header-search.ts').then((m) => m.enhanceHeaderSearch(form, input)));
	input.addEventListener('focus', enhance, { once: true });
	input.addEventListener('input', enhance, { once: true });
}

function isEditable(target: EventTarget | null): boolean {
	return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}
document.addEventListener('keydown', (event) => {
	if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
	const target = pageInput ?? input;
	if (!target) return;
	event.preventDefault();
	target.focus();
	target.select();
});

/** HTTP status of this page's own response, where the browser reports it. */
function pageStatus(): number | undefined {
	const [navigation] = performance.getEntriesByType('navigation') as (PerformanceNavigationTiming & { responseStatus?: number })[];
	return navigation?.responseStatus || undefined;
}

if ('serviceWorker' in navigator && 'caches' in window) {
	// A page the worker did not serve (the visit that installs it) is not in its cache: keep a copy, taken
	// from the HTTP cache rather than downloaded again. Pages the worker serves it caches itself, and an
	// error page (404) is not a page to keep.
	const keepCopy = !navigator.serviceWorker.controller && (pageStatus() ?? 200) === 200;
	navigator.serviceWorker
		.register('/sw.js')
		.then(() => navigator.serviceWorker.ready)
		.then(() => (keepCopy ? caches.open(PAGES_CACHE) : undefined))
		.then((cache) => cache?.add(new Request(location.pathname, { cache: 'force-cache' })))
		.catch(() => {});
	const save = document.querySelector<HTMLElement>('[data-offline-save]');
	if (save) {
		save.hidden = false;
		save.querySelector('button')!.addEventListener('click', () => import('../offline/save.ts').then((m) => m.saveForOffline(save)));
	}
}
