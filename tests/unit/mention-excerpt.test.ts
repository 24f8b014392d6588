import { pathToFileURL, fileURLToPath } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/input/check.ts';
import { buildMentionMatcher } from '../../src/language/mentions.ts';
import { remarkMentionExcerpts, renderedExcerpts } from '../../src/markdown/mention-excerpts.ts';
import { mentionExcerpts, proseBlocks } from '../../src/model/mention-excerpt.ts';
import { buildSiteModel } from '../../src/model/site-model.ts';

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

describe('the quotes found while an article is rendered (src/markdown/mention-excerpts.ts)', () => {
	let n = 0;
	/** Renders `body` as Astro's loaders do (no frontmatter: the plugin is given no language), as a file of its own. */
	async function rendered(body: string, frontmatter: Record<string, unknown> = {}) {
		// As astro.config.mjs renders: the text exactly as written (no smartypants).
		const processor = await createMarkdownProcessor({ smartypants: false, remarkPlugins: [[remarkMentionExcerpts, { matcher }]] });
		const path = `/nowhere/articles/rendered-${++n}.md`;
		await processor.render(body, { frontmatter, fileURL: pathToFileURL(path) });
		return renderedExcerpts(path);
	}

	it('are the quotes found in the body, for every article of the content folder', async () => {
		for (const a of content.articles) expect(await rendered(a.body), a.id).toEqual(mentionExcerpts(a.body, a.data.lang, matcher));
	});

	it('split sentences the same without the article language: Russian and English have no ICU sentence rules of their own', async () => {
		const texts = [
			'В 2023 г. Россия, т. е. Москва, и В. В. Путин заявили... Мали? Да! «Вагнер» ушёл. США (т.н. Вашингтон) ответили.',
			'Mr. Smith met Russia in Jan. 2024, i.e. Moscow. Then the U.S. left... Did Mali agree? Yes! "Wagner" stayed.',
		];
		const cut = (lang: string | undefined, text: string) => [...new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)].map((s) => s.segment);
		for (const text of texts) {
			expect(cut('ru', text)).toEqual(cut(undefined, text));
			expect(cut('en', text)).toEqual(cut(undefined, text));
			expect(await rendered(text)).toEqual(mentionExcerpts(text, 'ru', matcher));
			expect(await rendered(text, { lang: 'en' })).toEqual(mentionExcerpts(text, 'en', matcher));
		}
	});

	it('are those of the last rendering of a file, and none for a file not rendered in this process', async () => {
		const processor = await createMarkdownProcessor({ smartypants: false, remarkPlugins: [[remarkMentionExcerpts, { matcher }]] });
		const fileURL = pathToFileURL('/nowhere/articles/edited.md');
		await processor.render('В Москве сказали.', { fileURL });
		await processor.render('В Минске сказали.', { fileURL });
		expect([...renderedExcerpts(fileURLToPath(fileURL))!.keys()]).toEqual(['belarus']);
		expect(renderedExcerpts('/nowhere/articles/never-rendered.md')).toBeUndefined();
	});
});

describe("the site model's quotes", () => {
	const quote = { before: 'В ', matched: 'Москве', after: ' сказали.' };

	it('come from the rendering when it recorded them, and the body is not read again', () => {
		const model = buildSiteModel(content, {
			excerptsOf: () => new Map([['russia', quote]]),
			bodyOf: () => expect.unreachable('the body was parsed again'),
		});
		expect(model.excerpt(article, 'russia')).toEqual(quote);
		// Recorded: the text names no other actor, whatever the body says.
		expect(model.excerpt(article, 'us')).toBeUndefined();
	});

	it('are found in the body of an article whose rendering did not record them', () => {
		const model = buildSiteModel(content, { excerptsOf: () => undefined, bodyOf: (a) => content.articles.find((x) => x.id === a.id)!.body });
		expect(model.excerpt(article, 'belavia')!.matched).toBe('Белавиа');
	});
});
