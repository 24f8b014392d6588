// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { readActors } from './src/content/check.ts';
import { contentDir } from './src/content/dir.ts';
import { remarkActorMentions } from './src/markdown/remark-actor-mentions.ts';
import { articleSanitizeSchema } from './src/markdown/sanitize.ts';

export default defineConfig({
	site: process.env.SITE_URL ?? 'https://mali-realignment.example.org',
	// scripts/build.ts builds into a temporary folder and swaps it in only when everything succeeded.
	outDir: process.env.ASTRO_OUT_DIR ?? 'dist',
	// Separate caches let several builds (tests, benchmarks) run side by side.
	...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
	trailingSlash: 'always',
	compressHTML: true,
	integrations: [sitemap()],
	markdown: {
		processor: unified({
			// Article text stays exactly as written: no "smart" quote or dash rewriting.
			smartypants: false,
			remarkPlugins: [[remarkActorMentions, { actors: readActors(contentDir()) }]],
			// Parse raw HTML here, then sanitise it, so nothing unsafe reaches the page.
			rehypePlugins: [rehypeRaw, [rehypeSanitize, articleSanitizeSchema]],
		}),
	},
});
