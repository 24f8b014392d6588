// Pasted article text → a checked draft: npm run import -- <file.txt|-> [--date YYYY-MM-DD] [--url …] [--outlet …] [--lang ru|en] [--title …] [--force]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { listContentFiles, readActors } from '../src/input/check.ts';
import { contentDir } from '../src/input/dir.ts';
import { exitWithProblem } from '../src/input/problems.ts';
import { decodeText, isProblem, parseSource } from '../src/input/read.ts';
import { buildDraft, detectLang, splitSource } from '../src/input/import/draft.ts';
import { buildMentionMatcher } from '../src/language/mentions.ts';
import { count } from '../src/language/wording.ts';

const USAGE = 'npm run import -- <file.txt|-> [--date YYYY-MM-DD] [--url https://…] [--outlet "…"] [--lang ru|en] [--title "…"] [--force]';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		date: { type: 'string' },
		url: { type: 'string' },
		outlet: { type: 'string' },
		lang: { type: 'string' },
		title: { type: 'string' },
		force: { type: 'boolean', default: false },
	},
});

const input = positionals[0];
if (!input || positionals.length > 1) {
	console.error(`Usage: ${USAGE}`);
	process.exit(2);
}
const inputName = input === '-' ? '(standard input)' : input;
if (input !== '-' && !existsSync(input))
	exitWithProblem({ file: inputName, field: '(file)', found: '(missing)', expected: 'a text file with the article', fix: `check the path, or pipe the text in: … | ${USAGE.replace('<file.txt|->', '-')}` });

const decoded = decodeText(readFileSync(input === '-' ? 0 : input), inputName);
if (isProblem(decoded)) exitWithProblem(decoded);
const { date: markedDate, text } = splitSource(decoded);
if (!text.trim()) exitWithProblem({ file: inputName, field: '(text)', found: '(empty)', expected: 'the article text', fix: 'paste the text into the file' });

const day = values.date ?? markedDate ?? new Date().toISOString().slice(0, 10);
const published = new Date(`${day}T00:00:00Z`);
if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(published.getTime()) || published.toISOString().slice(0, 10) !== day)
	exitWithProblem({ file: inputName, field: '--date', found: JSON.stringify(day), expected: 'a real calendar day as YYYY-MM-DD, e.g. 2025-09-15', fix: 'pass --date with the publication day' });

const lang = values.lang ?? detectLang(text);
if (lang !== 'ru' && lang !== 'en') exitWithProblem({ file: inputName, field: '--lang', found: JSON.stringify(lang), expected: 'ru or en', fix: 'pass --lang ru or --lang en' });
if (values.url && !/^https?:\/\/\S+$/.test(values.url))
	exitWithProblem({ file: inputName, field: '--url', found: JSON.stringify(values.url), expected: 'an http(s) URL', fix: 'pass the article\'s address, e.g. --url https://example.org/article' });

const dir = contentDir();
const actors = readActors(dir);
const draft = buildDraft({ text, published, lang, matcher: buildMentionMatcher(actors), title: values.title, url: values.url, outlet: values.outlet });
const target = join(dir, 'articles', `${draft.slug}.md`);
const shown = relative(process.cwd(), target) || target;

// Idempotent: the same text is imported once. An article already holding it (under any name) or the target file stop the run.
const sameText = listContentFiles(dir).articles.find((path) => {
	const source = decodeText(readFileSync(path), path);
	if (isProblem(source)) return false;
	const parsed = parseSource(source, path);
	return !isProblem(parsed) && parsed.body === text;
});
if (existsSync(target) && readFileSync(target, 'utf8') === draft.markdown) {
	console.log(`Unchanged: ${shown} already holds this draft.`);
	process.exit(0);
}
if (!values.force) {
	if (sameText) {
		const other = relative(process.cwd(), sameText) || sameText;
		exitWithProblem({
			file: other,
			field: '(file)',
			found: `an article with the same text${other === shown ? ', edited since it was imported' : ''}`,
			expected: 'each text imported once',
			fix: `edit ${other}; or run again with --force to replace ${shown} with a fresh draft`,
		});
	}
	if (existsSync(target))
		exitWithProblem({ file: shown, field: '(file)', found: 'an existing article with another text', expected: 'a new file name', fix: 'pass another --title, or --force to replace it' });
}
const existed = existsSync(target);
writeFileSync(target, draft.markdown);
if (sameText && sameText !== target) console.warn(`Note: ${relative(process.cwd(), sameText)} holds the same text; remove one of the two.`);

const actorCount = `${count(draft.actors.length, 'actor')}`;
console.log(`${existed ? 'Replaced' : 'Created'} ${shown} (draft: true)`);
console.log(`  ${actorCount}, ${draft.events.length} events, ${draft.cites.length} cited outlet(s), ${draft.candidates.length} unknown name(s) in comments`);
for (const candidate of draft.candidates.slice(0, 10)) console.log(`  unknown: ${candidate.name} (${candidate.count}×) → ${candidate.command}`);
console.log('Next: review every TODO and guess in the frontmatter, remove `draft: true`, then run: npm run check');
