/**
 * Remark plugin: finds, while an article is rendered, the sentence where it first names each actor (the quotes
 * on actor pages, src/model/mention-excerpt.ts), from the syntax tree the renderer has parsed anyway, so a build
 * does not parse every article's Markdown a second time for its actor pages (24 s of a 10,000-article build's
 * CPU profile, README "Build").
 *
 * It leaves the tree as it is and keeps the quotes in memory, by file, for this process: the pages of the same
 * build ask for them (src/site/site-model.ts). They are not stored with the rendering in Astro's content store,
 * which is bundled into one module: that grew it by a quarter and the build's largest process by ~470 MB. The
 * article loader keeps them in a file of the build cache instead, for the articles whose stored rendering the
 * next build reuses (src/site/loaders.ts); an article with none here is quoted from its body.
 *
 * Sentences are split by ICU's rules for the document's language (its frontmatter `lang`), or its root rules when
 * the renderer is not told, as the loaders do not tell it: Russian and English have no rules of their own
 * (tests/unit/mention-excerpt.test.ts holds that), so the quotes are those of the article's language either way.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { MentionMatcher } from '../language/mentions.ts';
import { mentionExcerpts, type MentionExcerpt } from '../model/mention-excerpt.ts';

/** An article's quotes: actor id → the sentence that first names it. */
export type ArticleQuotes = Map<string, MentionExcerpt>;

// One registry per process, on globalThis: the plugin runs in the module instance astro.config.mjs loaded,
// the pages in the bundle Vite built of them.
const KEY = Symbol.for('mali-realignment.rendered-excerpts');
const registry: Map<string, ArticleQuotes> = ((globalThis as Record<symbol, Map<string, ArticleQuotes> | undefined>)[KEY] ??= new Map());

/** The quotes found when the file at `path` (absolute) was last rendered in this process; undefined if it was not. */
export function renderedExcerpts(path: string): ArticleQuotes | undefined {
	return registry.get(path);
}

/** Sets the quotes of the file at `path` found by an earlier rendering of the same text (the loaders keep them between builds). */
export function rememberExcerpts(path: string, found: ArticleQuotes): void {
	registry.set(path, found);
}

/** `matcher`: the actors' names, built once (buildMentionMatcher), as remarkActorMentions takes them. */
export function remarkMentionExcerpts({ matcher }: { matcher: MentionMatcher }) {
	return function transformer(tree: Root, file: VFile): void {
		if (!file.path) return;
		const lang = (file.data.astro as { frontmatter?: { lang?: unknown } } | undefined)?.frontmatter?.lang;
		registry.set(file.path, mentionExcerpts(tree, typeof lang === 'string' ? lang : undefined, matcher));
	};
}
