// The placeholders `npm run new` writes, shared with the check that refuses to publish them.

/** The summary line of a new article: an author replaces it with their own paragraph. */
export const SUMMARY_PLACEHOLDER = 'TODO: one English paragraph on what the article reports.';

/** The body of a new article: an author pastes the article text in its place. */
export const BODY_PLACEHOLDER = 'Paste the article text here, unchanged, in its own language.';

/** A frontmatter text the scaffold left unfilled: it starts with "TODO". */
export function isPlaceholder(value: unknown): value is string {
	return typeof value === 'string' && /^\s*TODO\b/.test(value);
}
