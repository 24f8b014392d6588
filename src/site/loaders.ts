import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { Loader, LoaderContext } from 'astro/loaders';
import { checkContent, type CheckedContent } from '../input/check.ts';
import { contentDir } from '../input/dir.ts';
import { ContentError } from '../input/problems.ts';
import { rememberExcerpts, renderedExcerpts, type ArticleQuotes } from '../markdown/mention-excerpts.ts';
import { contentReloaded } from './content-reloads.ts';
import { oneAtATime } from './one-at-a-time.ts';

/**
 * scripts/build.ts runs the check in its own process first (`scripts/check.ts --save <file>`), which saves
 * what it read and checked here; the loaders take that instead of reading and checking every file again.
 */
const SAVED_CHECK_ENV = 'CHECKED_CONTENT_FILE';
const SAVED_CHECK_FORMAT = 1;

/** Writes `fields` to `file` as a structured clone (Maps and Dates survive), marked with the `format` of its writer. */
function writeSerialized(file: string, format: number, fields: Record<string, unknown>) {
	mkdirSync(dirname(file), { recursive: true });
	writeFileSync(file, serialize({ ...fields, format }));
}

/** The fields writeSerialized wrote to `file` with this `format`; undefined if another format wrote it. */
function readSerialized<T>(file: string, format: number): Partial<T> | undefined {
	const saved = deserialize(readFileSync(file)) as { format?: number } & Partial<T>;
	return saved.format === format ? saved : undefined;
}

/** Writes a check's result for the build's loaders. */
export function saveCheckedContent(file: string, dir: string, checked: CheckedContent) {
	writeSerialized(file, SAVED_CHECK_FORMAT, { dir: resolve(dir), checked });
}

/** A check saved by saveCheckedContent, if it is of the content folder `dir` (else undefined: check again). */
export function readSavedCheck(file: string, dir: string): CheckedContent | undefined {
	const saved = readSerialized<{ dir: string; checked: CheckedContent }>(file, SAVED_CHECK_FORMAT);
	return saved?.dir === resolve(dir) ? saved.checked : undefined;
}

/** The check scripts/build.ts saved for this build; taken once per process (a dev server's reloads read the files). */
let savedTaken = false;
function savedCheck(): CheckedContent | undefined {
	const file = process.env[SAVED_CHECK_ENV];
	if (!file || savedTaken) return undefined;
	savedTaken = true;
	const saved = readSavedCheck(file, contentDir());
	usedSaved = saved !== undefined;
	return saved;
}
let usedSaved = false;

let pending: Promise<CheckedContent> | undefined;

/** Every content file read and checked, once per process, problems included. */
function checkedAll(): Promise<CheckedContent> {
	pending ??= Promise.resolve().then(() => savedCheck() ?? checkContent(contentDir()));
	return pending;
}

/** Reads and checks all content once per process; both collections and the search index share the result. */
export function checkedContent(): Promise<CheckedContent> {
	return checkedAll().then((checked) => {
		const errors = checked.problems.filter((p) => p.severity === 'error');
		if (errors.length) throw new ContentError(errors);
		return checked;
	});
}

/**
 * What a loader stores. A build stops at the first content error; the dev server (it has a watcher) keeps
 * running with the files that are valid, and shows the errors on every page (src/integrations/dev-server.ts)
 * until they are fixed, rather than exit.
 */
function contentFor({ watcher }: LoaderContext): Promise<CheckedContent> {
	return watcher ? checkedAll() : checkedContent();
}

/** Reloads of both collections; one watcher listener runs them all, so one edit means one content check. */
const reloads: (() => Promise<void>)[] = [];

function watchContent({ watcher, logger }: LoaderContext, reload: () => Promise<void>) {
	if (!watcher) return;
	reloads.push(reload);
	if (reloads.length > 1) return;
	const dir = contentDir();
	watcher.add(dir);
	// An editor's save can be several events; they make one reload. Reloads run one at a time, and an edit
	// during one queues one more, with the files as they are then.
	let timer: NodeJS.Timeout | undefined;
	let changed = '';
	const run = oneAtATime(async () => {
		pending = undefined;
		try {
			for (const each of reloads) await each();
			logger.info(`Reloaded after change to ${changed}`);
			// Now, not before: pages build their model again and the dev server reindexes search.
			contentReloaded(await checkedAll());
		} catch (error) {
			logger.error((error as Error).message);
		}
	});
	const onChange = (path: string) => {
		if (!path.startsWith(dir) || !path.toLowerCase().endsWith('.md')) return;
		changed = path;
		clearTimeout(timer);
		timer = setTimeout(run, 100);
	};
	for (const event of ['change', 'add', 'unlink'] as const) watcher.on(event, onChange);
}

