import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Where the browser tests build the real site (not dist/, so a test run never touches the user's build). */
export const SITE_DIR = resolve(process.env.TEST_SITE_DIR ?? resolve(import.meta.dirname, '../../node_modules/.cache/test-site'));

/** HTML of a built page, by route. */
export function builtPage(route: string): string {
	const file = route.endsWith('/') ? `${route}index.html` : route;
	return readFileSync(resolve(SITE_DIR, `.${file}`), 'utf8');
}

/** Debian's Chromium; no test tool downloads a browser of its own here. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', ...extraArgs],
	});
}
