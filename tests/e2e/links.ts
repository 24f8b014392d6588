// Link check over a built site: every internal href/src of every HTML file must resolve to a file of the
// site, and every #fragment to an element id (or <a name>) on the page it points into.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export interface BrokenLink {
	/** Site path of the page holding the link, e.g. /actors/russia/. */
	page: string;
	/** The attribute value as written. */
	link: string;
	reason: string;
}

export interface LinkCheckOptions {
	/** Absolute URLs on this origin (e.g. the canonical site URL) are checked as internal links too. */
	siteOrigin?: string;
}

const URL_ATTRIBUTES = ['href', 'src', 'poster', 'data', 'action'] as const;

function htmlFiles(dir: string): string[] {
	const found: string[] = [];
	const walk = (d: string) => {
		for (const entry of readdirSync(d, { withFileTypes: true })) {
			const path = join(d, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name.endsWith('.html')) found.push(path);
		}
	};
	walk(dir);
	return found.sort();
}

/** /actors/russia/index.html → /actors/russia/ ; /404.html stays /404.html. */
function pagePath(dir: string, file: string): string {
	const path = `/${relative(dir, file).split(sep).join('/')}`;
	return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Every URL an element points at: its URL attributes, and each candidate of a srcset. */
function urlsOf(element: HTMLElement): string[] {
	const urls: string[] = [];
	for (const name of URL_ATTRIBUTES) {
		const value = element.getAttribute(name);
		// <form action> is a GET endpoint (e.g. /search/): checked like a link. <object data> likewise.
		if (value !== undefined) urls.push(value);
	}
	const srcset = element.getAttribute('srcset');
	if (srcset) urls.push(...srcset.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!).filter(Boolean));
	return urls;
}

/**
 * Checks every internal link of the built site in `dir`. External (http(s) to other hosts, mailto:, tel:, data:)
 * links are skipped; relative links are resolved against their page.
 */
export function checkLinks(dir: string, options: LinkCheckOptions = {}): { pages: number; links: number; broken: BrokenLink[] } {
	const files = htmlFiles(dir);
	const idsCache = new Map<string, Set<string>>();
	const docs = new Map<string, HTMLElement>();
	const load = (file: string) => {
		let doc = docs.get(file);
		if (!doc) docs.set(file, (doc = parse(readFileSync(file, 'utf8'))));
		return doc;
	};
	const idsOf = (file: string) => {
		let ids = idsCache.get(file);
		if (!ids) {
			const doc = load(file);
			ids = new Set([...doc.querySelectorAll('[id]').map((e) => e.getAttribute('id')!), ...doc.querySelectorAll('a[name]').map((e) => e.getAttribute('name')!)]);
			idsCache.set(file, ids);
		}
		return ids;
	};
	/** The file a site path is served from, or undefined. */
	const resolveFile = (path: string): string | undefined => {
		const target = join(dir, ...path.split('/').filter(Boolean));
		if (path.endsWith('/')) return existsSync(join(target, 'index.html')) ? join(target, 'index.html') : undefined;
		if (existsSync(target) && statSync(target).isFile()) return target;
		return undefined;
	};

	const broken: BrokenLink[] = [];
	let links = 0;
	for (const file of files) {
		const page = pagePath(dir, file);
		const base = new URL(page, 'http://site.invalid');
		for (const element of load(file).querySelectorAll('*')) {
			for (const raw of urlsOf(element)) {
				const link = raw.trim();
				if (link === '' || /^(mailto|tel|data|javascript|blob):/i.test(link)) continue;
				let url: URL;
				try {
					url = new URL(link, base);
				} catch {
					broken.push({ page, link: raw, reason: 'not a valid URL' });
					continue;
				}
				const internal = url.origin === base.origin || (options.siteOrigin !== undefined && url.origin === new URL(options.siteOrigin).origin);
				if (!internal) continue;
				links++;
				let path: string;
				try {
					path = decodeURIComponent(url.pathname);
				} catch {
					broken.push({ page, link: raw, reason: 'badly percent-encoded path' });
					continue;
				}
				const target = resolveFile(path);
				if (!target) {
					const hint = !path.endsWith('/') && existsSync(join(dir, ...path.split('/').filter(Boolean), 'index.html')) ? ' (add the trailing slash)' : '';
					broken.push({ page, link: raw, reason: `no file for ${path}${hint}` });
					continue;
				}
				const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
				if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) {
					broken.push({ page, link: raw, reason: `no element with id "${fragment}" in ${pagePath(dir, target)}` });
				}
			}
		}
	}
	return { pages: files.length, links, broken };
}

/** One line per broken link, for a readable test failure. */
export function formatBroken(broken: BrokenLink[]): string {
	return broken.map((b) => `${b.page}: ${b.link} — ${b.reason}`).join('\n');
}
