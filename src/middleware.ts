// Runs as each page is rendered (at build time for this static site).
import { defineMiddleware } from 'astro:middleware';
import { cspFirst } from './site/csp-first.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
	const response = await next();
	if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
	// The CSP <meta> goes first in <head>, before anything that carries content (src/site/csp-first.ts).
	return new Response(cspFirst(await response.text()), { status: response.status, statusText: response.statusText, headers: response.headers });
});
