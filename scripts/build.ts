// Builds the site without ever leaving a broken one behind, or a trace of a failed build in the next one:
// - one build at a time per output folder and per cache (a lock file holding the pid; a dead pid's lock is
//   taken over), a second build waits for the first;
// - the check runs first; then `astro build` writes into dist.building/ with a *copy* of the incremental
//   cache (cacheDir.building/), and both are promoted only when the whole build succeeded, so a failed or
//   killed build's pages never come back from the cache;
// - the search index and the service worker are written by scripts/index-site.ts in their own process after
//   Astro exits (from the pages and the records the Astro build wrote), still into dist.building/;
// - dist/ is swapped in with two renames; a build killed between them leaves the good site in
//   dist.previous/, which the next build (or `npm run preview` after it) puts back first;
// - SIGINT/SIGTERM are passed on to the running child, and `astro build` exits by itself when this script
//   dies without a word (SIGKILL), so no orphan keeps writing.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { totalmem } from 'node:os';
import { resolve, sep } from 'node:path';
import { contentDir } from '../src/input/dir.ts';
import { acquireLock, type Lock } from './lib/lock.ts';
import { promote, recover } from './lib/swap.ts';

const root = process.cwd();
const dist = resolve(root, process.env.DIST_DIR ?? 'dist');
const staging = `${dist}.building`;
const cache = resolve(root, process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro');
const cacheStaging = `${cache}.building`;
/** What one build's processes hand each other, under the site's lock: the checked content, the search records. */
const handover = `${dist}.building-data`;
const checkedFile = resolve(handover, 'content.v8');
const records = resolve(handover, 'search');

const locks: Lock[] = [];
/** Folders whose lock this build holds: only their .building copies are this build's to remove. */
const owned: string[] = [];
let child: ChildProcess | undefined;

/** Removes this build's temporary folders (only those it holds the lock of: the others are another build's). */
function cleanUp() {
	for (const folder of owned.splice(0)) {
		rmSync(`${folder}.building`, { recursive: true, force: true });
		if (folder === dist) rmSync(handover, { recursive: true, force: true });
	}
	for (const lock of locks.splice(0)) lock.release();
}

function fail(message: string, code = 1): never {
	cleanUp();
	console.error(`\n✖ ${message}`);
	if (existsSync(resolve(dist, 'index.html'))) console.error(`  The last good site in ${dist} is untouched.`);
	else if (existsSync(resolve(`${dist}.previous`, 'index.html')))
		console.error(`  The last good site is in ${dist}.previous; the next build puts it back in ${dist}.`);
	else console.error('  No site was written.');
	process.exit(code);
}

// Links that leave the site (RSS, canonical, Open Graph, JSON-LD, sitemap, ICS) are absolute: without
// SITE_URL they point at a placeholder domain, which is fine for a local look but wrong when deployed.
const siteUrl = process.env.SITE_URL;
if (siteUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(siteUrl)) fail(`SITE_URL must be the site's address, e.g. https://news.example.com/ (found "${siteUrl}").`);
const siteUrlWarning = [
	'',
	'⚠ ──────────────────────────────────────────────────────────────────────────────',
	'⚠  SITE_URL is not set: RSS, canonical, Open Graph, JSON-LD, sitemap and ICS links',
	'⚠  will point at https://mali-realignment.example.org/, not at your site.',
	'⚠  For a site you deploy: SITE_URL=https://your.domain/ npm run build',
	'⚠ ──────────────────────────────────────────────────────────────────────────────',
	'',
].join('\n');
if (!siteUrl) console.warn(siteUrlWarning);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.on(signal, () => {
		if (child && child.exitCode === null) child.kill(signal);
		// Wait for the child to stop writing before removing its folders.
		const exit = () => fail(`Build stopped by ${signal}; nothing was published.`, 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
		if (child && child.exitCode === null && child.signalCode === null) child.once('exit', exit);
		else exit();
	});
}

/** Runs node with `args`; resolves with the exit code (or the signal that stopped it). */
function run(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number | string> {
	return new Promise((done) => {
		child = spawn(process.execPath, args, { stdio: 'inherit', env });
		for (const lock of locks) lock.setChild(child.pid);
		child.once('error', (error) => done(error.message));
		child.once('exit', (code, signal) => {
			child = undefined;
			done(code ?? signal ?? 1);
		});
	});
}

// BUILD_LOCK_TIMEOUT=<seconds>: refuse instead of waiting longer for another build (0: refuse at once).
const timeoutMs = process.env.BUILD_LOCK_TIMEOUT ? Number(process.env.BUILD_LOCK_TIMEOUT) * 1000 : Infinity;
/** Takes the lock of `folder`, then puts back what a build stopped during its swap left in folder.previous. */
async function claim(folder: string, what: string) {
	try {
		locks.push(await acquireLock(`${folder}.lock`, `the ${what} in ${folder}`, { timeoutMs }));
	} catch (error) {
		fail((error as Error).message);
	}
	owned.push(folder);
	if (recover(folder)) console.log(`↺ Restored the last good ${what} from ${folder}.previous (a build was stopped while swapping it in).`);
	rmSync(`${folder}.building`, { recursive: true, force: true });
	if (folder === dist) rmSync(handover, { recursive: true, force: true });
}

// The cache is claimed only once the check passed, so builds that stop at the check never wait for it.
await claim(dist, 'site');

// The check runs in its own process, so what it holds while checking (the problems, the warnings' work) is
// not kept for the whole build; it saves what it read and checked, and the Astro process's loaders take
// that instead of reading and checking every file again (src/site/loaders.ts, CHECKED_CONTENT_FILE).
const dir = contentDir(root);
const checked = await run([resolve(root, 'scripts/check.ts'), dir, '--save', checkedFile]);
if (checked !== 0) fail(`Content check failed for ${dir}; nothing was built.`);
// Astro writes its prerender bundle into <project>/.astro/ when the output folder lies outside the
// project (tests and benchmarks build into /tmp): such builds take that folder's lock too.
if (!staging.startsWith(root + sep)) {
	try {
		locks.push(await acquireLock(resolve(root, '.astro.lock'), `Astro's working folder ${resolve(root, '.astro')}`, { timeoutMs }));
	} catch (error) {
		fail((error as Error).message);
	}
}
await claim(cache, 'build cache');

// The build reads and writes a copy of the cache; a failed build's copy is thrown away.
if (existsSync(cache)) cpSync(cache, cacheStaging, { recursive: true });
const astro = resolve(root, 'node_modules/astro/bin/astro.mjs');
// Node's default heap limit (~4 GB) is less than the Astro process needs at ~50,000 articles; let it use up to
// half the machine's memory unless NODE_OPTIONS says otherwise (it takes that only when it needs it).
const heap = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '') ? [] : [`--max-old-space-size=${Math.max(4096, Math.floor(totalmem() / 2 / 1024 / 1024))}`];
const built = await run([...heap, '--import', resolve(root, 'scripts/lib/exit-with-parent.ts'), astro, 'build', ...process.argv.slice(2)], {
	ASTRO_TELEMETRY_DISABLED: '1',
	...process.env,
	ASTRO_OUT_DIR: staging,
	ASTRO_CACHE_DIR: cacheStaging,
	// src/integrations/pagefind.ts (SEARCH_RECORDS_ENV): write the search records there, leave indexing to us.
	SEARCH_RECORDS_DIR: records,
	CHECKED_CONTENT_FILE: checkedFile,
});
if (built !== 0) fail(`astro build failed (exit ${built}).`, typeof built === 'number' ? built : 1);
if (!existsSync(resolve(staging, 'index.html'))) fail('astro build wrote no index.html.');

// Search index and service worker in their own process, once Astro has exited and freed its memory.
const indexed = await run(['--import', resolve(root, 'scripts/lib/exit-with-parent.ts'), resolve(root, 'scripts/index-site.ts'), staging, records]);
if (indexed !== 0) fail(`Indexing the site for search failed (exit ${indexed}).`, typeof indexed === 'number' ? indexed : 1);

try {
	promote(staging, dist);
	if (existsSync(cacheStaging)) promote(cacheStaging, cache);
} catch (error) {
	fail(`Could not swap the new site in: ${(error as Error).message}`);
}
cleanUp();
console.log(`✔ Site written to ${dist}`);
// Again at the end, where it is not lost above Astro's log.
if (!siteUrl) console.warn(siteUrlWarning);
