// Builds the real site once per test run and serves it on 127.0.0.1; every browser test shares it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveSite } from '../../scripts/lib/serve.ts';
import { SITE_DIR } from './site.ts';

const root = resolve(import.meta.dirname, '../..');

export default async function setup(project: TestProject) {
	if (!process.env.REUSE_SITE || !existsSync(resolve(SITE_DIR, 'index.html'))) {
		const build = spawnSync(process.execPath, ['scripts/build.ts'], {
			cwd: root,
			stdio: 'inherit',
			env: { ...process.env, DIST_DIR: SITE_DIR, CONTENT_DIR: '' },
		});
		if (build.status !== 0) throw new Error('Building the site for the browser tests failed');
	}
	const site = await serveSite(SITE_DIR);
	project.provide('baseUrl', site.url);
	return () => site.close();
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}