/**
 * Stores entries, rendering Markdown only where the file changed since the last build (the data store
 * persists). `renderedWith` names what else the rendering depends on: article bodies link actor mentions,
 * so an edit to any actor's names re-renders every article.
 */
async function syncEntries(
	context: LoaderContext,
	entries: { id: string; file: string; data: Record<string, unknown>; body: string }[],
	renderedWith = '',
	/** Keep the Markdown source in the store too (actors: pages show their description as text). */
	keepBody = true,
	/** Told of every entry, with its digest and whether it was rendered now (else its stored rendering stays). */
	onEntry?: (entry: { file: string }, digest: string, renderedNow: boolean) => void,
) {
	const { store, generateDigest, renderMarkdown } = context;
	const seen = new Set<string>();
	for (const entry of entries) {
		seen.add(entry.id);
		const digest = generateDigest({ data: entry.data, body: entry.body, renderedWith } as Record<string, unknown>);
		if (store.get(entry.id)?.digest === digest) {
			onEntry?.(entry, digest, false);
			continue;
		}
		let rendered;
		try {
			rendered = await renderMarkdown(entry.body, { fileURL: new URL(`file://${process.cwd()}/${entry.file}`) });
		} catch (error) {
			// Name the file: the check should have refused whatever the renderer cannot take (src/input/limits.ts).
			throw new Error(`${entry.file}: the Markdown body could not be rendered (${(error as Error).name}: ${(error as Error).message}). Simplify the body (nesting, very long paragraphs), then run npm run check.`);
		}
		store.set({ id: entry.id, data: entry.data, ...(keepBody ? { body: entry.body } : {}), filePath: entry.file, digest, rendered });
		onEntry?.(entry, digest, true);
	}
	for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
}

/** content/actors/<id>.md, checked with every other content file. */
export function actorLoader(): Loader {
	return {
		name: 'actor-loader',
		async load(context) {
			const sync = async () => syncEntries(context, [...(await contentFor(context)).actors.values()]);
			await sync();
			watchContent(context, sync);
		},
	};
}

/**
 * The quotes each article's rendering found for the actor pages (src/markdown/mention-excerpts.ts), kept beside
 * Astro's content store in the build cache (so they are promoted or thrown away with it), by the digest of what
 * was rendered: an article whose stored rendering is reused gets its quotes back without its Markdown being
 * parsed again. Not in the store itself, which is bundled into one module: that cost ~470 MB (README, "Build").
 */
function keptQuotes({ config }: LoaderContext) {
	const file = fileURLToPath(new URL(QUOTES_FILE, config.cacheDir.href.endsWith('/') ? config.cacheDir : `${config.cacheDir.href}/`));
	let saved = new Map<string, ArticleQuotes>();
	try {
		const read = readSerialized<{ quotes: Map<string, ArticleQuotes> }>(file, QUOTES_FORMAT);
		if (read?.quotes instanceof Map) saved = read.quotes;
	} catch {
		// None yet, or unreadable: the quotes of reused renderings are found in their bodies.
	}
	const kept = new Map<string, ArticleQuotes>();
	let renderedNow = 0;
	return {
		onEntry(entry: { file: string }, digest: string, now: boolean) {
			const path = resolve(entry.file);
			if (now) renderedNow++;
			else if (saved.has(digest)) rememberExcerpts(path, saved.get(digest)!);
			const quotes = renderedExcerpts(path);
			if (quotes) kept.set(digest, quotes);
		},
		save() {
			if (renderedNow === 0 && kept.size === saved.size) return;
			writeSerialized(file, QUOTES_FORMAT, { quotes: kept });
		},
	};
}
const QUOTES_FILE = 'mention-quotes.v8';
const QUOTES_FORMAT = 1;

/** content/articles/<slug>.md, checked with every other content file. */
export function articleLoader(): Loader {
	return {
		name: 'article-loader',
		async load(context) {
			const sync = async () => {
				const { actors, articles } = await contentFor(context);
				const names = [...actors.values()].map(({ id, data }) => [id, data.name, data.aliases, data.forms]);
				// Pages need an article's rendered HTML, not its Markdown: leaving the source out of the store
				// makes it (and the module Astro bundles it into) ~40% smaller at 10,000 articles.
				const quotes = keptQuotes(context);
				await syncEntries(context, articles, context.generateDigest(JSON.stringify(names)), false, quotes.onEntry);
				quotes.save();
			};
			await sync();
			if (usedSaved) context.logger.info(`${(await contentFor(context)).articles.length} articles as scripts/check.ts read and checked them (not checked again).`);
			watchContent(context, sync);
		},
	};
}
