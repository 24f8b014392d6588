// The build script's promises that need no Astro build: a site left in dist.previous by a build stopped
// mid-swap comes back, a held lock is reported, and `npm run new` writes only inside content/articles/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentTree } from '../fixtures/content-tree.ts';

const repo = resolve(import.meta.dirname, '../..');
// Each test starts Node processes: allow for a loaded machine.
vi.setConfig({ testTimeout: 30_000 });
let cleanup: string[] = [];
afterEach(() => {
	for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
	cleanup = [];
});

function runBuild(env: Record<string, string>) {
	return spawnSync(process.execPath, [join(repo, 'scripts/build.ts')], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env } });
}

/** A tree whose check fails (so no Astro build runs), with the last good site left in site.previous/. */
function stoppedMidSwap() {
	const t = contentTree();
	cleanup.push(t.root);
	t.write('articles/2025-09-15-good.md', '---\ntitle: x\n');
	const site = join(t.root, 'site');
	mkdirSync(`${site}.previous`);
	writeFileSync(join(`${site}.previous`, 'index.html'), '<!doctype html><title>last good site</title>');
	return { ...t, site };
}

describe('the build script', () => {
	it('puts back the last good site from dist.previous when a build was stopped between its renames', () => {
		const t = stoppedMidSwap();
		const run = runBuild({ CONTENT_DIR: t.content, DIST_DIR: t.site, ASTRO_CACHE_DIR: join(t.root, 'cache') });
		expect(run.status).toBe(1);
		expect(run.stdout).toContain(`Restored the last good site from ${t.site}.previous`);
		expect(run.stderr).toContain(`The last good site in ${t.site} is untouched.`);
		expect(run.stderr).not.toContain('No site was written');
		expect(readFileSync(join(t.site, 'index.html'), 'utf8')).toContain('last good site');
		expect(existsSync(`${t.site}.previous`)).toBe(false);
		expect(existsSync(`${t.site}.lock`)).toBe(false);
	});

	it('refuses, naming the other build, while a live build holds the lock (BUILD_LOCK_TIMEOUT=0)', () => {
		const t = stoppedMidSwap();
		// This test process is alive: its pid in the lock file stands for a running build.
		writeFileSync(`${t.site}.lock`, JSON.stringify({ pid: process.pid, started: '2026-01-01T00:00:00.000Z' }));
		const run = runBuild({ CONTENT_DIR: t.content, DIST_DIR: t.site, ASTRO_CACHE_DIR: join(t.root, 'cache'), BUILD_LOCK_TIMEOUT: '0' });
		expect(run.status).toBe(1);
		expect(run.stderr).toContain(`Another build (pid ${process.pid}, started 2026-01-01T00:00:00.000Z) is writing the site in ${t.site}.`);
		expect(run.stderr).toContain(`if no build runs, delete ${t.site}.lock`);
		// The message does not claim there is no site while the good one waits in site.previous/.
		expect(run.stderr).toContain(`The last good site is in ${t.site}.previous`);
		expect(existsSync(`${t.site}.lock`)).toBe(true);
	});

	it('takes over a lock whose build no longer runs', () => {
		const t = stoppedMidSwap();
		const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
		writeFileSync(`${t.site}.lock`, JSON.stringify({ pid: Number(dead.stdout.trim()), started: '2026-01-01T00:00:00.000Z' }));
		const run = runBuild({ CONTENT_DIR: t.content, DIST_DIR: t.site, ASTRO_CACHE_DIR: join(t.root, 'cache'), BUILD_LOCK_TIMEOUT: '0' });
		expect(run.stderr).toMatch(/Taking over a stale build lock .*no longer runs/);
		expect(run.stderr).toContain('Content check failed');
		expect(existsSync(`${t.site}.lock`)).toBe(false);
	});
});

describe('npm run new', () => {
	const scaffold = (content: string, ...args: string[]) =>
		spawnSync(process.execPath, [join(repo, 'scripts/new-article.ts'), ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, CONTENT_DIR: content } });

	it.each([
		['--date', '../..', /--date "\.\.\/\.\.": expected the article's publication day as YYYY-MM-DD/],
		['--date', '2025-02-30', /--date "2025-02-30": expected .*YYYY-MM-DD/],
		['--lang', 'ru\ntitle: x', /--lang "ru\\ntitle: x": expected a language tag/],
	])('refuses %s %j and writes nothing', (flag, value, says) => {
		const t = contentTree();
		cleanup.push(t.root);
		const before = readdirSync(t.root, { recursive: true }).sort();
		const run = scaffold(t.content, 'Hostile', flag, value);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(says);
		expect(readdirSync(t.root, { recursive: true }).sort()).toEqual(before);
	});

	it('writes a valid date into content/articles/', () => {
		const t = contentTree();
		cleanup.push(t.root);
		const run = scaffold(t.content, 'Hostile', '--date', '2025-09-15');
		expect(run.status, run.stderr).toBe(0);
		expect(existsSync(join(t.content, 'articles/2025-09-15-hostile.md'))).toBe(true);
	});
});
