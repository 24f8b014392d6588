// Builds the Pagefind search index at the end of `astro build`, as Starlight does: create the index,
// add the built article pages, the content model's actors and timeline days, write, check every response.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import type { CheckedContent } from '../input/check.ts';
import { checkedContent } from '../site/loaders.ts';
import { entryHrefs, planSlice } from '../model/timeline-slices.ts';
import { buildTimeline } from '../model/timeline.ts';
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

/**
 * Adds what is indexed from the content model rather than from built pages: actors (one record each: names,
 * aliases, description) and timeline days (one small document each, an entry per heading), so the long
 * actor and timeline pages are not indexed.
 */
export async function addContentRecords(index: PagefindIndex, { actors, articles }: Pick<CheckedContent, 'actors' | 'articles'>) {
	const timeline = buildTimeline(articles, actors);
	const href = entryHrefs(planSlice({ kind: 'all' }, timeline));
	const actorRecords = [...actors.values()].map((actor) => actorRecord(actor, articles));
	const days = timelineDays(timeline, href).map((day) => timelineDayRecord(day, actors));
	const responses = await Promise.all(actorRecords.map((record) => index.addCustomRecord(record)));
	responses.forEach((response, i) => check(`addCustomRecord(${actorRecords[i].url})`, response));
	// Timeline days go through a scratch folder: Pagefind reads a folder of files in parallel, several
	// times faster than thousands of addHTMLFile messages. Each file's `url` meta is its timeline link.
	const scratch = mkdtempSync(join(tmpdir(), 'pagefind-days-'));
	try {
		days.forEach((day, i) => writeFileSync(join(scratch, `${i}.html`), day.content));
		const added = check('addDirectory(timeline days)', await index.addDirectory({ path: scratch }));
		if (added.page_count !== days.length) throw new Error(`Pagefind indexed ${added.page_count} of ${days.length} timeline days`);
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
	return { actors: actorRecords.length, entries: timeline.length, days: days.length };
}

async function buildIndex(siteDir: string, logger: AstroIntegrationLogger): Promise<void> {
	const started = performance.now();
	try {
		const index = await createSiteIndex();
		// Article pages are indexed from their HTML.
		const { page_count } = check('addDirectory', await index.addDirectory({ path: siteDir, glob: 'articles/*/index.html' }));
		const pagesDone = performance.now();
		// The content the loaders already read and checked for this build.
		const added = await addContentRecords(index, await checkedContent());
		const recordsDone = performance.now();

		check('writeFiles', await index.writeFiles({ outputPath: `${siteDir}/${PAGEFIND_DIR}` }));
		const s = (from: number, to = performance.now()) => `${((to - from) / 1000).toFixed(1)} s`;
		logger.info(
			`Indexed ${page_count} articles, ${added.actors} actors and ${added.entries} timeline entries (${added.days} days) in ${s(started)}` +
				` (articles ${s(started, pagesDone)}, records ${s(pagesDone, recordsDone)}, writing ${s(recordsDone)}).`,
		);
	} finally {
		await pagefind.close();
	}
}

export default function pagefindIndex(): AstroIntegration {
	return {
		name: 'mali-realignment:pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				await buildIndex(fileURLToPath(dir).replace(/\/$/, ''), logger);
			},
		},
	};
}
