import { basename, join, relative, resolve } from 'node:path';
import { ActorSchema, type ActorData } from '../schema/actor.ts';
import { ArticleSchema, type ArticleData } from '../schema/article.ts';
import type { ActorEntry, ArticleSource } from '../schema/content.ts';
import { guardFile, slugCollisionProblems, sourceLimitProblems } from './limits.ts';
import { drafts } from './rules/drafts.ts';
import { lineOfPath } from './locate.ts';
import { mentionWarnings } from './rules/mention-warnings.ts';
import { actorParents } from './rules/actor-parents.ts';
import { actorReferences } from './rules/actor-references.ts';
import type { PartialEntry, Rule, RuleContext } from './rules/context.ts';
import { eventDates } from './rules/event-dates.ts';
import { principalNamed } from './rules/principal-named.ts';
import { relationDates } from './rules/relation-dates.ts';
import { requiredActors } from './rules/required-actors.ts';
import { shownNames } from './rules/shown-names.ts';
import { uniqueNames } from './rules/unique-names.ts';
import { parsePartial } from './partial.ts';
import { nearest, show, type Problem } from './problems.ts';
import { isProblem, readSource, type SourceFile } from './read.ts';
import { walkMarkdown } from './walk.ts';
import { BODY_PLACEHOLDER, isPlaceholder } from './scaffold.ts';
import { fieldName, schemaProblems } from './schema-messages.ts';

