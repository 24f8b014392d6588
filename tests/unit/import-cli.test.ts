// `npm run import` and `npm run new-actor` as an author runs them: the file written, idempotence,
// no overwrite without --force, the check refusing the draft, and the candidate command creating the actor.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentTree } from '../fixtures/content-tree.ts';

const repo = resolve(import.meta.dirname, '../..');
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function run(script: string, args: string[], content: string, input?: string) {
	return spawnSync(process.execPath, [join(repo, 'scripts', script), ...args], {
		cwd: repo,
		encoding: 'utf8',
		input,
		env: { ...process.env, CONTENT_DIR: content },
	});
}

const TEXT = `Хунта в Мали сотрудничает с Москвой, сообщает «Коммерсантъ». В июле бойцы ЧВК «Редут» прибыли в страну.

На прошлой неделе Москва направила в Бамако инструкторов ЧВК «Редут».`;

describe('npm run import', { timeout: 60_000 }, () => {
	const t = contentTree();
	roots.push(t.root);
	const source = join(t.root, 'article.txt');
	writeFileSync(source, TEXT);
	const draftPath = join(t.content, 'articles', '2025-09-15-khunta-v-mali-sotrudnichaet-s-moskvoy.md');

	it('writes content/articles/<date>-<slug>.md: draft: true, the text unchanged below the frontmatter', () => {
		const first = run('import.ts', [source, '--date', '2025-09-15'], t.content);
		expect(first.stderr).toBe('');
		expect(first.status).toBe(0);
		expect(first.stdout).toContain('Created');
		const written = readFileSync(draftPath, 'utf8');
		expect(written).toMatch(/\ndraft: true\n/);
		expect(written.endsWith(`\n---\n${TEXT}`)).toBe(true);
		expect(written).toMatch(/\nactors:\n {2}- mali-junta\n {2}- russia\n/);
		expect(written).toContain('- { outlet: "Коммерсантъ" }');
		expect(written).toMatch(/date: "2025-07"/);
		// The unknown company, both mentions counted, with the command that creates it.
		expect(written).toMatch(/#\s+ЧВК «Редут» — 2×: В июле бойцы ЧВК «Редут» прибыли в страну\./);
		expect(written).toContain('#     npm run new-actor -- redut --en "Redut" --ru "ЧВК «Редут»"');
	});

	it('is idempotent: the same text again changes nothing', () => {
		const before = readFileSync(draftPath, 'utf8');
		const again = run('import.ts', [source, '--date', '2025-09-15'], t.content);
		expect(again.status).toBe(0);
		expect(again.stdout).toContain('Unchanged');
		expect(readFileSync(draftPath, 'utf8')).toBe(before);
		expect(readdirSync(join(t.content, 'articles')).filter((f) => f.includes('khunta'))).toHaveLength(1);
	});

	it('never overwrites an edited article without --force, even under another date', () => {
		const edited = readFileSync(draftPath, 'utf8').replace('draft: true\n', '');
		writeFileSync(draftPath, edited);
		for (const args of [[source, '--date', '2025-09-15'], [source, '--date', '2025-09-16']]) {
			const refused = run('import.ts', args, t.content);
			expect(refused.status).toBe(1);
			expect(refused.stderr).toContain('2025-09-15-khunta-v-mali-sotrudnichaet-s-moskvoy.md');
			expect(refused.stderr).toContain('found:    an article with the same text');
			expect(refused.stderr).toMatch(/fix: .*--force/);
		}
		expect(readFileSync(draftPath, 'utf8')).toBe(edited);
		expect(existsSync(draftPath.replace('2025-09-15', '2025-09-16'))).toBe(false);

		const forced = run('import.ts', [source, '--date', '2025-09-15', '--force'], t.content);
		expect(forced.status).toBe(0);
		expect(readFileSync(draftPath, 'utf8')).toMatch(/\ndraft: true\n/);
	});

	it('npm run check refuses the draft and lists what is still to review', () => {
		const check = run('check.ts', [t.content], t.content);
		expect(check.status).toBe(1);
		expect(check.stderr).toMatch(/✖ error {2}.*2025-09-15-khunta-v-mali-sotrudnichaet-s-moskvoy\.md:4 {2}draft\n/);
		expect(check.stderr).toMatch(/found: {4}draft: true; still to review: title, summary, events\[0\]\.title, events\[1\]\.title/);
		expect(check.stderr).toContain('fix:      review the TODOs and remove draft: true');
	});

	it('npm run build refuses the draft too: no site is written', () => {
		const dist = join(t.root, 'dist');
		const build = spawnSync(process.execPath, [join(repo, 'scripts/build.ts')], {
			cwd: repo,
			encoding: 'utf8',
			env: { ...process.env, CONTENT_DIR: t.content, DIST_DIR: dist },
		});
		expect(build.status).not.toBe(0);
		expect(build.stderr).toContain('fix:      review the TODOs and remove draft: true');
		expect(existsSync(dist)).toBe(false);
	});

	it('the candidate command creates the actor, and the next import finds it', () => {
		const command = /npm run new-actor -- (.+)$/m.exec(readFileSync(draftPath, 'utf8'))![1]!;
		const args = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
		const created = run('new-actor.ts', args, t.content);
		expect(created.stderr).toBe('');
		expect(created.status).toBe(0);
		const actorFile = join(t.content, 'actors', 'redut.md');
		expect(readFileSync(actorFile, 'utf8')).toContain('name: { en: "Redut", ru: "ЧВК «Редут»" }');
		// A second run refuses to replace it.
		expect(run('new-actor.ts', args, t.content).status).toBe(1);

		const reimported = run('import.ts', [source, '--date', '2025-09-15', '--force'], t.content);
		expect(reimported.status).toBe(0);
		const draft = readFileSync(draftPath, 'utf8');
		expect(draft).toMatch(/\nactors:\n {2}- mali-junta\n {2}- russia\n {2}- redut\n/);
		expect(draft).not.toContain('new-actor -- redut');
	});

	it('after review (TODOs written, draft: true removed) the check passes', () => {
		const reviewed = readFileSync(draftPath, 'utf8')
			.replace('draft: true\n', '')
			.replace(/"TODO: the headline[^"]*"/, '"Хунта Мали и Москва"')
			.replace(/"TODO: one English paragraph[^"]*"/, '"The junta works with Moscow; Russian instructors arrive."')
			.replaceAll(/"TODO: what happened[^"]*"/g, '"Instructors arrive in Mali"');
		writeFileSync(draftPath, reviewed);
		const actorFile = join(t.content, 'actors', 'redut.md');
		writeFileSync(actorFile, readFileSync(actorFile, 'utf8').replace(/TODO: one or two sentences.*/, 'A Russian private military company.'));
		const check = run('check.ts', [t.content], t.content);
		expect(check.stderr).not.toContain('error');
		expect(check.status).toBe(0);
	});

	it('reads the text from standard input and takes the date from a leading "date YYYY-MM-DD" marker', () => {
		const content = mkdtempSync(join(tmpdir(), 'import-stdin-'));
		roots.push(content);
		mkdirSync(join(content, 'articles'));
		cpSync(join(repo, 'content/actors'), join(content, 'actors'), { recursive: true });
		const fixture = readFileSync(join(repo, 'sources/2025-09-15-us-mali-junta.ru.txt'), 'utf8');
		const result = run('import.ts', ['-'], content, fixture);
		expect(result.status).toBe(0);
		const written = readFileSync(join(content, 'articles', '2025-09-15-administratsiya-donalda-trampa-v-poslednie-mesyatsy.md'), 'utf8');
		const original = readFileSync(join(repo, 'content/articles/2025-09-15-us-mali-junta.md'), 'utf8');
		expect(written.split('\n---\n')[1]).toBe(original.split('\n---\n')[1]);
		expect(written).toMatch(/\ndate: 2025-09-15\n/);
		// The check on the current code accepts every field of the draft (dates included): the one error is draft itself.
		const check = run('check.ts', [content], content);
		expect(check.stderr).toMatch(/^✖ error {2}\S+2025-09-15-administratsiya-donalda-trampa-v-poslednie-mesyatsy\.md:4 {2}draft$/m);
		expect(check.stderr).toContain('1 error, 0 warnings');
	});

	it('refuses a bad --date with file, field, found, expected and fix', () => {
		const bad = run('import.ts', [source, '--date', '2025-02-30'], t.content);
		expect(bad.status).toBe(1);
		expect(bad.stderr).toContain('--date');
		expect(bad.stderr).toContain('found:    "2025-02-30"');
		expect(bad.stderr).toContain('expected: a real calendar day as YYYY-MM-DD');
		expect(bad.stderr).toContain('fix:');
	});
});
