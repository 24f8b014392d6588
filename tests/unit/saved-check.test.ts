// scripts/build.ts checks the content once: `scripts/check.ts --save` hands what it read and checked to the
// Astro build's loaders, which take it only for the folder it was made from, and never after an error.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/input/check.ts';
import { readSavedCheck } from '../../src/site/loaders.ts';
import { contentTree } from '../fixtures/content-tree.ts';

const repo = resolve(import.meta.dirname, '../..');
const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

function check(content: string, saveTo: string) {
	return spawnSync(process.execPath, [join(repo, 'scripts/check.ts'), content, '--save', saveTo], { cwd: repo, encoding: 'utf8' });
}

describe('check --save', () => {
	it('saves exactly what checking the folder gives, Maps and Dates included', () => {
		const tree = contentTree();
		roots.push(tree.root);
		const file = join(tree.root, 'handover', 'content.v8');
		const run = check(tree.content, file);
		expect(run.status, run.stderr).toBe(0);
		const saved = readSavedCheck(file, tree.content);
		const fresh = checkContent(tree.content);
		expect(saved).toBeDefined();
		expect(saved!.actors).toBeInstanceOf(Map);
		expect(saved!.articles[0].data.date).toBeInstanceOf(Date);
		expect(saved).toEqual(fresh);
	});

	it('is not taken for another content folder', () => {
		const tree = contentTree();
		roots.push(tree.root);
		const file = join(tree.root, 'content.v8');
		expect(check(tree.content, file).status).toBe(0);
		expect(readSavedCheck(file, join(repo, 'content'))).toBeUndefined();
	});

	it('saves nothing when the content has an error, so the build stops at the check', () => {
		const tree = contentTree();
		roots.push(tree.root);
		tree.write('articles/2025-09-16-broken.md', '---\ntitle: "No date"\nlang: ru\n---\nТекст.\n');
		const file = join(tree.root, 'content.v8');
		const run = check(tree.content, file);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('2025-09-16-broken.md');
		expect(existsSync(file)).toBe(false);
	});
});
