// The quality gates every page must pass, as functions, so a test can also prove each one catches a defect.
import AxeBuilder from '@axe-core/playwright';
import { HtmlValidate, type Message } from 'html-validate';
import type { Page } from 'playwright-core';

/** WCAG 2.2 AA violations axe-core finds on the loaded page. */
export async function axeViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

const validator = new HtmlValidate({
	extends: ['html-validate:recommended'],
	rules: {
		// Astro writes void elements as <meta …>; either style is valid HTML.
		'void-style': 'off',
		// Component-scoped <style> and the pages' own JSON-LD are fine inline.
		'no-inline-style': 'off',
		// Minified output puts elements on one line; whitespace rules are about hand-written source.
		'no-trailing-whitespace': 'off',
		// Long, descriptive titles are titles of articles, as their authors wrote them.
		'long-title': 'off',
		// A labelled list of actor chips is valid ARIA (lists are nameable); the rule only prefers other elements.
		'aria-label-misuse': ['error', { allowAnyNamable: true }],
	},
});

/**
 * Markup after `</body>` (other than `</html>`, whitespace and comments): html-validate accepts it, but the
 * W3C Nu checker reports "Stray start tag" and browsers move it into <body> — e.g. a page's <script> written
 * after </html>.
 */
function strayAfterBody(html: string, name: string): string[] {
	const end = html.toLowerCase().lastIndexOf('</body>');
	if (end < 0) return [];
	const tail = html.slice(end + '</body>'.length).replace(/<!--[\s\S]*?-->/g, '');
	if (/^\s*(<\/html>)?\s*$/i.test(tail)) return [];
	const line = html.slice(0, end).split('\n').length;
	const stray = tail.replace(/^\s*(<\/html>)?\s*/i, '').slice(0, 60);
	return [`${name}:${line} stray-after-body: markup after </body> (W3C: "Stray start tag"): ${stray}`];
}

/** html-validate errors for one HTML document, plus markup after </body>. */
export async function htmlErrors(html: string, name: string): Promise<string[]> {
	const report = await validator.validateString(html, name);
	const errors = report.results.flatMap((r) => r.messages.filter((m: Message) => m.severity === 2).map((m: Message) => `${name}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
	return [...errors, ...strayAfterBody(html, name)];
}

/** How far the page scrolls sideways at the current viewport width (0 = no horizontal scroll). */
export function horizontalOverflow(page: Page): Promise<number> {
	return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Records console errors and requests to any host but the site's own while `page` is used.
 * Foreign requests are recorded and aborted, so a test never sends traffic off this machine.
 */
export async function watchPage(page: Page, origin: string) {
	const consoleErrors: string[] = [];
	const foreignRequests: string[] = [];
	page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
	page.on('pageerror', (e) => consoleErrors.push(e.message));
	await page.route(
		(url) => !url.href.startsWith(origin) && url.protocol !== 'data:' && url.protocol !== 'blob:',
		(route) => {
			foreignRequests.push(route.request().url());
			return route.abort('blockedbyclient');
		},
	);
	return { consoleErrors, foreignRequests };
}

export type LighthouseScores = Record<'performance' | 'accessibility' | 'best-practices' | 'seo', number>;

/** Lighthouse category scores (0–100) for a URL, run through a Chromium that listens on `port` for DevTools. */
export async function lighthouseScores(url: string, port: number): Promise<LighthouseScores> {
	const { default: lighthouse } = await import('lighthouse');
	const { default: desktop } = await import('lighthouse/core/config/desktop-config.js');
	const result = await lighthouse(url, { port, logLevel: 'error', output: 'json' }, { ...desktop, settings: { ...desktop.settings, onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] } });
	if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
	const scores = Object.fromEntries(Object.entries(result.lhr.categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)]));
	return scores as LighthouseScores;
}
