// Times `npm run check` on a generated corpus, as a fresh process each run (what an author waits for):
//   npm run bench:check [-- --count 10000 --runs 3]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' } } });
const count = Number(values.count);
const corpus = resolve(`corpus/${count}`);
if (!existsSync(corpus) || readdirSync(resolve(corpus, 'articles')).length !== count) {
	spawnSync(process.execPath, ['scripts/gen-corpus.ts', '--count', String(count), '--out', corpus], { stdio: 'inherit' });
}
const times: number[] = [];
for (let i = 0; i < Number(values.runs); i++) {
	const started = performance.now();
	const run = spawnSync(process.execPath, ['scripts/check.ts', corpus], { encoding: 'utf8' });
	times.push(performance.now() - started);
	if (run.status !== 0) {
		console.error(run.stderr.slice(-2000));
		process.exit(1);
	}
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`| articles | runs | median wall time | fastest | slowest | target |`);
console.log(`|---:|---:|---:|---:|---:|---:|`);
console.log(`| ${count} | ${times.length} | ${(median / 1000).toFixed(2)} s | ${(times[0] / 1000).toFixed(2)} s | ${(times.at(-1)! / 1000).toFixed(2)} s | < 5 s |`);
process.exitCode = median < 5000 ? 0 : 1;
