// Names shared by the generated service worker (src/integrations/offline.ts) and the "Save for offline" script.

/** Runtime cache for pages and data files, NetworkFirst: online visits refresh it. */
export const PAGES_CACHE = 'site-pages';
/** Runtime cache for Pagefind result fragments, CacheFirst: their file names change with their content. */
export const FRAGMENTS_CACHE = 'pagefind-fragments';
/** Generated list of everything "Save for offline" downloads. */
export const OFFLINE_LIST = '/offline-list.json';

export interface OfflineList {
	pages: string[];
	fragments: string[];
}
