// Shared by "Save for offline" (src/client/offline/save.ts) and the service worker's activation (the integration
// writes this function's source into /sw-prune.js, so it must stay self-contained: no imports, no
// closures over module variables, plain JavaScript once types are stripped).

/**
 * Deletes from the pages cache every address whose path the offline list no longer has (a retracted or
 * moved article), and from the fragments cache every search fragment the current index does not use.
 * Query strings are ignored: /search/?q=… belongs to /search/. Returns how many entries went.
 */
export async function pruneCaches(list: { pages: string[]; fragments: string[] }, pagesCache: string, fragmentsCache: string): Promise<number> {
	let removed = 0;
	for (const [name, keep] of [
		[pagesCache, new Set(list.pages)],
		[fragmentsCache, new Set(list.fragments)],
	] as const) {
		if (!(await caches.has(name))) continue;
		const cache = await caches.open(name);
		for (const request of await cache.keys()) {
			if (!keep.has(new URL(request.url).pathname) && (await cache.delete(request))) removed++;
		}
	}
	return removed;
}
