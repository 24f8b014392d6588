// The link check, proven on a tiny fixture first, then run over the whole built site.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLinks, formatBroken } from './links.ts';
import { SITE_DIR } from './site.ts';

const SITE_ORIGIN = process.env.SITE_URL ?? 'https://mali-realignment.example.org';

describe('checkLinks on a fixture site', () => {
	const dir = mkdtempSync(join(tmpdir(), 'links-fixture-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const write = (path: string, body: string) => {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), `<!doctype html><html><body>${body}</body></html>`);
	};
	write('index.html', [
		'<a href="/a/">ok</a>',
		'<a href="/a/#here">ok fragment</a>',
		'<a href="a/">ok relative</a>',
		'<a href="#top">ok own fragment</a><h1 id="top">x</h1>',
		'<a href="https://example.com/elsewhere">external, skipped</a>',
		'<a href="mailto:x@example.com">mail, skipped</a>',
		`<link rel="canonical" href="${SITE_ORIGIN}/a/">`,
		'<img src="/pic.svg" alt="">',
		'<a href="/missing/">missing page</a>',
		'<a href="/a/#nowhere">missing fragment</a>',
		'<a href="/a">no trailing slash</a>',
		'<svg><a href="/gone/"><text>svg link</text></a></svg>',
		`<a href="${SITE_ORIGIN}/nope/">absolute, own origin, missing</a>`,
		'<img src="/missing.png" alt="">',
	].join(''));
	write('a/index.html', '<p id="here">here</p><a href="../">up</a>');
	writeFileSync(join(dir, 'pic.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

	it('accepts links that resolve and reports each one that does not, with the reason', () => {
		const { pages, broken } = checkLinks(dir, { siteOrigin: SITE_ORIGIN });
		expect(pages).toBe(2);
		expect(broken.map((b) => [b.page, b.link])).toEqual([
			['/', '/missing/'],
			['/', '/a/#nowhere'],
			['/', '/a'],
			['/', '/gone/'],
			['/', `${SITE_ORIGIN}/nope/`],
			['/', '/missing.png'],
		]);
		expect(broken.find((b) => b.link === '/a')!.reason).toContain('trailing slash');
		expect(broken.find((b) => b.link === '/a/#nowhere')!.reason).toContain('no element with id "nowhere"');
	});
});

describe('the built site', () => {
	it('has no broken internal link, src or #fragment anywhere', () => {
		const { pages, links, broken } = checkLinks(SITE_DIR, { siteOrigin: SITE_ORIGIN });
		expect(pages).toBeGreaterThan(25);
		expect(links).toBeGreaterThan(500);
		expect(broken, formatBroken(broken)).toEqual([]);
	});
});
