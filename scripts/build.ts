// Builds the site without ever leaving a broken one behind: check content, build into a temporary
// folder, and only then swap it in for dist/. On any failure the last good dist/ stays as it was.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { contentDir } from '../src/content/dir.ts';

const root = process.cwd();
const dist = resolve(root, process.env.DIST_DIR ?? 'dist');
const staging = `${dist}.building`;
const previous = `${dist}.previous`;

function fail(message: string, code = 1): never {
	rmSync(staging, { recursive: true, force: true });
	console.error(`\n✖ ${message}`);
	console.error(existsSync(dist) ? `  The last good site in ${dist} is untouched.` : '  No site was written.');
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

// The check runs in its own process, so the content it reads is not held in memory for the whole build
// (the Astro process reads and checks it again in its content loaders).
const dir = contentDir(root);
const check = spawnSync(process.execPath, [resolve(root, 'scripts/check.ts'), dir], { stdio: 'inherit' });
if (check.status !== 0) fail(`Content check failed for ${dir}; nothing was built.`);

rmSync(staging, { recursive: true, force: true });
const astro = resolve(root, 'node_modules/astro/bin/astro.mjs');
const result = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
	stdio: 'inherit',
	env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env, ASTRO_OUT_DIR: staging },
});
if (result.status !== 0) fail(`astro build failed (exit ${result.status ?? result.signal}).`, result.status || 1);
if (!existsSync(resolve(staging, 'index.html'))) fail('astro build wrote no index.html.');

rmSync(previous, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, previous);
renameSync(staging, dist);
rmSync(previous, { recursive: true, force: true });
console.log(`✔ Site written to ${dist}`);
// Again at the end, where it is not lost above Astro's log.
if (!siteUrl) console.warn(siteUrlWarning);
