// A build that is killed leaves no trace in the next one; two builds at once leave one consistent site.
// These run the real build script on a copy of the content, with their own output folder and cache.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const ARTICLE = 'articles/2025-09-15-us-mali-junta.md';
const ARTICLE_PAGE = 'articles/2025-09-15-us-mali-junta/index.html';
const TITLE = 'title: "Администрация Трампа активизировала сотрудничество с хунтой в Мали"';

let work: string;
const content = (name = 'content') => join(work, name);
const site = () => join(work, 'site');
const cache = () => join(work, 'cache');
const env = (contentName = 'content') => ({
	...process.env,
	CONTENT_DIR: content(contentName),
	DIST_DIR: site(),
	ASTRO_CACHE_DIR: cache(),
});

function build() {
	const run = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: root, encoding: 'utf8', env: env() });
	expect(run.status, run.stdout.slice(-2000) + run.stderr.slice(-2000)).toBe(0);
	return run.stdout + run.stderr;
}

/** Every text file under `dir` that contains `needle`. */
function filesContaining(dir: string, needle: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((d) => d.isFile() && /\.(html|json|xml|csv|ics|txt|js)$/.test(d.name))
		.map((d) => join(d.parentPath, d.name))
		.filter((file) => readFileSync(file, 'utf8').includes(needle));
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * Starts the build script in the background: `reached` resolves once its standard output shows `mark`,
 * `exited` with its exit code (or the signal that stopped it); `output()` is all it printed so far.
 */
function startBuild(mark: string | RegExp) {
	const run = spawn(process.execPath, ['scripts/build.ts'], { cwd: root, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	run.stderr.on('data', (chunk) => (output += chunk));
	const reached = new Promise<void>((done) => {
		run.stdout.on('data', (chunk) => {
			output += chunk;
			if (typeof mark === 'string' ? output.includes(mark) : mark.test(output)) done();
		});
	});
	const exited = new Promise<number | string | null>((done) => run.once('exit', (code, signal) => done(signal ?? code)));
	return { run, reached, exited, output: () => output };
}

beforeAll(() => {
	work = mkdtempSync(join(tmpdir(), 'build-safety-'));
	cpSync(join(root, 'content'), content(), { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a killed build', () => {
	it('leaves no orphaned astro build, and no trace in the next build once the edit is reverted', async () => {
		build(); // the last good site and a warm cache
		const file = join(content(), ARTICLE);
		const original = readFileSync(file, 'utf8');
		writeFileSync(file, original.replace(TITLE, 'title: "RETRACT-ME Администрация Трампа"'));

		// Kill the build script (SIGKILL: no chance to clean up) once its article page has been rendered.
		const killed = startBuild(`/${ARTICLE_PAGE}`);
		await killed.reached;
		const { child } = JSON.parse(readFileSync(`${site()}.lock`, 'utf8')) as { child: number };
		killed.run.kill('SIGKILL');
		expect(await killed.exited).toBe('SIGKILL');
		expect(killed.output(), 'the build finished before it could be killed').not.toContain('Site written');

		// The astro build it started stops by itself.
		for (let i = 0; i < 40 && alive(child); i++) await sleep(100);
		expect(alive(child), `astro build (pid ${child}) still runs after its build script was killed`).toBe(false);
		expect(filesContaining(site(), 'RETRACT-ME')).toEqual([]);

		writeFileSync(file, original);
		const next = build();
		expect(next).toMatch(/Taking over a stale build lock/);
		expect(filesContaining(site(), 'RETRACT-ME')).toEqual([]);
		expect(filesContaining(cache(), 'RETRACT-ME')).toEqual([]);
		expect(readFileSync(join(site(), ARTICLE_PAGE), 'utf8')).toContain('Администрация Трампа активизировала');
		expect(existsSync(`${site()}.building`) || existsSync(`${cache()}.building`) || existsSync(`${site()}.lock`)).toBe(false);
	}, 420_000);

	it('passes SIGTERM on to astro build and removes its temporary folders', async () => {
		const stopped = startBuild(/generating static routes/);
		await stopped.reached;
		const { child } = JSON.parse(readFileSync(`${site()}.lock`, 'utf8')) as { child: number };
		stopped.run.kill('SIGTERM');
		expect(await stopped.exited).toBe(143);
		expect(alive(child)).toBe(false);
		expect(stopped.output()).toMatch(/Build stopped by SIGTERM; nothing was published\.\n {2}The last good site in .* is untouched\./);
		expect(existsSync(`${site()}.building`) || existsSync(`${cache()}.building`) || existsSync(`${site()}.lock`)).toBe(false);
		expect(readFileSync(join(site(), ARTICLE_PAGE), 'utf8')).toContain('Администрация Трампа активизировала');
	}, 240_000);
});

describe('a failed search index', () => {
	it('publishes nothing: the last good site stays, with none of the new build in it or in the cache', async () => {
		build();
		const file = join(content(), ARTICLE);
		const original = readFileSync(file, 'utf8');
		writeFileSync(file, original.replace(TITLE, 'title: "RETRACT-ME Администрация Трампа"'));
		try {
			// Pagefind indexes in its own process after astro build exits; kill it (as the kernel's OOM killer would).
			const run = startBuild(/indexes them after Astro exits/);
			await run.reached;
			const astro = (JSON.parse(readFileSync(`${site()}.lock`, 'utf8')) as { child: number }).child;
			let indexer = astro;
			for (let i = 0; i < 200 && (indexer === astro || !alive(indexer)); i++) {
				await sleep(25);
				indexer = (JSON.parse(readFileSync(`${site()}.lock`, 'utf8')) as { child: number }).child;
			}
			expect(indexer, 'the build script never started the indexer').not.toBe(astro);
			process.kill(indexer, 'SIGKILL');
			expect(await run.exited).toBe(1);
			expect(run.output()).toMatch(/Indexing the site for search failed \(exit SIGKILL\)\.\n {2}The last good site in .* is untouched\./);
			expect(run.output()).not.toContain('Site written');
		} finally {
			writeFileSync(file, original);
		}
		expect(filesContaining(site(), 'RETRACT-ME')).toEqual([]);
		expect(filesContaining(cache(), 'RETRACT-ME')).toEqual([]);
		expect(readFileSync(join(site(), ARTICLE_PAGE), 'utf8')).toContain('Администрация Трампа активизировала');
		expect(existsSync(join(site(), 'pagefind', 'pagefind-entry.json'))).toBe(true);
		expect(readdirSync(work).filter((f) => /\.(building|building-data|lock)$/.test(f))).toEqual([]);
	}, 420_000);
});

describe('two builds at once', () => {
	it('run one after the other and leave one consistent site', async () => {
		// Two different versions of the content: every page of the result must come from the same one.
		cpSync(content(), content('content-b'), { recursive: true });
		const fileB = join(content('content-b'), ARTICLE);
		writeFileSync(fileB, readFileSync(fileB, 'utf8').replace(TITLE, 'title: "VERSION-B Администрация Трампа"'));
		const start = (name: string) =>
			new Promise<{ code: number | null; out: string }>((done) => {
				const child = spawn(process.execPath, ['scripts/build.ts'], { cwd: root, env: env(name), stdio: ['ignore', 'pipe', 'pipe'] });
				let out = '';
				child.stdout.on('data', (c) => (out += c));
				child.stderr.on('data', (c) => (out += c));
				child.once('exit', (code) => done({ code, out }));
			});
		const [a, b] = await Promise.all([start('content'), start('content-b')]);
		expect(a.code, a.out.slice(-2000)).toBe(0);
		expect(b.code, b.out.slice(-2000)).toBe(0);
		expect(`${a.out}\n${b.out}`).toMatch(/Another build \(pid \d+, started [^)]+\) is writing the site in .*; waiting for it to finish/);

		const marked = ['index.html', ARTICLE_PAGE, 'articles/index.html', 'rss.xml', 'data/events.json'].map((f) =>
			readFileSync(join(site(), f), 'utf8').includes('VERSION-B'),
		);
		expect(new Set(marked).size, `pages from different builds: ${marked}`).toBe(1);
		const winner = a.out.includes('waiting for it to finish') ? 'content' : 'content-b';
		expect(marked[0]).toBe(winner === 'content-b');
	}, 420_000);
});
