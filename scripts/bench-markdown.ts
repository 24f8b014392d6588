// Times the article Markdown pipeline (Astro's Markdown processor with the plugins of astro.config.mjs:
// GFM, actor mentions, rehype-raw, sanitize) on one body read from a file:
//   node scripts/bench-markdown.ts <file.md>
// Prints milliseconds, or the error that stopped it. Used to set the limits in src/input/limits.ts.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { readActors } from '../src/input/check.ts';
import { contentDir } from '../src/input/dir.ts';
import { remarkActorMentions } from '../src/markdown/remark-actor-mentions.ts';
import { articleSanitizeSchema } from '../src/markdown/sanitize.ts';

const body = readFileSync(process.argv[2], 'utf8');
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
