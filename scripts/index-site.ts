// Indexes a built site for search, then writes its service worker (which precaches the index):
//   node scripts/index-site.ts <built site> <search records written by the Astro build>
// scripts/build.ts runs it in its own process after `astro build` has exited, so Pagefind's indexer (~2 GB at
// 10,000 articles) never runs beside the Astro process's memory; the site is swapped in only if it succeeds.
import { writeOfflineWorker } from '../src/integrations/offline.ts';
import { indexSite } from '../src/integrations/pagefind.ts';

const [siteDir, recordsDir] = process.argv.slice(2);
if (!siteDir || !recordsDir) {
	console.error('Usage: node scripts/index-site.ts <built site folder> <search records folder>');
	process.exit(2);
}
const logger = { info: (message: string) => console.log(`[search] ${message}`), warn: (message: string) => console.warn(`[search] ⚠ ${message}`) };
try {
	await indexSite(siteDir, recordsDir, logger.info);
	await writeOfflineWorker(siteDir, logger);
} catch (error) {
	console.error(`Indexing ${siteDir} failed: ${(error as Error).message}`);
	process.exit(1);
}
