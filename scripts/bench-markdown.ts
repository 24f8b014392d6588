// Times the article Markdown pipeline (Astro's Markdown processor with the plugins of astro.config.mjs:
// GFM, actor mentions, rehype-raw, sanitize) on one body read from a file:
//   node scripts/bench-markdown.ts <file.md>
// Prints milliseconds, or the error that stopped it. Used to set the limits in src/input/limits.ts.
//   node scripts/bench-markdown.ts --corpus corpus/10000-realistic [--limit 2000]
// renders every article body of a corpus with the site's pipeline, with bare unified (no plugins) and with
// Astro 7's default Rust pipeline (Sätteri, @astrojs/markdown-satteri), and prints the time per article and
// how many articles come out as the same HTML.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { readActors } from '../src/input/check.ts';
import { contentDir } from '../src/input/dir.ts';
import { remarkActorMentions } from '../src/markdown/remark-actor-mentions.ts';
import { articleSanitizeSchema } from '../src/markdown/sanitize.ts';
import { rehypeContentAnchors } from '../src/markdown/content-anchors.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { corpus: { type: 'string' }, limit: { type: 'string' } } });
if (values.corpus) {
	await benchCorpus(values.corpus, values.limit ? Number(values.limit) : Infinity);
	process.exit(0);
}

/** The body of an article file: what follows the frontmatter. */
function bodyOf(text: string): string {
	const end = text.indexOf('\n---', 4);
	return end < 0 ? text : text.slice(text.indexOf('\n', end + 1) + 1);
}

async function benchCorpus(corpus: string, limit: number) {
	const files = readdirSync(join(corpus, 'articles')).filter((f) => f.endsWith('.md')).sort().slice(0, limit);
	const bodies = files.map((f) => bodyOf(readFileSync(join(corpus, 'articles', f), 'utf8')));
	const actors = readActors(corpus);
	const pipelines: [string, { render(body: string): Promise<{ code: string }> }][] = [
		[
			'unified, the site\'s (mentions, raw HTML, sanitize, anchors)',
			await createMarkdownProcessor({
				syntaxHighlight: false,
				smartypants: false,
				remarkPlugins: [[remarkActorMentions, { actors }]],
				remarkRehype: { clobberPrefix: '' },
				rehypePlugins: [rehypeRaw, [rehypeSanitize, articleSanitizeSchema], rehypeContentAnchors],
			}),
		],
		['unified, no plugins', await createMarkdownProcessor({ syntaxHighlight: false, smartypants: false })],
		['Sätteri (Astro 7 default), no plugins', await createSatteriMarkdownProcessor({ syntaxHighlight: false, smartypants: false })],
		['Sätteri, raw HTML parsed (rawHtml)', await createSatteriMarkdownProcessor({ syntaxHighlight: false, smartypants: false, features: { rawHtml: true } })],
		['unified, actor mentions only', await createMarkdownProcessor({ syntaxHighlight: false, smartypants: false, remarkPlugins: [[remarkActorMentions, { actors }]] })],
		['unified, raw HTML + sanitize only', await createMarkdownProcessor({ syntaxHighlight: false, smartypants: false, rehypePlugins: [rehypeRaw, [rehypeSanitize, articleSanitizeSchema]] })],
	];
	console.log(`${bodies.length} article bodies from ${corpus}, ${(bodies.reduce((n, b) => n + b.length, 0) / bodies.length).toFixed(0)} characters each on average`);
	for (const [, processor] of pipelines) for (const body of bodies.slice(0, 50)) await processor.render(body); // warm up
	// Each article goes through every pipeline in turn, so a busy machine slows them all alike.
	const outputs: string[][] = pipelines.map(() => []);
	const ms = pipelines.map(() => 0);
	for (const body of bodies) {
		for (const [i, [, processor]] of pipelines.entries()) {
			const started = performance.now();
			outputs[i].push((await processor.render(body)).code);
			ms[i] += performance.now() - started;
		}
	}
	for (const [i, [name]] of pipelines.entries()) {
		console.log(`${name}: ${(ms[i] / bodies.length).toFixed(3)} ms per article (${(ms[i] / ms[0]).toFixed(2)}× the site's), ${(ms[i] / 1000).toFixed(1)} s in all`);
	}
	// Whitespace between tags and at the ends does not show on the page.
	const norm = (html: string) => html.replace(/>\s+</g, '><').trim();
	const same = (a: number, b: number) => outputs[a].filter((html, i) => norm(html) === norm(outputs[b][i])).length;
	console.log(`same HTML (up to whitespace between tags) as the site's pipeline: unified without plugins ${same(1, 0)}, Sätteri ${same(2, 0)}, Sätteri rawHtml ${same(3, 0)} of ${bodies.length}`);
	console.log(`same HTML as unified without plugins: Sätteri ${same(2, 1)}, Sätteri rawHtml ${same(3, 1)} of ${bodies.length}`);
	for (const [a, b] of [[0, 1], [1, 2]]) showDifference(files, outputs[a], outputs[b], pipelines[a][0], pipelines[b][0], norm);
}

function showDifference(files: string[], left: string[], right: string[], leftName: string, rightName: string, norm: (html: string) => string) {
	const differs = left.findIndex((html, i) => norm(html) !== norm(right[i]));
	if (differs < 0) return;
	const a = norm(left[differs]);
	const b = norm(right[differs]);
	let at = 0;
	while (a[at] === b[at]) at++;
	console.log(`first difference (${files[differs]}, at character ${at}):\n  ${leftName}: …${a.slice(Math.max(0, at - 80), at + 120)}…\n  ${rightName}: …${b.slice(Math.max(0, at - 80), at + 120)}…`);
}

const body = readFileSync(positionals[0], 'utf8');
const processor = await createMarkdownProcessor({
	syntaxHighlight: false,
	smartypants: false,
	remarkPlugins: process.env.NO_MENTIONS ? [] : [[remarkActorMentions, { actors: readActors(contentDir()) }]],
	rehypePlugins: [rehypeRaw, [rehypeSanitize, articleSanitizeSchema]],
});
// Warm up first: the processor loads some of its modules on first use.
await processor.render('Warm *up* [x](https://example.org)\n\n> q\n\n- a\n\n| a |\n|---|\n| b |\n\n<div>x</div>\n');
const started = performance.now();
try {
	const html = (await processor.render(body)).code;
	console.log(`${Math.round(performance.now() - started)} ms, ${body.length} chars in, ${html.length} out`);
} catch (error) {
	console.log(`${Math.round(performance.now() - started)} ms, failed: ${(error as Error).name}: ${(error as Error).message.slice(0, 100)}`);
}
