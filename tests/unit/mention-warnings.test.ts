import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleSource } from '../../src/schema/content.ts';
import { checkContent, type CheckedContent } from '../../src/input/check.ts';
import { mentionWarnings } from '../../src/input/rules/mention-warnings.ts';

let content: CheckedContent;
beforeAll(() => {
	content = checkContent('content');
});

function withArticle(change: (article: ArticleSource) => ArticleSource): CheckedContent {
	return { ...content, articles: content.articles.map(change) };
}

describe('mentionWarnings', () => {
	it('finds nothing to warn about in the first article', () => {
		expect(mentionWarnings(content)).toEqual([]);
	});

	it('warns when the text names an actor the frontmatter does not list, with the line', () => {
		const changed = withArticle((article) => ({ ...article, data: { ...article.data, actors: article.data.actors.filter((id) => id !== 'belavia') } }));
		const [warning, ...rest] = mentionWarnings(changed);
		expect(rest).toEqual([]);
		const article = content.articles[0];
		const line = article.body.split('\n').findIndex((text) => text.includes('«Белавиа»')) + article.bodyLine;
		expect(warning).toMatchObject({ severity: 'warning', file: article.file, line, field: 'actors' });
		expect(warning.found).toContain('"Белавиа" (belavia)');
		expect(warning.fix).toContain('add "belavia" to actors');
	});

	it('warns when a listed actor is never named, but not for a parent of a named member or a cited outlet', () => {
		const changed = withArticle((article) => ({
			...article,
			// The body without its last paragraph no longer names John Coale, Belavia, Minsk or Belarus.
			body: article.body.slice(0, article.body.lastIndexOf('\n\nРанее США')),
		}));
		const warnings = mentionWarnings(changed);
		expect(warnings.map((w) => w.field)).toEqual(['actors[4]', 'actors[22]', 'actors[23]']);
		expect(warnings.map((w) => w.found?.split('"')[1])).toEqual(['belarus', 'john-coale', 'belavia']);

		// William Stevens, a member of the State Department, still stands for it.
		const memberOnly = withArticle((article) => ({ ...article, body: article.body.replace('представитель Госдепартамента', 'представитель') }));
		expect(mentionWarnings(memberOnly)).toEqual([]);

		const outletOnly = withArticle((article) => ({ ...article, body: article.body.replaceAll('The Washington Post', 'газета') }));
		expect(mentionWarnings(outletOnly)).toEqual([]);
	});
});
