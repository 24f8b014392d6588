// Validates every content file without rendering: `npm run check [-- <content-dir>]`.
import { performance } from 'node:perf_hooks';
import { checkContent } from '../src/content/check.ts';
import { contentDir } from '../src/content/dir.ts';
import { formatProblems } from '../src/content/problems.ts';

const started = performance.now();
const dir = process.argv[2] ?? contentDir();
const { actors, articles, problems } = checkContent(dir);
const ms = Math.round(performance.now() - started);
if (problems.length) console.error(formatProblems(problems));
const errors = problems.filter((p) => p.severity === 'error').length;
console.log(`${errors ? '✖' : '✔'} checked ${articles.length} articles and ${actors.size} actors in ${dir} (${ms} ms)`);
process.exitCode = errors ? 1 : 0;
