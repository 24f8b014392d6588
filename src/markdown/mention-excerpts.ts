/**
 * Remark plugin: finds, while the article is rendered, the sentence where it first names each actor (the
 * quotes on actor pages, src/model/mention-excerpt.ts), from the syntax tree the renderer has parsed anyway.
 * It leaves the tree as it is and records them on the file's frontmatter (`mentionExcerpts`), which Astro's
 * renderer returns as `rendered.metadata.frontmatter`: the loaders store them with the rendered HTML, so a
 * build parses no article twice, and an unchanged article's quotes come from the store with its HTML.
 *
 * Sentences are split by ICU's rules for the document's language (its frontmatter `lang`), or its root rules
 * when the renderer is not given one, as the loaders do not: Russian and English have no rules of their own
 * (tests/unit/mention-excerpt.test.ts holds that), so the quotes are those of the article's language either way.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { MentionMatcher } from '../language/mentions.ts';
import { mentionExcerpts, type MentionExcerpt } from '../model/mention-excerpt.ts';

/** Where the excerpts are recorded, on `file.data.astro.frontmatter` (and so on `rendered.metadata.frontmatter`). */
export const EXCERPTS_KEY = 'mentionExcerpts';

/** The excerpts one rendered file recorded: actor id → the sentence that first names it. */
export type RecordedExcerpts = Record<string, MentionExcerpt>;

/** The excerpts recorded on a rendered entry's frontmatter metadata, if it was rendered with this plugin. */
export function recordedExcerpts(frontmatter: unknown): RecordedExcerpts | undefined {
	const found = frontmatter && typeof frontmatter === 'object' ? (frontmatter as Record<string, unknown>)[EXCERPTS_KEY] : undefined;
	return found && typeof found === 'object' ? (found as RecordedExcerpts) : undefined;
}

/** `matcher`: the actors' names, built once (buildMentionMatcher), as remarkActorMentions takes them. */
export function remarkMentionExcerpts({ matcher }: { matcher: MentionMatcher }) {
	return function transformer(tree: Root, file: VFile): void {
		const astro = ((file.data.astro ??= {}) as { frontmatter?: Record<string, unknown> });
		const frontmatter = (astro.frontmatter ??= {});
		const lang = typeof frontmatter.lang === 'string' ? frontmatter.lang : undefined;
		frontmatter[EXCERPTS_KEY] = Object.fromEntries(mentionExcerpts(tree, lang, matcher));
	};
}
