import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

/**
 * Serves a built site on 127.0.0.1 the way a static host does (404.html for unknown paths).
 * Tests use this rather than `astro preview`, which allows one preview server per project.
 */
export function serveSite(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
	const files = sirv(dir, { dev: false, etag: true, dotfiles: false });
	const server: Server = createServer((req, res) =>
		files(req, res, () => {
			res.statusCode = 404;
			res.setHeader('content-type', 'text/html; charset=utf-8');
			res.end(readFileSync(join(dir, '404.html')));
		}),
	);
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
		});
	});
}
