// @ts-check
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import devServer from './src/integrations/dev-server.ts';
import offlineWorker from './src/integrations/offline.ts';
import pagefindIndex from './src/integrations/pagefind.ts';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { readActors } from './src/input/check.ts';
import { contentDir } from './src/input/dir.ts';
import { buildMentionMatcher } from './src/language/mentions.ts';
import { remarkActorMentions } from './src/markdown/remark-actor-mentions.ts';
import { remarkMentionExcerpts } from './src/markdown/mention-excerpts.ts';
import { rehypeContentAnchors } from './src/markdown/content-anchors.ts';
import { articleSanitizeSchema } from './src/markdown/sanitize.ts';

// Every page goes through src/middleware.ts, which no page imports, so the incremental build's per-page code
// hashes do not see it. Its source is hashed into the config (Astro's incremental cache is keyed by a hash
// of the config): a change to it renders every page again instead of copying pages it never touched.
const middlewareHash = createHash('sha1')
	.update(['src/middleware.ts', 'src/site/csp-first.ts'].map((f) => readFileSync(new URL(f, import.meta.url), 'utf8')).join('\0'))
	.digest('hex');

// The actors' names, which article bodies link and quote.
const matcher = buildMentionMatcher(readActors(contentDir()));

export default defineConfig({
	site: process.env.SITE_URL ?? 'https://mali-realignment.example.org',
	// scripts/build.ts builds into a temporary folder and swaps it in only when everything succeeded.
	outDir: process.env.ASTRO_OUT_DIR ?? 'dist',
	// Separate caches let several builds (tests, benchmarks) run side by side.
	...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
	trailingSlash: 'always',
	compressHTML: true,
	// Pages whose getStaticPaths() returns a cacheKey (articles, timeline pages: src/site/cache-keys.ts)
	// are copied from the previous build when their key and code are unchanged.
	experimental: { incrementalBuild: true },
	vite: { define: { 'import.meta.env.MIDDLEWARE_HASH': JSON.stringify(middlewareHash) } },
	// Order matters: Pagefind indexes the built pages, then the service worker precaches Pagefind's files.
	// devServer only acts in `astro dev`: search from an in-memory index, content errors in the browser.
	integrations: [sitemap(), pagefindIndex(), offlineWorker(), devServer()],
	security: {
		csp: {
			// Pagefind compiles its WebAssembly in the browser; every other source is the site itself.
			scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
			directives: [
				"default-src 'self'",
				"img-src 'self' data:",
				"connect-src 'self'",
				"worker-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
		},
	},
	markdown: {
		// No code highlighting: Shiki is incompatible with the CSP, and articles carry no code.
		syntaxHighlight: false,
		processor: unified({
			// Article text stays exactly as written: no "smart" quote or dash rewriting.
			smartypants: false,
			// The quotes on actor pages are found in the tree parsed here (before names become links), not by parsing again.
			remarkPlugins: [
				[remarkMentionExcerpts, { matcher }],
				[remarkActorMentions, { actors: matcher }],
			],
			// Footnote ids unprefixed here: the sanitiser prefixes every id from content, once.
			remarkRehype: { clobberPrefix: '' },
			// Parse raw HTML here, then sanitise it, so nothing unsafe reaches the page; then give headings
			// prefixed ids and point in-page links at the prefixed ids.
			rehypePlugins: [rehypeRaw, [rehypeSanitize, articleSanitizeSchema], rehypeContentAnchors],
		}),
	},
});
