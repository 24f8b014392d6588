import { basename, join, relative, resolve } from 'node:path';
import { ActorSchema, type ActorData } from '../schema/actor.ts';
import { ArticleSchema, type ArticleData } from '../schema/article.ts';
import { parseEdtf } from '../schema/edtf.ts';
import { BLOCS } from '../schema/ids.ts';
import { nameKeys } from '../model/mentions.ts';
import { guardFile, slugCollisionProblems, sourceLimitProblems } from './limits.ts';
import { draftProblems } from './draft-check.ts';
import { lineOfPath } from './locate.ts';
import { mentionWarnings } from './mention-warnings.ts';
import { isComplete, parsePartial, present } from './partial.ts';
import { nearest, show, type Problem } from './problems.ts';
import { isProblem, readSource, type SourceFile } from './read.ts';
import { walkMarkdown } from './walk.ts';
import { BODY_PLACEHOLDER, isPlaceholder } from './scaffold.ts';
import { fieldName, schemaProblems } from './schema-messages.ts';

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
	/** Every file found, valid or not, for the summary line. */
	found?: { actors: number; articles: number };
}

type DeepPartial<T> = T extends Date ? T : T extends readonly (infer U)[] ? DeepPartial<U>[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** What parsed of a file that failed its schema: the cross-file rules still run on it. */
export interface PartialEntry<T> {
	id: string;
	file: string;
	data: DeepPartial<T>;
}

/** Actors every site of this story must have: the principals and those the first article names. */
export const REQUIRED_ACTORS = [...BLOCS];

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
	entry?: ActorEntry | ArticleEntry;
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
	// A draft's own error lists what is left to review (src/content/draft-check.ts), its TODOs included.
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

/**
 * A shown name (name or alias) that the matcher cannot tell from another shown name of the same actor is a word
 * form of it, not a name: "Москвой" beside "Москва", "Соединенные Штаты" beside "Соединённые Штаты".
 */
function shownNameProblems(actor: PartialEntry<ActorData>, at: (file: string, path: PropertyKey[]) => number | undefined): Problem[] {
	const problems: Problem[] = [];
	for (const lang of ['en', 'ru'] as const) {
		const shown: { path: PropertyKey[]; value: string }[] = [];
		const own = actor.data.name?.[lang];
		if (typeof own === 'string') shown.push({ path: ['name', lang], value: own });
		actor.data.aliases?.[lang]?.forEach((value, i) => {
			if (typeof value === 'string') shown.push({ path: ['aliases', lang, i], value });
		});
		const byKeys = new Map<string, { path: PropertyKey[]; value: string }>();
		for (const entry of shown) {
			const keys = nameKeys(entry.value);
			if (!keys) continue;
			const first = byKeys.get(keys);
			if (!first) {
				byKeys.set(keys, entry);
				continue;
			}
			const same = first.value.toLocaleLowerCase('ru') === entry.value.toLocaleLowerCase('ru');
			const which = first.path[0] === 'name' ? `"${entry.value}"` : `"${entry.value}" (or "${first.value}", whichever is not the nominative)`;
			problems.push({
				severity: 'error',
				file: actor.file,
				line: at(actor.file, entry.path),
				field: fieldName(entry.path),
				found: same
					? `"${entry.value}", which repeats ${fieldName(first.path)}`
					: `"${entry.value}", a form of ${fieldName(first.path)} "${first.value}": both match the same words`,
				expected: 'names only in name and aliases: each a different name of this actor, not another case, spelling or quoting of one already there',
				fix: same ? `remove "${entry.value}" from ${fieldName(entry.path.slice(0, 2))}` : `move ${which} to forms.${lang}: forms find mentions and widen searches, and are never shown`,
			});
		}
	}
	return problems;
}

/**
 * The rules that need more than one file: references exist, required actors, parent cycles,
 * unambiguous aliases, event dates against their article and across articles.
 */
export function crossCheck(results: FileResult[], contentDir: string, root = process.cwd()): CheckedContent {
	const problems: Problem[] = results.flatMap((r) => r.problems);
	const actors = new Map<string, ActorEntry>();
	const articles: ArticleEntry[] = [];
	// The rules below run on every file: the valid ones, and what parsed of the others.
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
			if (r.entry) articles.push(r.entry as ArticleEntry);
			articleData.push(entry as PartialEntry<ArticleData>);
		}
	}
	const at = (file: string, fieldPath: PropertyKey[]) => lineIn(resolve(root, file), file, fieldPath);

	const actorIds = [...actorData.keys()];
	const actorsFolder = relative(root, join(contentDir, 'actors')) || 'actors';
	for (const id of REQUIRED_ACTORS) {
		if (!actorData.has(id) && !problems.some((p) => p.file.endsWith(`/${id}.md`))) {
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
	for (const actor of actorData.values()) {
		const parent = actor.data.parent;
		if (parent && !actorData.has(parent)) problems.push(unknownActor(actor.file, ['parent'], parent));
	}
	const reportedCycles = new Set<string>();
	for (const actor of actorData.values()) {
		const chain = [actor.id];
		let current = actor.data.parent;
		while (current && actorData.has(current)) {
			if (chain.includes(current)) {
				const cycle = chain.slice(chain.indexOf(current));
				const key = [...cycle].sort().join(',');
				if (!reportedCycles.has(key)) {
					reportedCycles.add(key);
					const file = actorData.get(current)!.file;
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
			current = actorData.get(current)!.data.parent;
		}
	}
	const aliasOwner = new Map<string, string>();
	for (const actor of actorData.values()) {
		const { name, aliases, forms } = actor.data;
		const names = new Set(
			[name?.en, name?.ru, ...present(aliases?.en), ...present(aliases?.ru), ...present(forms?.en), ...present(forms?.ru)]
				.filter((n): n is string => typeof n === 'string')
				.map((n) => n.toLocaleLowerCase('ru')),
		);
		const formsOnly = new Set(
			[...present(forms?.en), ...present(forms?.ru)].filter((n): n is string => typeof n === 'string').map((n) => n.toLocaleLowerCase('ru')),
		);
		for (const shown of [name?.en, name?.ru, ...present(aliases?.en), ...present(aliases?.ru)]) if (typeof shown === 'string') formsOnly.delete(shown.toLocaleLowerCase('ru'));
		for (const name of names) {
			const owner = aliasOwner.get(name);
			if (owner && owner !== actor.id) {
				const field = formsOnly.has(name) ? 'forms' : 'aliases';
				problems.push({
					severity: 'error',
					file: actor.file,
					line: at(actor.file, [field]) ?? at(actor.file, ['aliases']),
					field,
					found: `"${name}", which is also a name of "${owner}"`,
					expected: 'each name, alias or form to belong to one actor, so mentions link without guessing',
					fix: `remove "${name}" from one of ${owner} and ${actor.id}`,
				});
			} else aliasOwner.set(name, actor.id);
		}
	}

	for (const actor of actorData.values()) problems.push(...shownNameProblems(actor, at));

	// Articles: references exist, dates agree.
	const eventDates = new Map<string, { date: string; file: string }>();
	for (const article of articleData) {
		const { data, file } = article;
		const ref = (path: PropertyKey[], id: string) => {
			if (!actorData.has(id)) problems.push(unknownActor(file, path, id));
		};
		data.actors?.forEach((id, i) => ref(['actors', i], id));
		// Only when every listed actor parsed, here and in its own file: otherwise the principal may be the one that did not.
		if (
			isComplete(data.actors) &&
			data.actors.length &&
			data.actors.every((id) => actorData.has(id) && !incomplete.has(id) && !actorData.get(id)!.data.bloc)
		) {
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
		const published = data.date ? data.date.getTime() + 86_400_000 - 1 : undefined;
		data.events?.forEach((event, i) => {
			event.actors?.forEach((id, j) => ref(['events', i, 'actors', j], id));
			if (!event.date) return;
			const bounds = parseEdtf(event.date);
			if (published !== undefined && typeof bounds !== 'string' && bounds.earliest !== null && bounds.earliest > published) {
				problems.push({
					severity: 'error',
					file,
					line: at(file, ['events', i, 'date']),
					field: `events[${i}].date`,
					found: JSON.stringify(event.date),
					expected: `a date no later than the article's own date ${data.date!.toISOString().slice(0, 10)}`,
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
		data.relations?.forEach((relation, i) => {
			if (relation.from) ref(['relations', i, 'from'], relation.from);
			if (relation.to) ref(['relations', i, 'to'], relation.to);
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

	problems.push(...draftProblems(articles, at));
	articles.sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id));
	problems.push(...mentionWarnings({ actors, articles, problems }));
	// Each file's problems together, top to bottom, files in the order they were first reported.
	const fileOrder = new Map<string, number>();
	for (const p of problems) if (!fileOrder.has(p.file)) fileOrder.set(p.file, fileOrder.size);
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
