// Makes `npm run dev` behave like the built site: search answers from a Pagefind index of the pages the
// dev server renders (built when it starts, rebuilt when content changes), and content errors are shown
// in the browser, on every page, until they are fixed — not only in the terminal.
import type { AddressInfo } from 'node:net';
import type { ServerResponse } from 'node:http';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { checkContent, type CheckedContent } from '../input/check.ts';
import { contentDir } from '../input/dir.ts';
import { formatProblems, type Problem } from '../input/problems.ts';
import { PAGEFIND_DIR, addContentRecords, check, createSiteIndex } from './pagefind.ts';
import { articlePath } from '../schema/routes.ts';
import { onContentReloaded } from '../site/content-reloads.ts';
import { oneAtATime } from '../site/one-at-a-time.ts';
import { count } from '../language/wording.ts';

const TYPES: Record<string, string> = { js: 'text/javascript', css: 'text/css', json: 'application/json', wasm: 'application/wasm' };

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page every route answers with while content has errors; Vite's client reloads it after each edit. */
function errorPage(errors: Problem[]): string {
	const count = `${errors.length} content error${errors.length === 1 ? '' : 's'}`;
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${count} — fix to see the site</title>
<script type="module" src="/@vite/client"></script>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; padding: 2rem; background: #fff8f6; color: #1d1b1a; }
h1 { color: #a4161a; font-size: 1.5rem; margin-top: 0; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #fff; border: 2px solid #a4161a; border-radius: 6px; padding: 1rem; font-size: 14px; }
@media (prefers-color-scheme: dark) { body { background: #1e1414; color: #f4eeee; } h1 { color: #ff8a8a; } pre { background: #120c0c; border-color: #ff8a8a; } }
</style></head>
<body><main id="content-errors" role="alert">
<h1>${count}: the site is not shown until ${errors.length === 1 ? 'it is' : 'they are'} fixed</h1>
<p>This is what <code>npm run check</code> and <code>npm run build</code> report. Save the file and this page reloads.</p>
<pre>${escapeHtml(formatProblems(errors))}</pre>
</main></body></html>`;
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array) {
	res.statusCode = status;
	res.setHeader('content-type', type);
	res.setHeader('cache-control', 'no-store');
	res.end(body);
}

/** Builds the site's Pagefind index from the pages the dev server renders, kept in memory. */
async function buildDevIndex(origin: string, content: CheckedContent, logger: AstroIntegrationLogger): Promise<Map<string, Uint8Array>> {
	const started = performance.now();
	try {
		const index = await createSiteIndex();
		// Article pages as the build indexes them: their rendered HTML (the dev server's, here).
		for (const article of content.articles) {
			const url = articlePath(article.id);
			const response = await fetch(new URL(url, origin));
			if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
			check(`addHTMLFile(${url})`, await index.addHTMLFile({ url, content: await response.text() }));
		}
		const added = await addContentRecords(index, content);
		const { files } = check('getFiles', await index.getFiles());
		logger.info(
			`Search index: ${count(content.articles.length, 'article')}, ${count(added.actors, 'actor')}, ${count(added.days, 'timeline day')} in ${Math.round(performance.now() - started)} ms`,
		);
		return new Map(files.map((file) => [`/${PAGEFIND_DIR}/${file.path.replace(/^\/+/, '')}`, file.content]));
	} finally {
		await pagefind.close();
	}
}

export default function devServer(): AstroIntegration {
	let errors: Problem[] = [];
	let content: CheckedContent | undefined;
	let origin: string | undefined;
	let files = new Map<string, Uint8Array>();
	let indexing: Promise<void> = new Promise(() => {});
	let startIndex: () => void = () => {};
	const firstIndex = new Promise<void>((resolve) => (startIndex = resolve));
	indexing = firstIndex;

	return {
		name: 'mali-realignment:dev-server',
		hooks: {
			'astro:server:setup': ({ server, logger }) => {
				const dir = contentDir();
				const show = (checked: CheckedContent) => {
					content = checked;
					errors = content.problems.filter((p) => p.severity === 'error');
					// The loaders keep the dev server running on the valid files; the errors are said here, and on every page.
					if (errors.length) logger.error(`\n${formatProblems(errors)}\nEvery page shows these until they are fixed.`);
				};
				// One index build at a time; a change during a build queues one more, with the content as it is then.
				const reindex = oneAtATime(async () => {
					if (!origin || !content || errors.length) return; // keep the last good index
					try {
						files = await buildDevIndex(origin, content, logger);
					} catch (error) {
						logger.error(`Search index not rebuilt: ${(error as Error).message}`);
					}
				});
				show(checkContent(dir));
				firstIndex.then(() => {
					indexing = reindex();
				});
				// After the loaders have stored an edit (src/site/loaders.ts), not when the file changes: a page
				// rendered or indexed before then would show the content as it was.
				const stop = onContentReloaded((checked) => {
					show(checked);
					// Every open page reloads: into the error page, or back to the site once it is fixed.
					server.ws.send({ type: 'full-reload' });
					indexing = reindex();
				});
				server.httpServer?.once('close', stop); // Astro restarts its server when the config changes

				server.middlewares.use(async (req, res, next) => {
					const path = decodeURIComponent(new URL(req.url ?? '/', 'http://dev').pathname);
					if (path.startsWith(`/${PAGEFIND_DIR}/`)) {
						// The search page asks for the bundle as soon as it loads: wait for the index rather than 404.
						// A content change may start a newer build while this one runs: wait for the latest.
						let current: Promise<void>;
						do await (current = indexing);
						while (current !== indexing);
						const file = files.get(path);
						if (!file) return send(res, 404, 'text/plain; charset=utf-8', `No ${path} in the dev search index`);
						return send(res, 200, TYPES[path.split('.').pop()!] ?? 'application/octet-stream', file);
					}
					const isPage = req.method === 'GET' && (req.headers.accept ?? '').includes('text/html') && !/^\/(@|node_modules\/|src\/)/.test(path);
					if (errors.length && isPage) return send(res, 500, 'text/html; charset=utf-8', errorPage(errors));
					next();
				});
			},
			'astro:server:start': ({ address }) => {
				const { address: host, family, port } = address as AddressInfo;
				const local = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : family === 'IPv6' || host.includes(':') ? `[${host}]` : host;
				origin = `http://${local}:${port}`;
				startIndex();
			},
		},
	};
}
