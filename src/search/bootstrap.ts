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

if ('serviceWorker' in navigator && 'caches' in window) {
	// The page that installed the worker was fetched before it existed: keep a copy of it too.
	navigator.serviceWorker
		.register('/sw.js')
		.then(() => navigator.serviceWorker.ready)
		.then(() => caches.open(PAGES_CACHE))
		.then((cache) => cache.add(location.pathname))
		.catch(() => {});
	const save = document.querySelector<HTMLElement>('[data-offline-save]');
	if (save) {
		save.hidden = false;
		save.querySelector('button')!.addEventListener('click', () => import('../offline/save.ts').then((m) => m.saveForOffline(save)));
	}
}
