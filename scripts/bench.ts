// Build benchmark: the full site beside a minimal Astro 7 site (bench/minimal-astro) followed by Pagefind, on
// the same corpus in the same run, for the project's generated corpus and the realistic one (Zipf-distributed
// words from dictionary-ru) at 10,000 articles; `--50k` adds the realistic corpus at 50,000. For each: a cold
// build, a rebuild after one changed article, the reference; wall time, the largest process's peak RSS (GNU
// time) and the peak of all the build's processes together (/proc sampled every 250 ms), pages written and
// the size of the search index. Prints one Markdown table and writes it to bench/results.md.
//   npm run bench [-- --50k] [--corpora 10000:small,10000:realistic] [--steps cold,rebuild,reference]
//                 [--root <another checkout, to measure it with this bench>] [--out bench/results.md] [--keep]
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, createWriteStream, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
	options: {
		corpora: { type: 'string', default: '10000:small,10000:realistic' },
		'50k': { type: 'boolean', default: false },
		steps: { type: 'string', default: 'cold,rebuild,reference' },
		root: { type: 'string' },
		out: { type: 'string', default: 'bench/results.md' },
		/** Keep the built sites (in /tmp/site-bench/) for `npm run bench:search -- --site … --minimal …`. */
		keep: { type: 'boolean', default: false },
		/** Where the sites, caches and logs go (two benches at once need two). */
		work: { type: 'string', default: '/tmp/site-bench' },
	},
});
const corpora = values.corpora
	.split(',')
	.filter(Boolean)
	.map((spec) => {
		const [count, vocab = 'small'] = spec.split(':');
		if (!/^\d+$/.test(count) || !['small', 'realistic'].includes(vocab)) throw new Error(`--corpora: found "${spec}", expected <count>:small or <count>:realistic, e.g. 10000:realistic`);
		return { count: Number(count), vocab };
	});
if (values['50k']) corpora.push({ count: 50000, vocab: 'realistic' });
const steps = new Set(values.steps.split(','));
const here = process.cwd();
/** The checkout whose build is measured (this one unless --root). */
const root = resolve(values.root ?? here);
const work = resolve(values.work);
const node = process.execPath;

interface Measure {
	seconds: number;
	/** Peak RSS of the largest single process (GNU time's maximum resident set size). */
	peakMb: number;
	/** Peak of the summed RSS of every process of the command at one moment (sampled). */
	treeMb: number;
	/** The processes at that moment, largest first: "node astro 1800 MB + pagefind 1600 MB". */
	atPeak: string;
}

/** RSS (KB) and a short name of every process in the tree under `pid`, from /proc. */
function processTree(pid: number): { pid: number; name: string; kb: number }[] {
	const children = new Map<number, number[]>();
	const info = new Map<number, { name: string; kb: number }>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			// pid (comm) state ppid … ; comm may hold spaces and parentheses, so split after the last ')'.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const ppid = Number(fields[1]);
			const rssPages = Number(fields[21]);
			const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
			const script = args.find((a, i) => i > 0 && !a.startsWith('-') && /\.(ts|mjs|js)$|pagefind/.test(a));
			const name = `${(args[0] ?? '').split('/').at(-1)}${script ? ` ${script.split('/').slice(-2).join('/')}` : ''}${args.includes('build') ? ' build' : ''}`;
			children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
			info.set(Number(entry), { name, kb: rssPages * 4 });
		} catch {
			// The process ended while being read.
		}
	}
	const tree: { pid: number; name: string; kb: number }[] = [];
	const stack = [pid];
	while (stack.length) {
		const p = stack.pop()!;
		const i = info.get(p);
		if (i) tree.push({ pid: p, ...i });
		stack.push(...(children.get(p) ?? []));
	}
	return tree;
}

