// The Pagefind search index: the built article pages, the content model's actors and timeline days, every
// response checked. `astro build` writes the records; scripts/build.ts (scripts/index-site.ts) indexes them
// in its own process after Astro exits. A bare `astro build` indexes in `astro:build:done`, as Starlight does.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { SiteContent } from '../schema/content.ts';
import { buildSiteModel, type SiteModel } from '../model/site-model.ts';
import { checkedContent } from '../site/loaders.ts';
import type { CustomRecord } from 'pagefind';
import { actorRecord, timelineDayRecord, timelineDays } from '../site/search-records.ts';

/** Where the bundle goes inside the built site; the search scripts and the service worker expect it there. */
export const PAGEFIND_DIR = 'pagefind';

/** The language the whole index is built as: one Pagefind has no stemmer for (see createSiteIndex). */
export const SEARCH_LANGUAGE = 'und';

export function check<T extends { errors: string[] }>(step: string, response: T): T {
	if (response.errors.length) throw new Error(`Pagefind ${step} failed:\n  ${response.errors.join('\n  ')}`);
	return response;
}

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** The site's one index, built the same way by `astro build` and by the dev server (src/integrations/dev-server.ts). */
export async function createSiteIndex(): Promise<PagefindIndex> {
	// One index for every page, both languages, with every word kept as written: `und` (undetermined) is a
	// language Pagefind has no stemmer for. Its Russian stemmer would see `хунтой` as `хунтои` (Pagefind folds
	// diacritics before stemming, so `й` loses its breve) and index it apart from `хунта`; the search scripts
	// stem the query instead (src/client/search/query.ts) and Pagefind matches that stem as a prefix of the words.
	const { index } = check('createIndex', await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE }));
	if (!index) throw new Error('Pagefind createIndex returned no index');
	return index;
}

/** Where a folder of search records keeps the actor records; the timeline days are HTML files in DAYS_DIR. */
const ACTORS_FILE = 'actors.json';
const DAYS_DIR = 'days';

/**
 * Writes what is indexed from the content model rather than from built pages into `dir`: actors (one
 * custom record each: names, aliases, description) and timeline days (one small HTML document each, an
 * entry per heading, its `url` meta the timeline link), so the long actor and timeline pages are not
 * indexed. Pagefind reads a folder of files in parallel, several times faster than thousands of
 * addHTMLFile messages. `scripts/build.ts` has the Astro build write them, then indexes in its own process.
 */
export function writeContentRecords(dir: string, model: Pick<SiteModel, 'actors' | 'index' | 'timeline'>) {
	const { actors, index } = model;
	const timeline = model.timeline.entries;
	// The same model the pages are built from: an actor's article count and an event's link are the pages' own.
	const actorRecords = [...actors.values()].map((actor) => actorRecord(actor, index.articlesOf(actor.id)));
	const days = timelineDays(timeline, model.timeline.entryHref).map((day) => timelineDayRecord(day, actors));
	mkdirSync(join(dir, DAYS_DIR), { recursive: true });
	writeFileSync(join(dir, ACTORS_FILE), JSON.stringify({ actors: actorRecords, entries: timeline.length, days: days.length }));
	days.forEach((day, i) => writeFileSync(join(dir, DAYS_DIR, `${i}.html`), day.content));
	return { actors: actorRecords.length, entries: timeline.length, days: days.length };
}

/** Adds a folder written by writeContentRecords to the index, checking that every record went in. */
export async function addRecordsFrom(index: PagefindIndex, dir: string) {
	const { actors, entries, days } = JSON.parse(readFileSync(join(dir, ACTORS_FILE), 'utf8')) as { actors: CustomRecord[]; entries: number; days: number };
	const responses = await Promise.all(actors.map((record) => index.addCustomRecord(record)));
	responses.forEach((response, i) => check(`addCustomRecord(${actors[i].url})`, response));
	const added = check('addDirectory(timeline days)', await index.addDirectory({ path: join(dir, DAYS_DIR) }));
	if (added.page_count !== days) throw new Error(`Pagefind indexed ${added.page_count} of ${days} timeline days`);
	return { actors: actors.length, entries, days };
}

/** Runs `use` on a scratch folder holding the records of `model` (writeContentRecords); removes it afterwards. */
async function withContentRecords<T>(model: Parameters<typeof writeContentRecords>[1], use: (dir: string) => Promise<T>): Promise<T> {
	const scratch = mkdtempSync(join(tmpdir(), 'pagefind-records-'));
	try {
		writeContentRecords(scratch, model);
		return await use(scratch);
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}

/** Adds the actors and timeline days of `content` (through a scratch folder). */
export function addContentRecords(index: PagefindIndex, content: SiteContent) {
	return withContentRecords(buildSiteModel(content), (dir) => addRecordsFrom(index, dir));
}

/** Indexes a built site: its article pages from their HTML, the records in `recordsDir`; writes siteDir/pagefind. */
export async function indexSite(siteDir: string, recordsDir: string, log: (message: string) => void): Promise<void> {
	const started = performance.now();
	try {
		const index = await createSiteIndex();
		const { page_count } = check('addDirectory', await index.addDirectory({ path: siteDir, glob: 'articles/*/index.html' }));
		const pagesDone = performance.now();
		const added = await addRecordsFrom(index, recordsDir);
		const recordsDone = performance.now();
		check('writeFiles', await index.writeFiles({ outputPath: `${siteDir}/${PAGEFIND_DIR}` }));
		const s = (from: number, to = performance.now()) => `${((to - from) / 1000).toFixed(1)} s`;
		log(
			`Indexed ${page_count} articles, ${added.actors} actors and ${added.entries} timeline entries (${added.days} days) in ${s(started)}` +
				` (articles ${s(started, pagesDone)}, records ${s(pagesDone, recordsDone)}, writing ${s(recordsDone)}).`,
		);
	} finally {
		await pagefind.close();
	}
}

/**
 * Set by scripts/build.ts: the Astro build only writes the search records into this folder, and the build
 * script indexes them with the built pages in its own process once Astro has exited and freed its memory
 * (Pagefind's indexer peaks at ~2 GB at 10,000 articles; inside `astro:build:done` it added to Astro's).
 */
export const SEARCH_RECORDS_ENV = 'SEARCH_RECORDS_DIR';

export default function pagefindIndex(): AstroIntegration {
	return {
		name: 'mali-realignment:pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const content = buildSiteModel(await checkedContent());
				const deferred = process.env[SEARCH_RECORDS_ENV];
				if (deferred) {
					const written = writeContentRecords(deferred, content);
					logger.info(`Wrote search records for ${written.actors} actors and ${written.days} timeline days; scripts/build.ts indexes them after Astro exits.`);
					return;
				}
				// A bare `astro build`: index here, inside the Astro process.
				await withContentRecords(content, (records) => indexSite(fileURLToPath(dir).replace(/\/$/, ''), records, (message) => logger.info(message)));
			},
		},
	};
}
