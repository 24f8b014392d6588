import type { ArticleSource } from '../../schema/content.ts';
import type { Problem } from '../problems.ts';
import type { Rule } from './context.ts';

/** Frontmatter paths of the strings still starting with "TODO" (what `npm run import` leaves for the author). */
function todoFields(value: unknown, path: string, out: string[]): string[] {
	if (typeof value === 'string' && /^\s*TODO\b/.test(value)) out.push(path);
	else if (Array.isArray(value)) value.forEach((item, i) => todoFields(item, `${path}[${i}]`, out));
	else if (value && typeof value === 'object' && !(value instanceof Date))
		for (const [key, item] of Object.entries(value)) todoFields(item, path ? `${path}.${key}` : key, out);
	return out;
}

/** Summarises a list of fields: "summary, events[0].title … events[9].title (10)". */
function listFields(fields: string[]): string {
	const events = fields.filter((f) => /^events\[\d+\]\.title$/.test(f));
	const others = fields.filter((f) => !events.includes(f));
	const parts = [...others];
	if (events.length > 2) parts.push(`${events[0]} … ${events.at(-1)} (${events.length} event titles)`);
	else parts.push(...events);
	return parts.join(', ');
}

/** A draft (`draft: true`, as `npm run import` writes it) is an error: it is not published until the author has reviewed it. */
export function draftProblems(articles: ArticleSource[], lineOf: (file: string, path: PropertyKey[]) => number | undefined): Problem[] {
	return articles
		.filter((article) => article.data.draft === true)
		.map((article) => {
			const todos = todoFields(article.data, '', []);
			const guesses = article.data.events.length
				? `; and the machine's guesses: actors, ${article.data.events.length} event dates, kinds and actors, cites`
				: '; and the machine\'s guesses: actors and cites';
			return {
				severity: 'error',
				file: article.file,
				line: lineOf(article.file, ['draft']),
				field: 'draft',
				found: `draft: true; still to review: ${todos.length ? listFields(todos) : 'no TODO left'}${guesses}`,
				expected: 'a reviewed article: drafts are not published',
				fix: 'review the TODOs and remove draft: true',
			} satisfies Problem;
		});
}

/** A draft (`draft: true`, what `npm run import` writes) is never published: one error lists what is left to review. */
export const drafts: Rule = ({ articles, at }) => draftProblems(articles, at);
