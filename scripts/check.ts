// Validates every content file without rendering: `npm run check [-- <content-dir>]`.
// `--save <file>` (scripts/build.ts): when the content has no errors, also writes what was read and checked
// there, for the build's content loaders (src/site/loaders.ts), so the build does not check it twice.
import { performance } from 'node:perf_hooks';
import { checkContent } from '../src/input/check.ts';
import { contentDir } from '../src/input/dir.ts';
import { formatProblems } from '../src/input/problems.ts';
import { count } from '../src/language/wording.ts';
import { parseArgs } from 'node:util';
import { saveCheckedContent } from '../src/site/loaders.ts';

const started = performance.now();
const { positionals, values } = parseArgs({ allowPositionals: true, options: { save: { type: 'string' } } });
const dir = positionals[0] ?? contentDir();
const checked = checkContent(dir);
const { found, problems } = checked;
const ms = Math.round(performance.now() - started);
if (problems.length) console.error(formatProblems(problems));
const errors = problems.filter((p) => p.severity === 'error').length;
console.log(`${errors ? '✖' : '✔'} checked ${count(found!.articles, 'article')} and ${count(found!.actors, 'actor')} in ${dir} (${ms} ms)`);
if (values.save && !errors) {
	saveCheckedContent(values.save, dir, checked);
}
process.exitCode = errors ? 1 : 0;
