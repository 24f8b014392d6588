// "Save for offline": downloads every page and search result fragment into the caches the service
// worker reads from, with a visible progress bar, and drops the saved pages the site no longer has.
// Loaded only when the reader presses the button.
import { FRAGMENTS_CACHE, OFFLINE_LIST, PAGES_CACHE, type OfflineList } from './caches.ts';
import { pruneCaches } from './prune.ts';

const PARALLEL = 6;

export async function saveForOffline(root: HTMLElement): Promise<void> {
	const button = root.querySelector('button')!;
	const progress = root.querySelector('progress')!;
	const status = root.querySelector<HTMLElement>('[role="status"]')!;
	button.disabled = true;
	status.textContent = 'Preparing…';
	try {
		await navigator.serviceWorker.ready;
		const list: OfflineList = await (await fetch(OFFLINE_LIST, { cache: 'no-cache' })).json();
		const jobs = [...list.pages.map((url) => [PAGES_CACHE, url]), ...list.fragments.map((url) => [FRAGMENTS_CACHE, url])];
		const [pages, fragments] = await Promise.all([caches.open(PAGES_CACHE), caches.open(FRAGMENTS_CACHE)]);
		progress.max = jobs.length;
		progress.value = 0;
		progress.hidden = false;
		let failed = 0;
		let next = 0;
		const worker = async () => {
			while (next < jobs.length) {
				const [cacheName, url] = jobs[next++];
				try {
					const response = await fetch(url, { cache: 'no-cache' });
					if (response.ok) await (cacheName === PAGES_CACHE ? pages : fragments).put(url, response);
					else failed++;
				} catch {
					failed++;
				}
				progress.value++;
				status.textContent = `Saving ${progress.value} of ${jobs.length}…`;
			}
		};
		await Promise.all(Array.from({ length: PARALLEL }, worker));
		// A page saved earlier that this build no longer has (a retracted article) goes.
		await pruneCaches(list, PAGES_CACHE, FRAGMENTS_CACHE);
		status.textContent = failed
			? `Saved ${jobs.length - failed} of ${jobs.length} files; ${failed} could not be downloaded. Try again when online.`
			: `Done: all ${list.pages.length} pages and the search index are saved for offline reading.`;
	} catch (error) {
		status.textContent = `Saving for offline failed: ${(error as Error).message}`;
	} finally {
		button.disabled = false;
	}
}