/** What the check gives: the files that passed, and every problem of the run. */
export interface CheckedContent {
	actors: Map<string, ActorEntry>;
	articles: ArticleSource[];
	problems: Problem[];
	/** Every file found, valid or not, for the summary line. */
	found?: { actors: number; articles: number };
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The field names an object in the schema allows at `path`, for "only the fields …" and "did you mean". */
function shapeKeys(schema: unknown, path: readonly PropertyKey[]): string[] {
	const inner = (s: any): any => {
		while (s?.def && ['optional', 'default', 'nullable', 'pipe'].includes(s.def.type)) s = s.def.innerType ?? s.def.in;
		return s;
	};
	let s: any = inner(schema);
	for (const key of path) s = inner(typeof key === 'number' ? s?.def?.element : s?.def?.shape?.[key]);
	return s?.def?.shape ? Object.keys(s.def.shape) : [];
}

export type Collection = 'actors' | 'articles';

/** What checking one file on its own gives: its entry, or the problems that keep it out. */
export interface FileResult {
	collection: Collection;
	entry?: ActorEntry | ArticleSource;
	/** When the file failed its schema: the fields and list entries that did parse. */
	partial?: PartialEntry<ActorData> | PartialEntry<ArticleData>;
	problems: Problem[];
}

/** The Markdown files of each collection, sorted, so runs are repeatable; skipped files go into `problems`. */
export function listContentFiles(contentDir: string, root = process.cwd(), problems?: Problem[]): Record<Collection, string[]> {
	return {
		actors: walkMarkdown(join(contentDir, 'actors'), contentDir, root, problems),
		articles: walkMarkdown(join(contentDir, 'articles'), contentDir, root, problems),
	};
}

/** Checks one file against its schema: encoding, frontmatter, YAML, fields. Needs no other file. */
export function validateFile(collection: Collection, path: string, root = process.cwd()): FileResult {
	const file = relative(root, path) || path;
	const id = basename(path, '.md');
	if (!SLUG.test(id)) {
		const suggestion = id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
		return {
			collection,
			problems: [
				{
					severity: 'error',
					file,
					field: '(file name)',
					found: JSON.stringify(basename(path)),
					expected: 'a file name of lower-case letters, digits and hyphens; it becomes the URL',
					fix: `rename it to "${suggestion}.md"`,
				},
			],
		};
	}
	const source = readSource(path, file);
	if (isProblem(source)) return { collection, problems: [source] };
	const limits = sourceLimitProblems(collection, source);
	const schema = collection === 'actors' ? ActorSchema : ArticleSchema;
	const result = schema.safeParse(source.data);
	// A draft's own error lists what is left to review (src/input/rules/drafts.ts), its TODOs included.
	const problems = collection === 'articles' && source.data.draft !== true ? placeholderProblems(source) : [];
	if (!result.success) {
		problems.push(...schemaProblems(collection, source, result.error.issues, (p) => shapeKeys(schema, p)));
		problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
		// Past a limit the build cannot render: no partial entry either, so no later rule walks it.
		if (limits.length) return { collection, problems: [...limits, ...problems] };
		const data = parsePartial(schema, source.data) as PartialEntry<ActorData>['data'] | undefined;
		return { collection, partial: { id, file, data: data ?? {} }, problems };
	}
	if (limits.length) return { collection, problems: [...limits, ...problems] };
	const entry =
		collection === 'actors'
			? { id, file, data: result.data as ActorData, body: source.body }
			: { id, file, data: result.data as ArticleData, body: source.body, bodyLine: source.bodyLine };
	return { collection, entry, problems };
}

/** What `npm run new` wrote and the author has not replaced yet: never published. */
function placeholderProblems(source: SourceFile): Problem[] {
	const problems: Problem[] = [];
	if (isPlaceholder(source.data.summary)) {
		problems.push({
			severity: 'error',
			file: source.file,
			line: lineOfPath(source.frontmatter, ['summary']),
			field: 'summary',
			found: `the placeholder ${show(source.data.summary)}`,
			expected: "the article's summary: one English paragraph on what it reports",
			fix: 'replace the TODO text after "summary:" with your paragraph, in quotes — e.g. summary: "The US has stepped up…"',
		});
	}
	for (const [key, value] of Object.entries(source.data)) {
		if (key === 'summary' || !isPlaceholder(value)) continue;
		problems.push({
			severity: 'error',
			file: source.file,
			line: lineOfPath(source.frontmatter, [key]),
			field: key,
			found: `the placeholder ${show(value)}`,
			expected: 'the real value, not a TODO',
			fix: `replace the TODO text after "${key}:" with the real value`,
		});
	}
	const at = source.body.indexOf(BODY_PLACEHOLDER);
	if (at !== -1) {
		problems.push({
			severity: 'error',
			file: source.file,
			line: source.bodyLine + source.body.slice(0, at).split('\n').length - 1,
			field: '(text)',
			found: `the placeholder "${BODY_PLACEHOLDER}"`,
			expected: "the article's text, under the closing \"---\"",
			fix: "delete this line and paste the article's text in its place, unchanged and in its own language",
		});
	}
	return problems;
}

/** Line of a frontmatter field, re-reading the file: only needed when there is a problem to report. */
function lineIn(path: string, file: string, fieldPath: PropertyKey[]): number | undefined {
	const source = readSource(path, file);
	return isProblem(source) ? undefined : lineOfPath(source.frontmatter, fieldPath);
}

/** The rules that need more than one file, in the order they report (src/input/rules/, one rule per file). */
const RULES: Rule[] = [
	requiredActors,
	actorParents,
	uniqueNames,
	shownNames,
	actorReferences,
	principalNamed,
	eventDates,
	relationDates,
	drafts,
	mentionWarnings,
];

/** Runs the cross-file rules over what each file's own check gave, and puts every problem in reading order. */
export function crossCheck(results: FileResult[], contentDir: string, root = process.cwd()): CheckedContent {
	const problems: Problem[] = results.flatMap((r) => r.problems);
	const actors = new Map<string, ActorEntry>();
	const articles: ArticleSource[] = [];
	// The rules run on every file: the valid ones, and what parsed of the others.
	const actorData = new Map<string, PartialEntry<ActorData>>();
	const articleData: PartialEntry<ArticleData>[] = [];
	const incomplete = new Set<string>();
	for (const r of results) {
		const entry = r.entry ?? r.partial;
		if (!entry) continue;
		if (!r.entry) incomplete.add(entry.id);
		if (r.collection === 'actors') {
			if (r.entry) actors.set(r.entry.id, r.entry as ActorEntry);
			actorData.set(entry.id, entry as PartialEntry<ActorData>);
		} else {
			if (r.entry) articles.push(r.entry as ArticleSource);
			articleData.push(entry as PartialEntry<ArticleData>);
		}
	}
	articles.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
	const at = (file: string, fieldPath: PropertyKey[]) => lineIn(resolve(root, file), file, fieldPath);
	const actorIds = [...actorData.keys()];
	const context: RuleContext = {
		actorData,
		articleData,
		incomplete,
		actors,
		articles,
		problems,
		actorsFolder: relative(root, join(contentDir, 'actors')) || 'actors',
		at,
		unknownActor(file, path, id) {
			const suggestion = nearest(id, actorIds);
			return {
				severity: 'error',
				file,
				line: at(file, path),
				field: fieldName(path),
				found: JSON.stringify(id),
				expected: 'the id of an actor in content/actors/',
				fix: suggestion ? `did you mean "${suggestion}"?` : `create content/actors/${id}.md, or fix the id`,
			};
		},
	};
	for (const rule of RULES) problems.push(...rule(context));
	// Each file's problems together, top to bottom; files in the order the check read them (actors, then
	// articles, by name), then files it did not find (a missing principal), so the order never depends on
	// which rule spoke first.
	const fileOrder = new Map<string, number>(results.map((r, i) => [r.problems[0]?.file ?? (r.entry ?? r.partial)?.file ?? '', i]));
	for (const p of problems) if (!fileOrder.has(p.file)) fileOrder.set(p.file, fileOrder.size + results.length);
	problems.sort((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || (a.line ?? 0) - (b.line ?? 0));
	const found = {
		actors: results.filter((r) => r.collection === 'actors').length,
		articles: results.filter((r) => r.collection === 'articles').length,
	};
	return { actors, articles, problems, found };
}

/** Reads and validates every actor and article under `contentDir`, reporting all problems of the run together. */
export function checkContent(contentDir: string, root = process.cwd()): CheckedContent {
	const skipped: Problem[] = [];
	const files = listContentFiles(contentDir, root, skipped);
	const results = [
		...files.actors.map((path) => guardFile('actors', path, root, validateFile)),
		...files.articles.map((path) => guardFile('articles', path, root, validateFile)),
	];
	const checked = crossCheck(results, contentDir, root);
	checked.problems.unshift(...skipped, ...slugCollisionProblems(files.actors, root), ...slugCollisionProblems(files.articles, root));
	return checked;
}

/** Just the actors that pass their schema, for tools that need names but not articles (the mention linker). */
export function readActors(contentDir: string, root = process.cwd()): Map<string, ActorEntry> {
	const actors = new Map<string, ActorEntry>();
	for (const path of listContentFiles(contentDir, root).actors) {
		const { entry } = guardFile('actors', path, root, validateFile);
		if (entry) actors.set(entry.id, entry as ActorEntry);
	}
	return actors;
}
