// Build benchmark: the full site at 1,000 and 10,000 generated articles, beside a minimal Astro 7 site
// (bench/minimal-astro) and Hugo (bench/hugo-site, when installed), each followed by Pagefind, on the
// same corpus in the same run. Prints a Markdown table and writes it to bench/results.md.
//   npm run bench [-- --counts 1000,10000]
import { spawnSync } from 'node:child_process';
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
	peakMb: number;
}

/** Runs a shell command under GNU time: wall seconds and the peak RSS of the largest process it ran. */
function measure(label: string, command: string, env: Record<string, string> = {}): Measure {
	const out = join(work, 'time.txt');
	const run = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', out, 'sh', '-c', command], {
		cwd: root,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
		encoding: 'utf8',
		maxBuffer: 1 << 28,
	});
	if (run.status !== 0) throw new Error(`${label} failed:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
	const [seconds, kb] = readFileSync(out, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
	const m = { seconds, peakMb: Math.round(kb / 1024) };
	console.error(`  ${label}: ${m.seconds.toFixed(1)} s, ${m.peakMb} MB`);
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
	const full = measure('full site, cold', `"${node}" scripts/build.ts`, env);
	// One article changes: the content layer's cache lets the rebuild skip re-rendering the others.
	const one = join(corpus, 'articles', readdirSync(join(corpus, 'articles')).sort()[0]);
	const original = readFileSync(one, 'utf8');
	appendFileSync(one, '\nДобавленный абзац для проверки пересборки.\n');
	let rebuild: Measure;
	try {
		rebuild = measure('full site, one article changed', `"${node}" scripts/build.ts`, env);
	} finally {
		writeFileSync(one, original);
	}
	const minimal = measure(
		'minimal Astro + Pagefind',
		`"${node}" node_modules/astro/bin/astro.mjs build --root bench/minimal-astro --silent && "${node}" bench/pagefind-index.ts ${work}/minimal-${count}`,
		{ CONTENT_DIR: corpus, ASTRO_OUT_DIR: join(work, `minimal-${count}`), ASTRO_CACHE_DIR: join(work, `cache-minimal-${count}`) },
	);
	const hugo = hasHugo
		? measure(
				'Hugo + Pagefind',
				`hugo --quiet --source bench/hugo-site --contentDir ${corpus} --destination ${work}/hugo-${count} && "${node}" bench/pagefind-index.ts ${work}/hugo-${count}`,
			)
		: undefined;
	results.set(`full-${count}`, full);
	const ratio = (a: Measure, b?: Measure) => (b ? `${(a.seconds / b.seconds).toFixed(2)}×` : '—');
	const fmt = (m?: Measure) => (m ? `${m.seconds.toFixed(1)} s / ${m.peakMb} MB` : 'not installed');
	rows.push(
		`| ${count} | ${fmt(full)} | ${fmt(rebuild)} (${ratio(rebuild, full)}) | ${fmt(minimal)} | ${ratio(full, minimal)} | ${fmt(hugo)} | ${ratio(full, hugo)} |`,
	);
	rmSync(join(work, `full-${count}`), { recursive: true, force: true });
}

const lines = [
	`Build benchmark, ${new Date().toISOString().slice(0, 10)}, ${process.arch}, ${(await import('node:os')).availableParallelism()} cores. Wall time / peak RSS of the largest process.`,
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
