import { basename, join, relative, resolve } from 'node:path';
import type { z } from 'astro/zod';
import { ActorSchema, type ActorData } from '../schema/actor.ts';
import { ArticleSchema, type ArticleData } from '../schema/article.ts';
import { parseEdtf } from '../schema/edtf.ts';
import { BLOCS } from '../schema/ids.ts';
import { guardFile, slugCollisionProblems, sourceLimitProblems } from './limits.ts';
import { lineOfPath } from './locate.ts';
import { mentionWarnings } from './mention-warnings.ts';
import { nearest, show, type Problem } from './problems.ts';
import { isProblem, readSource, type SourceFile } from './read.ts';
import { walkMarkdown } from './walk.ts';

export interface ActorEntry {
	id: string;
	file: string;
	data: ActorData;
	body: string;
}

export interface ArticleEntry {
	id: string;
	file: string;
	data: ArticleData;
	body: string;
	bodyLine: number;
}

export interface CheckedContent {
	actors: Map<string, ActorEntry>;
	articles: ArticleEntry[];
	problems: Problem[];
}

/** Actors every site of this story must have: the principals and those the first article names. */
export const REQUIRED_ACTORS = [...BLOCS];

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function fieldName(path: readonly PropertyKey[]): string {
	return path.reduce<string>(
		(acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
		'',
	);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let value: any = data;
	for (const key of path) value = value?.[key as any];
	return value;
}

/** Turns zod issues into problems an author can act on. */
function schemaProblems(source: SourceFile, issues: z.core.$ZodIssue[], knownKeys: (path: readonly PropertyKey[]) => string[]): Problem[] {
	return issues.map((issue) => {
		if (issue.code === 'unrecognized_keys') {
			const key = issue.keys[0];
			const path = [...issue.path, key];
			const suggestion = nearest(key, knownKeys(issue.path));
			return {
				severity: 'error',
				file: source.file,
				line: lineOfPath(source.frontmatter, path),
				field: fieldName(path),
				found: `unknown field "${issue.keys.join('", "')}"`,
				expected: `only the fields ${knownKeys(issue.path).join(', ')}`,
				fix: suggestion ? `did you mean "${suggestion}"?` : 'remove the field, or add it to the schema in src/schema/',
			} satisfies Problem;
		}
		const found = valueAt(source.data, issue.path);
		const missing = found === undefined;
		return {
			severity: 'error',
			file: source.file,
			line: lineOfPath(source.frontmatter, issue.path),
			field: fieldName(issue.path) || '(frontmatter)',
			found: missing ? '(missing)' : show(found),
			expected: missing && issue.code === 'invalid_type' ? `a value: ${issue.message.replace(/^Invalid input: /, '')}` : issue.message,
			fix: missing ? `add the field "${String(issue.path.at(-1))}"` : undefined,
		} satisfies Problem;
	});
}

function shapeKeys(schema: any, path: readonly PropertyKey[]): string[] {
	let s = schema;
	for (const key of path) {
		while (s?.unwrap && !s.shape) s = s.unwrap();
		if (typeof key === 'number') s = s?.element ?? s?.def?.element;
		else s = s?.shape?.[key];
	}
	while (s?.unwrap && !s.shape) s = s.unwrap();
	return s?.shape ? Object.keys(s.shape) : [];
}

export type Collection = 'actors' | 'articles';

/** What checking one file on its own gives: its entry, or the problems that keep it out. */
export interface FileResult {
	collection: Collection;
	entry?: ActorEntry | ArticleEntry;
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
	if (!result.success) {
		return { collection, problems: [...limits, ...schemaProblems(source, result.error.issues, (p) => shapeKeys(schema, p))] };
	}
	if (limits.length) return { collection, problems: limits };
	const entry =
		collection === 'actors'
			? { id, file, data: result.data as ActorData, body: source.body }
			: { id, file, data: result.data as ArticleData, body: source.body, bodyLine: source.bodyLine };
	return { collection, entry, problems: [] };
}

/** Line of a frontmatter field, re-reading the file: only needed when there is a problem to report. */
function lineIn(path: string, file: string, fieldPath: PropertyKey[]): number | undefined {
	const source = readSource(path, file);
	return isProblem(source) ? undefined : lineOfPath(source.frontmatter, fieldPath);
}

/**
 * The rules that need more than one file: references exist, required actors, parent cycles,
 * unambiguous aliases, event dates against their article and across articles.
 */
export function crossCheck(results: FileResult[], contentDir: string, root = process.cwd()): CheckedContent {
	const problems: Problem[] = results.flatMap((r) => r.problems);
	const actors = new Map<string, ActorEntry>();
	const articles: ArticleEntry[] = [];
	for (const r of results) {
		if (!r.entry) continue;
		if (r.collection === 'actors') actors.set(r.entry.id, r.entry as ActorEntry);
		else articles.push(r.entry as ArticleEntry);
	}
	const at = (file: string, fieldPath: PropertyKey[]) => lineIn(resolve(root, file), file, fieldPath);

	const actorIds = [...actors.keys()];
	const actorsFolder = relative(root, join(contentDir, 'actors')) || 'actors';
	for (const id of REQUIRED_ACTORS) {
		if (!actors.has(id) && !problems.some((p) => p.file.endsWith(`/${id}.md`))) {
			problems.push({
				severity: 'error',
				file: `${actorsFolder}/${id}.md`,
				field: '(file)',
				found: '(missing)',
				expected: `an actor file for the principal "${id}"`,
				fix: `create ${actorsFolder}/${id}.md with name, kind and bloc: ${id}`,
			});
		}
	}

	function unknownActor(file: string, path: PropertyKey[], id: string): Problem {
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
	}

	// Actors: parents exist, no cycles, aliases unambiguous.
	for (const actor of actors.values()) {
		const parent = actor.data.parent;
		if (parent && !actors.has(parent)) problems.push(unknownActor(actor.file, ['parent'], parent));
	}
	const reportedCycles = new Set<string>();
	for (const actor of actors.values()) {
		const chain = [actor.id];
		let current = actor.data.parent;
		while (current && actors.has(current)) {
			if (chain.includes(current)) {
				const cycle = chain.slice(chain.indexOf(current));
				const key = [...cycle].sort().join(',');
				if (!reportedCycles.has(key)) {
					reportedCycles.add(key);
					const file = actors.get(current)!.file;
					problems.push({
						severity: 'error',
						file,
						line: at(file, ['parent']),
						field: 'parent',
						found: `a cycle: ${[...cycle, current].join(' → ')}`,
						expected: 'parent chains that end at an actor with no parent',
						fix: `remove "parent" from one of: ${cycle.join(', ')}`,
					});
				}
				break;
			}
			chain.push(current);
			current = actors.get(current)!.data.parent;
		}
	}
	const aliasOwner = new Map<string, string>();
	for (const actor of actors.values()) {
		const names = new Set(
			[actor.data.name.en, actor.data.name.ru, ...actor.data.aliases.en, ...actor.data.aliases.ru].map((n) => n.toLocaleLowerCase('ru')),
		);
		for (const name of names) {
			const owner = aliasOwner.get(name);
			if (owner && owner !== actor.id) {
				problems.push({
					severity: 'error',
					file: actor.file,
					line: at(actor.file, ['aliases']),
					field: 'aliases',
					found: `"${name}", which is also a name of "${owner}"`,
					expected: 'each name or alias to belong to one actor, so mentions link without guessing',
					fix: `remove "${name}" from one of ${owner} and ${actor.id}`,
				});
			} else aliasOwner.set(name, actor.id);
		}
	}

	// Articles: references exist, dates agree.
	const eventDates = new Map<string, { date: string; file: string }>();
	for (const article of articles) {
		const { data, file } = article;
		const ref = (path: PropertyKey[], id: string) => {
			if (!actors.has(id)) problems.push(unknownActor(file, path, id));
		};
		data.actors.forEach((id, i) => ref(['actors', i], id));
		if (data.actors.every((id) => actors.has(id) && !actors.get(id)!.data.bloc)) {
			problems.push({
				severity: 'error',
				file,
				line: at(file, ['actors']),
				field: 'actors',
				found: show(data.actors),
				expected: `at least one actor of a principal bloc (${BLOCS.join(', ')})`,
				fix: 'add the principal the article is about, e.g. "mali-junta"',
			});
		}
		const published = data.date.getTime() + 86_400_000 - 1;
		data.events.forEach((event, i) => {
			event.actors.forEach((id, j) => ref(['events', i, 'actors', j], id));
			const bounds = parseEdtf(event.date);
			if (typeof bounds !== 'string' && bounds.earliest !== null && bounds.earliest > published) {
				problems.push({
					severity: 'error',
					file,
					line: at(file, ['events', i, 'date']),
					field: `events[${i}].date`,
					found: JSON.stringify(event.date),
					expected: `a date no later than the article's own date ${data.date.toISOString().slice(0, 10)}`,
					fix: 'check the year, or the article date',
				});
			}
			if (event.id) {
				const seen = eventDates.get(event.id);
				if (!seen) eventDates.set(event.id, { date: event.date, file });
				else if (seen.date !== event.date) {
					problems.push({
						severity: 'error',
						file,
						line: at(file, ['events', i, 'date']),
						field: `events[${i}].date`,
						found: `"${event.date}" for event "${event.id}"`,
						expected: `the same date as ${seen.file} gives it: "${seen.date}"`,
						fix: `use "${seen.date}" here, or give this event a different id`,
					});
				}
			}
		});
		data.relations.forEach((relation, i) => {
			ref(['relations', i, 'from'], relation.from);
			ref(['relations', i, 'to'], relation.to);
			if (relation.since && relation.until) {
				const since = parseEdtf(relation.since);
				const until = parseEdtf(relation.until);
				if (typeof since !== 'string' && typeof until !== 'string' && since.earliest !== null && until.latest !== null && since.earliest > until.latest) {
					problems.push({
						severity: 'error',
						file,
						line: at(file, ['relations', i, 'until']),
						field: `relations[${i}].until`,
						found: `${relation.since} → ${relation.until}`,
						expected: '"until" no earlier than "since"',
						fix: 'swap the two dates',
					});
				}
			}
		});
	}

	articles.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
	problems.push(...mentionWarnings({ actors, articles, problems }));
	return { actors, articles, problems };
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
