import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

export interface SiteServer {
	url: string;
	/** Requests the server received for a path. */
	hits: (path: string) => number;
	/** Serve the folder's current files (after a rebuild). */
	reload: () => void;
	close: () => Promise<void>;
}

/**
 * Serves a built site on 127.0.0.1 the way a static host does (404.html for unknown paths).
 * Tests use this rather than `astro preview`, which allows one preview server per project.
 * `revalidate`: answer with `cache-control: no-cache`, as many static hosts do (Netlify: max-age=0,
 * must-revalidate), so every page load reaches the server and is counted.
 */
export function serveSite(dir: string, { revalidate = false } = {}): Promise<SiteServer> {
	const counts = new Map<string, number>();
	const options = {
		dev: false,
		etag: true,
		dotfiles: false,
		...(revalidate ? { setHeaders: (res: ServerResponse) => res.setHeader('cache-control', 'no-cache') } : {}),
	};
	let files = sirv(dir, options);
	const server: Server = createServer((req, res) => {
		const path = new URL(req.url ?? '/', 'http://localhost').pathname;
		counts.set(path, (counts.get(path) ?? 0) + 1);
		files(req, res, () => {
			res.statusCode = 404;
			res.setHeader('content-type', 'text/html; charset=utf-8');
			res.end(readFileSync(join(dir, '404.html')));
		});
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			resolve({
				url: `http://127.0.0.1:${port}`,
				hits: (path) => counts.get(path) ?? 0,
				reload: () => {
					files = sirv(dir, options);
				},
				close: () => new Promise((done) => server.close(() => done())),
			});
		});
	});
}
