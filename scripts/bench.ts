// Build benchmark: the full site at 1,000 and 10,000 generated articles, beside a minimal Astro 7 site
// (bench/minimal-astro) and Hugo (bench/hugo-site, when installed), each followed by Pagefind, on the
// same corpus in the same run. Prints a Markdown table and writes it to bench/results.md.
//   npm run bench [-- --counts 1000,10000]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { counts: { type: 'string', default: '1000,10000' } } });
const counts = values.counts.split(',').map(Number);
const root = process.cwd();
const work = '/tmp/site-bench';
const node = process.execPath;

interface Measure {
	seconds: number;
	/** Peak RSS of the largest single process (GNU time). */
	peakMb: number;
	/** Peak of the summed RSS of every process the command ran at once (Astro and Pagefind overlap). */
	treeMb: number;
}

/** Summed RSS (KB) of a process and all its descendants, from one `ps` snapshot. */
function treeRssKb(pid: number): number {
	const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' })
		.trim()
		.split('\n')
		.map((line) => line.trim().split(/\s+/).map(Number));
	const children = new Map<number, number[]>();
	for (const [p, pp] of rows) children.set(pp, [...(children.get(pp) ?? []), p]);
	const rss = new Map(rows.map(([p, , r]) => [p, r]));
	let total = 0;
	const stack = [pid];
	while (stack.length) {
		const p = stack.pop()!;
		total += rss.get(p) ?? 0;
		stack.push(...(children.get(p) ?? []));
	}
	return total;
}

/**
 * Runs a shell command under GNU time: wall seconds and the peak RSS of the largest process it ran; a
 * `ps` sample every 250 ms adds the peak of all its processes together.
 */
async function measure(label: string, command: string, env: Record<string, string> = {}): Promise<Measure> {
	const out = join(work, 'time.txt');
	const child = spawn('/usr/bin/time', ['-f', '%e %M', '-o', out, 'sh', '-c', command], {
		cwd: root,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-3000)));
	child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-3000)));
	let treeKb = 0;
	const sampler = setInterval(() => (treeKb = Math.max(treeKb, treeRssKb(child.pid!))), 250);
	const status = await new Promise<number | null>((done) => child.on('close', done));
	clearInterval(sampler);
	if (status !== 0) throw new Error(`${label} failed:\n${output}`);
	const [seconds, kb] = readFileSync(out, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
	const m = { seconds, peakMb: Math.round(kb / 1024), treeMb: Math.round(treeKb / 1024) };
	console.error(`  ${label}: ${m.seconds.toFixed(1)} s, largest process ${m.peakMb} MB, all processes ${m.treeMb} MB`);
	return m;
}

const hasHugo = spawnSync('sh', ['-c', 'command -v hugo']).status === 0;
const rows: string[] = [];
const results = new Map<string, Measure>();
rmSync(work, { recursive: true, force: true });
spawnSync('mkdir', ['-p', work]);

for (const count of counts) {
	const corpus = resolve(`corpus/${count}`);
	if (!existsSync(corpus) || readdirSync(join(corpus, 'articles')).length !== count) {
		spawnSync(node, ['scripts/gen-corpus.ts', '--count', String(count), '--out', corpus], { stdio: 'inherit' });
	}
	console.error(`${count} articles:`);
	const cache = join(work, `cache-${count}`);
	const env = { CONTENT_DIR: corpus, DIST_DIR: join(work, `full-${count}`), ASTRO_CACHE_DIR: cache };
	const full = await measure('full site, cold', `"${node}" scripts/build.ts`, env);
	// One article changes: the content layer's cache lets the rebuild skip re-rendering the others.
	const one = join(corpus, 'articles', readdirSync(join(corpus, 'articles')).sort()[0]);
	const original = readFileSync(one, 'utf8');
	appendFileSync(one, '\nДобавленный абзац для проверки пересборки.\n');
	let rebuild: Measure;
	try {
		rebuild = await measure('full site, one article changed', `"${node}" scripts/build.ts`, env);
	} finally {
		writeFileSync(one, original);
	}
	const minimal = await measure(
		'minimal Astro + Pagefind',
		`"${node}" node_modules/astro/bin/astro.mjs build --root bench/minimal-astro --silent && "${node}" bench/pagefind-index.ts ${work}/minimal-${count}`,
		{ CONTENT_DIR: corpus, ASTRO_OUT_DIR: join(work, `minimal-${count}`), ASTRO_CACHE_DIR: join(work, `cache-minimal-${count}`) },
	);
	const hugo = hasHugo
		? await measure(
				'Hugo + Pagefind',
				`hugo --quiet --source bench/hugo-site --contentDir ${corpus} --destination ${work}/hugo-${count} && "${node}" bench/pagefind-index.ts ${work}/hugo-${count}`,
			)
		: undefined;
	results.set(`full-${count}`, full);
	const ratio = (a: Measure, b?: Measure) => (b ? `${(a.seconds / b.seconds).toFixed(2)}×` : '—');
	const fmt = (m?: Measure) => (m ? `${m.seconds.toFixed(1)} s / ${m.peakMb} MB / ${m.treeMb} MB` : 'not installed');
	rows.push(
		`| ${count} | ${fmt(full)} | ${fmt(rebuild)} (${ratio(rebuild, full)}) | ${fmt(minimal)} | ${ratio(full, minimal)} | ${fmt(hugo)} | ${ratio(full, hugo)} |`,
	);
	rmSync(join(work, `full-${count}`), { recursive: true, force: true });
}

const lines = [
	`Build benchmark, ${new Date().toISOString().slice(0, 10)}, ${process.arch}, ${(await import('node:os')).availableParallelism()} cores. Wall time / peak RSS of the largest process / peak RSS of all its processes together (sampled every 250 ms).`,
	'',
	'| articles | full site (cold) | one article changed (÷ cold) | minimal Astro + Pagefind | full ÷ minimal | Hugo + Pagefind | full ÷ Hugo |',
	'|---:|---|---|---|---:|---|---:|',
	...rows,
];
const small = results.get(`full-${counts[0]}`);
const large = results.get(`full-${counts.at(-1)}`);
if (small && large && counts.length > 1) {
	lines.push('', `Growth from ${counts[0]} to ${counts.at(-1)} articles: ${(large.seconds / small.seconds).toFixed(2)}× (target ≤ 11×).`);
}
const table = lines.join('\n');
writeFileSync('bench/results.md', `${table}\n`);
console.log(table);
