/**
 * Puts Astro's CSP `<meta>` at the top of `<head>`, right after `<meta charset>`.
 *
 * Astro writes the policy where its compiler renders the head's assets, just before `</head>`, so the title,
 * the description and the JSON-LD, all of which carry content, come before it. A policy in a `<meta>` only
 * governs what the parser meets after it, and the browser ignores it altogether if earlier markup has
 * already ended the head; so it goes first. `<meta charset>` stays in front of it: the encoding declaration
 * must lie within the first 1024 bytes, and the policy (one hash per script and style) is longer than that.
 */
const CSP_META = /<meta http-equiv="content-security-policy" content="[^"]*">/;
const HEAD_START = /^(<!DOCTYPE html>\s*<html[^>]*>\s*<head>\s*<meta charset="utf-8">)/i;

export function cspFirst(html: string): string {
	const csp = CSP_META.exec(html);
	if (!csp) return html;
	const start = HEAD_START.exec(html);
	if (!start) throw new Error('cspFirst: the page does not start with <!DOCTYPE html><html><head><meta charset="utf-8">, so the CSP cannot go first');
	if (csp.index === start[0].length) return html;
	const without = html.slice(0, csp.index) + html.slice(csp.index + csp[0].length);
	return start[0] + csp[0] + without.slice(start[0].length);
}
