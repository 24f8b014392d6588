import { firstMentions } from '../../language/markdown-mentions.ts';
import { buildMentionMatcher, findMentions, type MentionMatcher } from '../../language/mentions.ts';
import type { ActorEntry, ArticleSource } from '../../schema/content.ts';
import type { Problem } from '../problems.ts';
import type { RuleContext } from './context.ts';

function namesOf(actor: ActorEntry): string {
	const { name, aliases } = actor.data;
	const names = [...new Set([name.ru, name.en, ...aliases.ru, ...aliases.en])];
	return names.length > 4 ? `${names.slice(0, 4).join(', ')}, …` : names.join(', ');
}

/** Outlets the article is from or cites: named in metadata, so their absence from the text is expected. */
function outletIds(article: ArticleSource, matcher: MentionMatcher): Set<string> {
	const outlets = [article.data.source?.outlet, ...article.data.cites.map((cite) => cite.outlet)].filter((o): o is string => Boolean(o));
	return new Set(outlets.flatMap((outlet) => findMentions(outlet, matcher).map((mention) => mention.actorId)));
}

function articleWarnings(article: ArticleSource, actors: ReadonlyMap<string, ActorEntry>, matcher: MentionMatcher): Problem[] {
	const problems: Problem[] = [];
	const inTitle = firstMentions(article.data.title, matcher);
	const inBody = firstMentions(article.body, matcher);
	const listed = new Set(article.data.actors);

	const mentioned = new Map<string, { matched: string; line?: number }>();
	for (const [id, first] of inTitle) mentioned.set(id, { matched: first.matched });
	for (const [id, first] of inBody) if (!mentioned.has(id)) mentioned.set(id, { matched: first.matched, line: article.bodyLine + first.line - 1 });

	for (const [id, { matched, line }] of mentioned) {
		if (listed.has(id)) continue;
		problems.push({
			severity: 'warning',
			file: article.file,
			line,
			field: 'actors',
			found: `the text names "${matched}" (${id}), which actors does not list`,
			expected: 'every actor the text names to be listed in actors',
			fix: `add "${id}" to actors, or if "${matched}" means someone else here, remove it from the aliases or forms of ${actors.get(id)?.file ?? id}`,
		});
	}

	// Listing a parent whose member the text names is fine ("us" when only the CIA is named).
	const present = new Set<string>();
	for (const id of mentioned.keys()) {
		for (let current: string | undefined = id; current && !present.has(current); current = actors.get(current)?.data.parent) present.add(current);
	}
	const outlets = outletIds(article, matcher);
	article.data.actors.forEach((id, i) => {
		const actor = actors.get(id);
		// Unknown ids are the content check's errors; outlets are named in source and cites.
		if (!actor || present.has(id) || outlets.has(id)) return;
		problems.push({
			severity: 'warning',
			file: article.file,
			field: `actors[${i}]`,
			found: `"${id}", whose names (${namesOf(actor)}) never occur in the title or text`,
			expected: 'each listed actor to be named in the title or text by its name or an alias',
			fix: `add the form the text uses to forms in ${actor.file} (to aliases if it is another name), or remove "${id}" from actors`,
		});
	});
	return problems;
}

/** Warnings where an article's text and its frontmatter `actors` disagree about who it names. */
export function mentionWarnings(checked: Pick<RuleContext, 'actors' | 'articles'>, matcher: MentionMatcher = buildMentionMatcher(checked.actors)): Problem[] {
	return checked.articles.flatMap((article) => articleWarnings(article, checked.actors, matcher));
}
