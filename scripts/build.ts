// Builds the site without ever leaving a broken one behind, or a trace of a failed build in the next one:
// - one build at a time per output folder and per cache (a lock file holding the pid; a dead pid's lock is
//   taken over), a second build waits for the first;
// - the check runs first; then `astro build` writes into dist.building/ with a *copy* of the incremental
//   cache (cacheDir.building/), and both are promoted only when the whole build succeeded, so a failed or
//   killed build's pages never come back from the cache;
// - dist/ is swapped in with two renames; a build killed between them leaves the good site in
//   dist.previous/, which the next build (or `npm run preview` after it) puts back first;
// - SIGINT/SIGTERM are passed on to the running child, and `astro build` exits by itself when this script
//   dies without a word (SIGKILL), so no orphan keeps writing.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentDir } from '../src/content/dir.ts';
import { acquireLock, type Lock } from './lib/lock.ts';
import { promote, recover } from './lib/swap.ts';

const root = process.cwd();
const dist = resolve(root, process.env.DIST_DIR ?? 'dist');
const staging = `${dist}.building`;
const cache = resolve(root, process.env.ASTRO_CACHE_DIR ?? 'node_modules/.astro');
const cacheStaging = `${cache}.building`;

const locks: Lock[] = [];
let owned = false;
let child: ChildProcess | undefined;

/** Removes this build's temporary folders (only once it holds the locks: before, they are another build's). */
function cleanUp() {
	if (owned) {
		rmSync(staging, { recursive: true, force: true });
		rmSync(cacheStaging, { recursive: true, force: true });
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
try {
	locks.push(await acquireLock(`${dist}.lock`, `the site in ${dist}`, { timeoutMs }));
	locks.push(await acquireLock(`${cache}.lock`, `the build cache in ${cache}`, { timeoutMs }));
	owned = true;
} catch (error) {
	fail((error as Error).message);
}

// A build killed during its swap left the good site (or cache) in *.previous: put it back first.
for (const [folder, what] of [
	[dist, 'site'],
	[cache, 'build cache'],
] as const) {
	if (recover(folder)) console.log(`↺ Restored the last good ${what} from ${folder}.previous (a build was stopped while swapping it in).`);
}
rmSync(staging, { recursive: true, force: true });
rmSync(cacheStaging, { recursive: true, force: true });

// The check runs in its own process, so the content it reads is not held in memory for the whole build
// (the Astro process reads and checks it again in its content loaders).
const dir = contentDir(root);
const checked = await run([resolve(root, 'scripts/check.ts'), dir]);
if (checked !== 0) fail(`Content check failed for ${dir}; nothing was built.`);

// The build reads and writes a copy of the cache; a failed build's copy is thrown away.
if (existsSync(cache)) cpSync(cache, cacheStaging, { recursive: true });
const astro = resolve(root, 'node_modules/astro/bin/astro.mjs');
const built = await run(['--import', resolve(root, 'scripts/lib/exit-with-parent.ts'), astro, 'build', ...process.argv.slice(2)], {
	ASTRO_TELEMETRY_DISABLED: '1',
	...process.env,
	ASTRO_OUT_DIR: staging,
	ASTRO_CACHE_DIR: cacheStaging,
});
if (built !== 0) fail(`astro build failed (exit ${built}).`, typeof built === 'number' ? built : 1);
if (!existsSync(resolve(staging, 'index.html'))) fail('astro build wrote no index.html.');

promote(staging, dist);
if (existsSync(cacheStaging)) promote(cacheStaging, cache);
cleanUp();
console.log(`✔ Site written to ${dist}`);
// Again at the end, where it is not lost above Astro's log.
if (!siteUrl) console.warn(siteUrlWarning);