/** Runs a shell command under GNU time in `cwd`, sampling its process tree every 250 ms. */
async function measure(label: string, command: string, env: Record<string, string>, cwd = root, logFile?: string): Promise<Measure> {
	const out = join(work, 'time.txt');
	const log = logFile ? createWriteStream(logFile) : undefined;
	const child = spawn('/usr/bin/time', ['-v', '-o', out, 'sh', '-c', command], {
		cwd,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	for (const stream of [child.stdout, child.stderr]) {
		stream.on('data', (chunk) => {
			output = (output + chunk).slice(-4000);
			log?.write(chunk);
		});
	}
	let treeKb = 0;
	let atPeak = '';
	const sampler = setInterval(() => {
		const tree = processTree(child.pid!).filter((p) => p.kb > 20 * 1024);
		const kb = tree.reduce((sum, p) => sum + p.kb, 0);
		if (kb > treeKb) {
			treeKb = kb;
			atPeak = tree
				.sort((a, b) => b.kb - a.kb)
				.map((p) => `${p.name} ${Math.round(p.kb / 1024)} MB`)
				.join(' + ');
		}
	}, 250);
	const status = await new Promise<number | null>((done) => child.on('close', done));
	clearInterval(sampler);
	log?.end();
	if (status !== 0) throw new Error(`${label} failed:\n${output}`);
	const time = readFileSync(out, 'utf8');
	const wall = time.match(/Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/)!;
	const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
	const kb = Number(time.match(/Maximum resident set size \(kbytes\): (\d+)/)![1]);
	const m = { seconds, peakMb: Math.round(kb / 1024), treeMb: Math.round(treeKb / 1024), atPeak };
	console.error(`  ${label}: ${m.seconds.toFixed(1)} s, largest process ${m.peakMb} MB, all processes ${m.treeMb} MB (at that moment: ${atPeak})`);
	return m;
}

/** Pages written (HTML files) and the bytes of the search index folder. */
function siteFigures(dir: string): { pages: number; indexMb: number; indexed?: number } {
	let pages = 0;
	let indexBytes = 0;
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		if (entry.name.endsWith('.html')) pages++;
		if (/(^|\/)pagefind(\/|$)/.test(entry.parentPath.slice(dir.length))) indexBytes += statSync(join(entry.parentPath, entry.name)).size;
	}
	let indexed: number | undefined;
	const entry = join(dir, 'pagefind', 'pagefind-entry.json');
	if (existsSync(entry)) {
		const languages = JSON.parse(readFileSync(entry, 'utf8')).languages as Record<string, { page_count: number }>;
		indexed = Object.values(languages).reduce((sum, l) => sum + l.page_count, 0);
	}
	return { pages, indexMb: indexBytes / 1024 / 1024, indexed };
}

spawnSync('mkdir', ['-p', work]);
const rows: string[] = [];
const notes: string[] = [];
const colds = new Map<string, Measure>();

for (const { count, vocab } of corpora) {
	const name = vocab === 'small' ? `${count}` : `${count}-${vocab}`;
	const corpus = resolve(here, `corpus/${name}`);
	if (!existsSync(corpus) || readdirSync(join(corpus, 'articles')).length !== count) {
		const generated = spawnSync(node, [resolve(here, 'scripts/gen-corpus.ts'), '--count', String(count), '--vocab', vocab, '--out', corpus], { stdio: 'inherit', cwd: here });
		if (generated.status !== 0) throw new Error(`gen-corpus failed for ${name}`);
	}
	console.error(`${name}:`);
	const site = join(work, `full-${name}`);
	const env = { CONTENT_DIR: corpus, DIST_DIR: site, ASTRO_CACHE_DIR: join(work, `cache-${name}`) };
	const refDir = join(work, `minimal-${name}`);
	// Cold: no site, no cache from an earlier run.
	for (const dir of [site, env.ASTRO_CACHE_DIR, refDir, join(work, `cache-minimal-${name}`)]) rmSync(dir, { recursive: true, force: true });
	const build = `"${node}" scripts/build.ts`;
	// The build's own log (phase timings: content sync, Vite, rendering, indexing) stays beside the results.
	const cold = steps.has('cold') ? await measure('full site, cold', build, env, root, join(work, `${name}-cold.log`)) : undefined;
	const figures = cold ? siteFigures(site) : undefined;
	let rebuild: Measure | undefined;
	if (steps.has('rebuild')) {
		// One article changes: unchanged pages come from the incremental cache, unchanged Markdown is not re-rendered.
		const one = join(corpus, 'articles', readdirSync(join(corpus, 'articles')).sort()[0]);
		const original = readFileSync(one, 'utf8');
		appendFileSync(one, '\nДобавленный абзац для проверки пересборки.\n');
		try {
			rebuild = await measure('full site, one article changed', build, env, root, join(work, `${name}-rebuild.log`));
		} finally {
			writeFileSync(one, original);
		}
	}
	const reference = steps.has('reference')
		? await measure(
				'minimal Astro + Pagefind',
				`"${node}" node_modules/astro/bin/astro.mjs build --root bench/minimal-astro --silent && "${node}" bench/pagefind-index.ts ${refDir} und`,
				{ CONTENT_DIR: corpus, ASTRO_OUT_DIR: refDir, ASTRO_CACHE_DIR: join(work, `cache-minimal-${name}`) },
				here,
			)
		: undefined;
	const refFigures = reference ? siteFigures(refDir) : undefined;
	if (cold) colds.set(`${count}:${vocab}`, cold);
	const ratio = (a?: number, b?: number) => (a !== undefined && b ? `${(a / b).toFixed(2)}×` : '—');
	const s = (m?: Measure) => (m ? `${m.seconds.toFixed(1)} s` : '—');
	const mb = (n?: number) => (n !== undefined ? `${n} MB` : '—');
	rows.push(
		`| ${name} | ${figures ? `${figures.pages} (${figures.indexed ?? '?'} indexed)` : '—'} | ${figures ? `${figures.indexMb.toFixed(1)} MB` : '—'} ` +
			`| ${s(cold)} | ${s(rebuild)} (${ratio(rebuild?.seconds, cold?.seconds)}) | ${s(reference)} | **${ratio(cold?.seconds, reference?.seconds)}** ` +
			`| ${mb(cold?.peakMb)} / ${mb(reference?.peakMb)} (${ratio(cold?.peakMb, reference?.peakMb)}) ` +
			`| ${mb(cold?.treeMb)} (+${cold ? cold.treeMb - cold.peakMb : '—'}) / ${mb(reference?.treeMb)} ` +
			`| ${refFigures ? `${refFigures.pages}, ${refFigures.indexMb.toFixed(1)} MB` : '—'} |`,
	);
	if (cold) notes.push(`- ${name}, cold build, processes at the peak of their sum: ${cold.atPeak}`);
	if (rebuild) notes.push(`- ${name}, rebuild: ${rebuild.peakMb} MB largest, ${rebuild.treeMb} MB all (${rebuild.atPeak})`);
	if (reference) notes.push(`- ${name}, reference: ${reference.atPeak}`);
	if (values.keep) console.error(`  kept: ${site} and ${refDir}`);
	else {
		rmSync(site, { recursive: true, force: true });
		rmSync(refDir, { recursive: true, force: true });
	}
}

const lines = [
	`Build benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${process.arch}, ${availableParallelism()} cores, \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\`${values.root ? ` (site built from ${root})` : ''}.`,
	'Reference: minimal Astro 7 (one article template) + Pagefind (`bench/minimal-astro`, `bench/pagefind-index.ts`), same corpus, same run.',
	'Memory: largest process = GNU time\'s maximum resident set size; all processes = peak of their summed RSS, /proc sampled every 250 ms (in brackets: above the largest).',
	'',
	'| corpus | pages written | search index | cold build | one article changed (÷ cold) | reference | cold ÷ reference | largest process: site / reference | all processes: site / reference | reference pages, index |',
	'|---|---:|---:|---:|---:|---:|---:|---|---|---|',
	...rows,
];
const small = colds.get('10000:realistic');
const large = colds.get('50000:realistic');
if (small && large) lines.push('', `Growth of the cold build from 10,000 to 50,000 realistic articles: ${(large.seconds / small.seconds).toFixed(2)}× (goal ≤ 5.5×).`);
lines.push('', ...notes);
const table = lines.join('\n');
writeFileSync(resolve(here, values.out), `${table}\n`);
console.log(table);
