// Builds the Pagefind search index at the end of `astro build`, as Starlight does: create the index,
// add the built pages and the content model's actor and event records, write, check every response.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { checkedContent } from '../content/loaders.ts';
import { entryHrefs, planSlice } from '../model/timeline-pages.ts';
import { buildTimeline } from '../model/timeline.ts';
import { actorRecord, eventRecord } from '../search/records.ts';

/** Where the bundle goes inside the built site; the search scripts and the service worker expect it there. */
export const PAGEFIND_DIR = 'pagefind';

const RECORD_BATCH = 500;

function check<T extends { errors: string[] }>(step: string, response: T): T {
	if (response.errors.length) throw new Error(`Pagefind ${step} failed:\n  ${response.errors.join('\n  ')}`);
	return response;
}

async function buildIndex(siteDir: string, logger: AstroIntegrationLogger): Promise<void> {
	const started = performance.now();
	try {
		// One index for every page: Russian stemming (Snowball) for the Russian articles, and English words
		// are left unstemmed but still prefix-matched, so any page searches both languages with one bundle.
		const { index } = check('createIndex', await pagefind.createIndex({ forceLanguage: 'ru' }));
		if (!index) throw new Error('Pagefind createIndex returned no index');
		// Article pages are indexed from their HTML; actors and timeline entries come from the content model
		// as one record each (names, aliases, description), so the long actor and timeline pages are not.
		const { page_count } = check('addDirectory', await index.addDirectory({ path: siteDir, glob: 'articles/**/*.html' }));

		// The content the loaders already read and checked for this build.
		const { actors, articles } = await checkedContent();
		const timeline = buildTimeline(articles, actors);
		const href = entryHrefs(planSlice({ kind: 'all' }, timeline));
		const records = [
			...[...actors.values()].map((actor) => actorRecord(actor, articles)),
			...timeline.map((entry) => eventRecord(entry, actors, href)),
		];
		// Sent in batches: one round trip to the Pagefind process per record is slow at 40,000 records.
		for (let i = 0; i < records.length; i += RECORD_BATCH) {
			const batch = records.slice(i, i + RECORD_BATCH);
			const responses = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
			responses.forEach((response, j) => check(`addCustomRecord(${batch[j].url})`, response));
		}

		check('writeFiles', await index.writeFiles({ outputPath: `${siteDir}/${PAGEFIND_DIR}` }));
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		logger.info(`Indexed ${page_count} pages and ${records.length} actor and event records in ${seconds} s.`);
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
