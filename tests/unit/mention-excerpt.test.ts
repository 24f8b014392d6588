import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/input/check.ts';
import { buildMentionMatcher } from '../../src/language/mentions.ts';
import { mentionExcerpts, proseBlocks } from '../../src/model/mention-excerpt.ts';

const content = checkContent('content');
const matcher = buildMentionMatcher(content.actors);
const article = content.articles.find((a) => a.id === '2025-09-15-us-mali-junta')!;
const plain = (e: { before: string; matched: string; after: string }) => `${e.before}${e.matched}${e.after}`.replace(/^…|…$/g, '');

describe('mentionExcerpts on the real article', () => {
	const excerpts = mentionExcerpts(article.body, article.data.lang, matcher);

	it('finds the sentence naming Belavia, with the name as the article writes it', () => {
		expect(excerpts.get('belavia')).toEqual({
			before: 'На прошлой неделе представитель президента Дональда Трампа Джон Коул объявил о снятии санкций с белорусской авиакомпании «',
			matched: 'Белавиа',
			after: '» после освобождения Минском десятков политзаключенных.',
		});
		expect(excerpts.get('wagner-group')!.matched).toBe('ЧВК «Вагнер»');
		expect(excerpts.get('russia')!.matched).toBe('Москвой');
	});

	it('never invents text: every excerpt is a sentence of the article body, and one per actor the text names', () => {
		const body = proseBlocks(article.body).join('\n');
		for (const [id, excerpt] of excerpts) expect(body, id).toContain(plain(excerpt));
		// The Washington Post is named; every actor the frontmatter lists is named in the text.
		expect([...excerpts.keys()].sort()).toEqual([...article.data.actors].sort());
	});
});

describe('mentionExcerpts on synthetic texts', () => {
	it('skips code and raw HTML, and reads links and emphasis as their text', () => {
		const md = 'Код: `Россия` тут.\n\n```\nРоссия\n```\n\n<div>Россия</div>\n\nВ [Москве](https://example.org) *сказали*, что всё.';
		const excerpts = mentionExcerpts(md, 'ru', matcher);
		expect(excerpts.get('russia')).toEqual({ before: 'В ', matched: 'Москве', after: ' сказали, что всё.' });
	});

	it('cuts a long sentence at spaces around the name, marking the cuts', () => {
		const long = `${'слово '.repeat(80)}Россия ${'ещё '.repeat(80)}конец.`;
		const excerpt = mentionExcerpts(long, 'ru', matcher, 120).get('russia')!;
		expect(excerpt.matched).toBe('Россия');
		expect(excerpt.before.startsWith('…')).toBe(true);
		expect(excerpt.after.endsWith('…')).toBe(true);
		expect(plain(excerpt).length).toBeLessThanOrEqual(120);
		expect(long).toContain(plain(excerpt));
	});

	it('returns nothing for an actor the text does not name', () => {
		expect(mentionExcerpts('Ничего о них.', 'ru', matcher).size).toBe(0);
	});
});
