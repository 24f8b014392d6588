// Cache keys for Astro's incremental build (experimental.incrementalBuild): a page is copied from the
// previous build, not rendered, when its key and its code are unchanged. Keys are not written by hand: a
// keyed route renders from its props alone, and its key is the digest of those props. A component that
// starts showing a new field gets it through props, so the key covers it without anyone editing key code.
// tests/unit/cache-keys.test.ts pins this; tests/unit/layers.test.ts checks that keyed pages and their
// components load no data outside getStaticPaths.
import { createHash, type Hash } from 'node:crypto';

// Digests of objects already seen, by identity: the actors map or a timeline entry shared by thousands of
// pages is hashed once per build.
const seen = new WeakMap<object, string>();

function feed(hash: Hash, value: unknown, path: string): void {
	if (value === null || value === undefined) return void hash.update(value === null ? 'n;' : 'u;');
	switch (typeof value) {
		case 'string':
			return void hash.update(`s${value.length}:`).update(value);
		case 'number':
		case 'boolean':
		case 'bigint':
			return void hash.update(`${(typeof value)[0]}${String(value)};`);
		case 'object':
			return void hash.update(`o${digestOf(value, path)};`);
		default:
			// A function in props renders something no digest can see: pass its results instead.
			throw new TypeError(`Page props cannot be digested: ${path} is a ${typeof value}. Pass the data it would give (e.g. each entry's href), not the function.`);
	}
}

/** A short, stable digest of plain data: objects, arrays, Maps, Sets, Dates, strings, numbers. */
export function digestOf(value: unknown, path = 'props'): string {
	if (typeof value !== 'object' || value === null) {
		const hash = createHash('sha1');
		feed(hash, value, path);
		return hash.digest('base64url');
	}
	const known = seen.get(value);
	if (known) return known;
	const hash = createHash('sha1');
	if (value instanceof Date) hash.update(`d${value.getTime()}`);
	else if (value instanceof Map) {
		hash.update('M');
		for (const [k, v] of value) feed(hash, k, `${path} key`), feed(hash, v, `${path}.get(${String(k)})`);
	} else if (value instanceof Set) {
		hash.update('S');
		for (const v of value) feed(hash, v, `${path} member`);
	} else if (Array.isArray(value)) {
		hash.update(`A${value.length}`);
		value.forEach((v, i) => feed(hash, v, `${path}[${i}]`));
	} else {
		hash.update('O');
		for (const key of Object.keys(value).sort()) {
			const v = (value as Record<string, unknown>)[key];
			if (v === undefined) continue;
			hash.update(`k${key.length}:${key}`);
			feed(hash, v, `${path}.${key}`);
		}
	}
	const d = hash.digest('base64url');
	seen.set(value, d);
	return d;
}

/**
 * Static paths of a keyed route: each gets `cacheKey` = the digest of its params and props. The page must
 * render from `Astro.props` only (and from code: Astro re-renders a page whose code changed).
 */
export function keyedPaths<P extends { params: Record<string, string | undefined>; props: object }>(paths: P[]): (P & { cacheKey: string })[] {
	return paths.map((path) => ({ ...path, cacheKey: digestOf({ params: path.params, props: path.props }, 'path') }));
}
