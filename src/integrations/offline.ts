// Generates the service worker with workbox-build after Pagefind has written its files, and the list
// of everything "Save for offline" downloads. Pages are NetworkFirst (an online visit picks up a new
// build), the shell and the search index are precached, result fragments are cached as used or saved.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generateSW } from 'workbox-build';
import { FRAGMENTS_CACHE, OFFLINE_LIST, PAGES_CACHE, type OfflineList } from '../offline/caches.ts';
import { PAGEFIND_DIR } from './pagefind.ts';

/** Largest total of Pagefind fragments the worker precaches on the first visit. */
const PRECACHE_FRAGMENTS_UP_TO = 3 * 1024 * 1024;

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** Site routes of the built HTML files: `actors/us/index.html` → `/actors/us/`. */
export function routesOf(files: string[]): string[] {
	return files
		.filter((f) => f.endsWith('.html'))
		.map((f) => `/${f}`.replace(/(^|\/)index\.html$/, '$1'))
		.sort();
}

export default function offlineWorker(): AstroIntegration {
	return {
		name: 'mali-realignment:offline',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const siteDir = fileURLToPath(dir);
				const files = filesUnder(siteDir);
				const list: OfflineList = {
					pages: [...routesOf(files), '/rss.xml', ...files.filter((f) => f.startsWith('data/')).map((f) => `/${f}`)],
					fragments: files.filter((f) => f.startsWith(`${PAGEFIND_DIR}/fragment/`)).map((f) => `/${f}`),
				};
				writeFileSync(join(siteDir, OFFLINE_LIST), JSON.stringify(list));
				// Result fragments join the precache while they are small, so the first visit alone makes search
				// work offline; a large site leaves them to "Save for offline" and to the runtime cache.
				const fragmentBytes = list.fragments.reduce((sum, f) => sum + statSync(join(siteDir, f)).size, 0);
				const precacheFragments = fragmentBytes <= PRECACHE_FRAGMENTS_UP_TO;

				const { count, size, warnings } = await generateSW({
					globDirectory: siteDir,
					globPatterns: [
						'_astro/**/*.{js,css}',
						'favicon.svg',
						`${PAGEFIND_DIR}/pagefind.js`,
						`${PAGEFIND_DIR}/pagefind-worker.js`,
						`${PAGEFIND_DIR}/pagefind-modular-ui.js`,
						`${PAGEFIND_DIR}/pagefind-entry.json`,
						`${PAGEFIND_DIR}/*.pf_meta`,
						`${PAGEFIND_DIR}/wasm.*.pagefind`,
						`${PAGEFIND_DIR}/index/*`,
						`${PAGEFIND_DIR}/filter/*`,
						...(precacheFragments ? [`${PAGEFIND_DIR}/fragment/*`] : []),
					],
					swDest: join(siteDir, 'sw.js'),
					sourcemap: false,
					mode: 'production',
					// Pagefind asks for pagefind-entry.json?ts=<time> to bust HTTP caches; the precache ignores it.
					ignoreURLParametersMatching: [/^ts$/, /^utm_/],
					dontCacheBustURLsMatching: /^_astro\/|\.pf_(index|meta|filter|fragment)$/,
					maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
					cleanupOutdatedCaches: true,
					// A new build takes over on the next visit instead of waiting for every tab to close.
					skipWaiting: true,
					clientsClaim: true,
					runtimeCaching: [
						{
							urlPattern: /\/pagefind\/fragment\//,
							handler: 'CacheFirst',
							options: { cacheName: FRAGMENTS_CACHE },
						},
						{
							// Same-origin pages and data files; /search/?q=… is served from the cached /search/.
							urlPattern: ({ sameOrigin, url }) => sameOrigin && !url.pathname.startsWith('/pagefind/'),
							handler: 'NetworkFirst',
							options: { cacheName: PAGES_CACHE, networkTimeoutSeconds: 4, matchOptions: { ignoreSearch: true } },
						},
					],
				});
				for (const warning of warnings) logger.warn(warning);
				const seconds = ((performance.now() - started) / 1000).toFixed(1);
				logger.info(`Service worker precaches ${count} files (${(size / 1024).toFixed(0)} KiB); offline list has ${list.pages.length} pages and ${list.fragments.length} fragments (${precacheFragments ? 'precached' : 'cached on use'}); ${seconds} s.`);
			},
		},
	};
}
