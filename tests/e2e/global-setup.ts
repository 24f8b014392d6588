// Builds the real site once per test run and serves it with `astro preview`; every browser test shares it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { SITE_DIR } from './site.ts';

const root = resolve(import.meta.dirname, '../..');
let server: ChildProcess | undefined;

async function waitFor(url: string, ms = 30_000) {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${url} did not come up`);
}

export default async function setup(project: TestProject) {
	if (!process.env.REUSE_SITE || !existsSync(resolve(SITE_DIR, 'index.html'))) {
		const build = spawnSync(process.execPath, ['scripts/build.ts'], {
			cwd: root,
			stdio: 'inherit',
			env: { ...process.env, DIST_DIR: SITE_DIR, CONTENT_DIR: '' },
		});
		if (build.status !== 0) throw new Error('Building the site for the browser tests failed');
	}
	const port = 4800 + Math.floor(Math.random() * 500);
	server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'preview', '--port', String(port), '--host', '127.0.0.1'], {
		cwd: root,
		stdio: 'ignore',
		env: { ...process.env, ASTRO_OUT_DIR: SITE_DIR, ASTRO_PREVIEW_BACKGROUND: '0', ASTRO_TELEMETRY_DISABLED: '1' },
	});
	const base = `http://127.0.0.1:${port}`;
	await waitFor(`${base}/`);
	project.provide('baseUrl', base);
	return () => {
		server?.kill();
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}
