// Escaping for each output context: JSON inside <script>, the CSP <meta> ahead of everything content
// touches, spreadsheet-safe CSV cells, article ids that cannot clobber the page, frontmatter text without
// control characters.
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeContentAnchors } from '../../src/markdown/content-anchors.ts';
import { articleSanitizeSchema } from '../../src/markdown/sanitize.ts';
import { csvSafeCell } from '../../src/model/exports.ts';
import { ArticleSchema } from '../../src/schema/article.ts';
import { forbiddenCharacter } from '../../src/schema/text.ts';
import { cspFirst } from '../../src/site/csp-first.ts';
import { jsonForScript } from '../../src/site/json-in-html.ts';

describe('jsonForScript', () => {
	const hostile = { title: 'T</script><script>window.__pwn=1</script>', note: 'Why <!--<script> & \u2028\u2029 >' };

	it('writes no <, > or & and no U+2028/9, so the text cannot end or confuse the script element', () => {
		const json = jsonForScript(hostile);
		expect(json).not.toMatch(/[<>&\u2028\u2029]/);
		expect(json).toContain('T\\u003c/script\\u003e\\u003cscript\\u003e');
	});

	it('parses back to the same value', () => {
		expect(JSON.parse(jsonForScript(hostile))).toEqual(hostile);
	});
});

describe('cspFirst', () => {
	const csp = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-abc='">`;
	const page = (head: string) => `<!DOCTYPE html><html lang="en"> <head><meta charset="utf-8">${head}</head><body><p>${csp.replace('<', '&lt;')}</p></body></html>`;

	it('moves the policy from the end of <head> to right after <meta charset>', () => {
		const html = cspFirst(page(`<title>T</title><script type="application/ld+json">{}</script>${csp}<link rel="stylesheet" href="/a.css">`));
		expect(html).toBe(page(`${csp}<title>T</title><script type="application/ld+json">{}</script><link rel="stylesheet" href="/a.css">`));
	});

	it('leaves a page whose policy is already first, or that has none, as it is', () => {
		const first = page(`${csp}<title>T</title>`);
		expect(cspFirst(first)).toBe(first);
		expect(cspFirst(page('<title>T</title>'))).toBe(page('<title>T</title>'));
	});

	it('refuses a page that does not open with <meta charset>, rather than leave the policy late', () => {
		expect(() => cspFirst(`<!DOCTYPE html><html><head><title>T</title>${csp}</head></html>`)).toThrow(/CSP cannot go first/);
	});
});

describe('csvSafeCell', () => {
	it.each([
		['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
		['+1+cmd', "'+1+cmd"],
		['-2+3+cmd|\' /C calc\'!A0', "'-2+3+cmd|' /C calc'!A0"],
		['@SUM(1)', "'@SUM(1)"],
		['\t=1', "'\t=1"],
		['\r=1', "'\r=1"],
		['-A1', "'-A1"],
	])('neutralises %j', (cell, safe) => {
		expect(csvSafeCell(cell)).toBe(safe);
	});

	it.each(['-12', '-3.5', '-0044', '-0044-03-15', '2025-09-15', '2021/..', '../2023-03', 'Coup in Mali', 'a=b', ''])('keeps %j', (cell) => {
		expect(csvSafeCell(cell)).toBe(cell);
	});
});

describe('article HTML ids', () => {
	async function render(markdown: string): Promise<string> {
		const file = await unified()
			.use(remarkParse)
			.use(remarkGfm)
			// As astro.config.mjs: footnote ids unprefixed, the sanitiser prefixes every id once.
			.use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
			.use(rehypeRaw)
			.use(rehypeSanitize, articleSanitizeSchema)
			.use(rehypeContentAnchors)
			.use(rehypeStringify)
			.process(markdown);
		return String(file);
	}

	it('prefixes ids and names from raw HTML, so they cannot shadow document properties or the page’s elements', async () => {
		const html = await render('<img name="querySelector" alt=""> <a id="search-page-q">x</a>');
		expect(html).toContain('name="user-content-querySelector"');
		expect(html).toContain('id="user-content-search-page-q"');
		expect(html).not.toMatch(/(?:id|name)="(?:querySelector|search-page-q)"/);
	});

	it('gives headings prefixed ids, never one already taken', async () => {
		const html = await render('<a id="site-search-q"></a>\n\n## Site search q\n\n## Site search q');
		expect(html).toContain('<h2 id="user-content-site-search-q-1">');
		expect(html).toContain('<h2 id="user-content-site-search-q-2">');
	});

	it('points footnotes and in-page links at the prefixed ids, and leaves other links alone', async () => {
		const html = await render('Text[^1], [up](#intro), [away](/timeline/#year-2025), [none](#missing).\n\n<a name="intro"></a>\n\n[^1]: Note.');
		const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
		const ids = new Set([...html.matchAll(/(?:id|name)="([^"]*)"/g)].map((m) => m[1]));
		expect(hrefs).toEqual(['#user-content-fn-1', '#user-content-intro', '/timeline/#year-2025', '#missing', '#user-content-fnref-1']);
		for (const href of hrefs.filter((h) => h.startsWith('#user-content-'))) expect(ids).toContain(href.slice(1));
	});
});

describe('frontmatter text without control characters', () => {
	it.each([
		['\u0001', 'T\u0001'],
		['\u0000', '\u0000'],
		['\u001b', 'a\u001bb'],
		['\r', 'a\rb'],
		['\u007f', 'x\u007f'],
		['\u0085', 'x\u0085'],
		['\ufffe', 'x\ufffe'],
		['\uffff', '\uffff'],
		['\ufdd0', 'x\ufdd0'],
		['\ud800', 'lone \ud800 high'],
		['\udc00', 'lone \udc00 low'],
		['\u{10fffe}', 'plane 16 \u{10fffe}'],
	])('finds %j', (char, text) => {
		expect(forbiddenCharacter(text)?.char).toBe(char);
	});

	it.each(['Tab\tand\nnewline', 'Emoji 😀 and Кириллица', '\u2028 line separator (escaped where it matters)', '\ufeffBOM-less? U+FEFF is a character'])('accepts %j', (text) => {
		expect(forbiddenCharacter(text)).toBeUndefined();
	});

	it('the article schema refuses one in a nested field, with a fix naming the character and where it is', () => {
		const result = ArticleSchema.safeParse({
			title: 'Ok',
			date: '2025-09-15',
			lang: 'en',
			summary: 'Ok',
			actors: ['us'],
			cites: [{ outlet: 'Reu\u0007ters' }],
		});
		expect(result.success).toBe(false);
		const issue = result.error!.issues[0] as { path: PropertyKey[]; message: string; params?: { fix?: string } };
		expect(issue.path).toEqual(['cites', 0, 'outlet']);
		expect(issue.message).toMatch(/^text without control characters/);
		expect(issue.params?.fix).toMatch(/^remove the U\+0007 character after "Reu" \(character 4\)/);
	});
});
