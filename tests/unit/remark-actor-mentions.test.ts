import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { resolve } from 'node:path';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActorEntry } from '../../src/schema/content.ts';
import { checkContent } from '../../src/input/check.ts';
import { mentionedActorIds } from '../../src/language/markdown-mentions.ts';
import { remarkActorMentions, type ActorMentionOptions } from '../../src/markdown/remark-actor-mentions.ts';
import { buildMentionMatcher, type MentionMatcher } from '../../src/language/mentions.ts';

let actors: Map<string, ActorEntry>;
let matcher: MentionMatcher;
beforeAll(() => {
	actors = checkContent('content').actors;
	matcher = buildMentionMatcher(actors);
});

async function render(markdown: string, options: Partial<ActorMentionOptions> = {}): Promise<string> {
	const file = await unified()
		.use(remarkParse)
		.use(remarkActorMentions, { actors: matcher, lang: 'ru', ...options })
		// As Astro does: raw HTML passes through.
		.use(remarkRehype, { allowDangerousHtml: true })
		.use(rehypeStringify, { allowDangerousHtml: true })
		.process(markdown);
	return String(file);
}

const link = (id: string, text: string, title: string) =>
	`<a href="/actors/${id}/" title="${title}" class="actor-mention" data-actor="${id}">${text}</a>`;

describe('remarkActorMentions', () => {
	it('links the first mention of each actor in a paragraph of the first article', async () => {
		const html = await render(
			'После прихода к власти Гоиты в стране работали наемники ЧВК «Вагнер», а после смерти Евгения Пригожина их заменила новая российская структура «Африка Корпус».',
		);
		expect(html).toBe(
			`<p>После прихода к власти ${link('assimi-goita', 'Гоиты', 'Ассими Гоита')} в стране работали наемники ` +
				`<a href="/actors/wagner-group/" class="actor-mention" data-actor="wagner-group">ЧВК «Вагнер»</a>, а после смерти ` +
				`${link('yevgeny-prigozhin', 'Евгения Пригожина', 'Евгений Пригожин')} их заменила новая ${link('russia', 'российская', 'Россия')} структура «${link('africa-corps', 'Африка Корпус', 'Африканский корпус')}».</p>`,
		);
	});

	it('links each of Москвой, хунтой, малийской армии, «Белавиа», ЦРУ and США to its actor', async () => {
		const html = await render(
			[
				'Мали выстраивала военное сотрудничество с Москвой.',
				'США начали обмен разведывательной информацией с хунтой, чтобы помочь малийской армии.',
				'Снятие санкций с белорусской авиакомпании «Белавиа».',
				'ЦРУ уже получило расширенные полномочия.',
			].join('\n\n'),
		);
		for (const [id, text] of [
			['russia', 'Москвой'],
			['us', 'США'],
			['mali', 'Мали'],
			['mali-junta', 'хунтой'],
			['malian-armed-forces', 'малийской армии'],
			['belavia', 'Белавиа'],
			['cia', 'ЦРУ'],
		]) {
			expect(html).toMatch(new RegExp(`<a href="/actors/${id}/"[^>]*data-actor="${id}">${text}</a>`));
		}
		expect(html).toContain('«<a href="/actors/belavia/"');
		// Мали is the state, not the junta: хунтой is the junta's first mention, so it is the one linked.
		expect(html).not.toMatch(/data-actor="mali-junta">Мали</);
	});

	it('links only the first mention of an actor in the whole document', async () => {
		const html = await render('Россия остается партнером.\n\nРоссия, Москва и Москве.');
		expect(html.match(/data-actor="russia"/g)).toHaveLength(1);
		expect(html).toContain('<p>Россия, Москва и Москве.</p>');
	});

	it('never touches headings, links, inline code or code blocks', async () => {
		const markdown = [
			'# Россия и Мали',
			'[Москва](https://example.org/) и `Москва` остаются.',
			'```\nМосква\n```',
			'Раньше <a href="https://example.org/">Москва</a> и <code>Москва</code>.',
			'Теперь Москвой и Мали.',
		].join('\n\n');
		const html = await render(markdown);
		expect(html).toContain('<h1>Россия и Мали</h1>');
		expect(html).toContain('<a href="https://example.org/">Москва</a> и <code>Москва</code> остаются.');
		expect(html).toContain('<pre><code>Москва\n</code></pre>');
		expect(html).toContain('<p>Раньше <a href="https://example.org/">Москва</a> и <code>Москва</code>.</p>');
		// The first mention outside those is the one linked.
		expect(html).toContain(`<p>Теперь ${link('russia', 'Москвой', 'Россия')} и <a href="/actors/mali/" class="actor-mention" data-actor="mali">Мали</a>.</p>`);
		expect(html.match(/class="actor-mention"/g)).toHaveLength(2);
	});

	it('links inside emphasis and list items, under the given base path', async () => {
		const html = await render('- *ЧВК «Вагнер»* в Мали', { base: '/news/' });
		expect(html).toContain('<em><a href="/news/actors/wagner-group/"');
		expect(html).toContain('href="/news/actors/mali/"');
	});

	it('accepts the actor map directly and titles links in the document language', async () => {
		const html = await render('Moscow and Washington', { actors, lang: 'en' });
		expect(html).toBe(
			'<p><a href="/actors/russia/" title="Russia" class="actor-mention" data-actor="russia">Moscow</a> and ' +
				'<a href="/actors/us/" title="United States" class="actor-mention" data-actor="us">Washington</a></p>',
		);
	});
});

describe('an actor description', () => {
	const renderDescription = async (path: string) =>
		String(
			await unified()
				.use(remarkParse)
				.use(remarkActorMentions, { actors: matcher, lang: 'en' })
				.use(remarkRehype)
				.use(rehypeStringify)
				.process(new VFile({ value: 'Russia, the main military partner of Mali. Moscow denies it.', path })),
		);

	it('never links the actor it describes (content/actors/<id>.md), and links the others', async () => {
		const own = await renderDescription(resolve('content/actors/russia.md'));
		expect(own).not.toContain('data-actor="russia"');
		expect(own).toContain('<a href="/actors/mali/" class="actor-mention" data-actor="mali">Mali</a>');
		// The same text anywhere else links Russia at its first mention.
		expect(await renderDescription(resolve('content/articles/2025-09-15-x.md'))).toContain('data-actor="russia">Russia</a>');
		expect(await renderDescription(resolve('content/actors/mali.md'))).toContain('data-actor="russia">Russia</a>');
	});
});

describe('mentionedActorIds', () => {
	it('collects actors named in prose, headings and link text, not in code', () => {
		const ids = mentionedActorIds('# Мали\n\n[ЦРУ](https://example.org/) и `Москва`\n\n```\nРоссия\n```\n\nБелавиа', matcher);
		expect([...ids].sort()).toEqual(['belavia', 'cia', 'mali']);
	});
});
