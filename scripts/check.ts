// Validates every content file without rendering: `npm run check [-- <content-dir>]`.
import { performance } from 'node:perf_hooks';
import { checkContent } from '../src/input/check.ts';
import { contentDir } from '../src/input/dir.ts';
import { formatProblems } from '../src/input/problems.ts';
import { count } from '../src/language/wording.ts';

const started = performance.now();
const dir = process.argv[2] ?? contentDir();
const { found, problems } = checkContent(dir);
const ms = Math.round(performance.now() - started);
if (problems.length) console.error(formatProblems(problems));
const errors = problems.filter((p) => p.severity === 'error').length;
console.log(`${errors ? '✖' : '✔'} checked ${count(found!.articles, 'article')} and ${count(found!.actors, 'actor')} in ${dir} (${ms} ms)`);
process.exitCode = errors ? 1 : 0;
