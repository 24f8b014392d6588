import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile, importsOf, layerOf, layerViolations } from '../../scripts/layers.ts';

const repo = join(import.meta.dirname, '../..');

/** Pages and the timeline's route module: where getStaticPaths lives. */
function pageFiles(): string[] {
	const out = [join(repo, 'src/site/timeline-routes.ts')];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (/\.(astro|ts)$/.test(name)) out.push(path);
		}
	};
	walk(join(repo, 'src/pages'));
	return out;
}

/** A page's frontmatter without its getStaticPaths function (matched by braces). */
function outsideStaticPaths(text: string): string {
	const front = text.split(/^---$/m)[1] ?? '';
	const start = front.indexOf('function getStaticPaths');
	if (start === -1) return front;
	let depth = 0;
	let i = front.indexOf('{', start);
	for (; i < front.length; i++) {
		if (front[i] === '{') depth++;
		else if (front[i] === '}' && --depth === 0) break;
	}
	return front.slice(0, start) + front.slice(i + 1);
}

describe('the pipeline layers (issue 14)', () => {
	it('no import in the repository points against the direction of the pipeline', () => {
		const lines = layerViolations(repo).map((v) => `${v.file} → ${v.imports}: ${v.why}`);
		expect(lines).toEqual([]);
	});

	it('every source file under src/ belongs to a stage', () => {
		const orphans: string[] = [];
		const walk = (dir: string) => {
			for (const name of readdirSync(dir)) {
				const path = join(dir, name);
				if (statSync(path).isDirectory()) walk(path);
				else if (/\.(ts|astro)$/.test(name) && !name.endsWith('.d.ts') && !layerOf(relative(repo, path))) orphans.push(relative(repo, path));
			}
		};
		walk(join(repo, 'src'));
		expect(orphans).toEqual([]);
	});

	describe('a back-edge added to a copy of the tree is reported', () => {
		const copy = mkdtempSync(join(tmpdir(), 'layers-'));
		afterAll(() => rmSync(copy, { recursive: true, force: true }));
		for (const dir of ['src', 'scripts', 'tests']) cpSync(join(repo, dir), join(copy, dir), { recursive: true, filter: (p) => !p.includes('fixtures') });

		it('the model importing the check', () => {
			writeFileSync(join(copy, 'src/model/back-edge.ts'), "import { checkContent } from '../input/check.ts';\nexport const x = checkContent;\n");
			const found = layerViolations(copy).filter((v) => v.file === 'src/model/back-edge.ts');
			expect(found).toMatchObject([{ from: 'model', to: 'input', imports: 'src/input/check.ts' }]);
		});

		it('the schema importing the model, with a type-only import', () => {
			writeFileSync(join(copy, 'src/schema/back-edge.ts'), "import type { TimelineEntry } from '../model/timeline.ts';\nexport type T = TimelineEntry;\n");
			expect(layerViolations(copy).filter((v) => v.file === 'src/schema/back-edge.ts')).toMatchObject([{ from: 'schema', to: 'model' }]);
		});

		it("a component's script importing the check, and a script importing a test helper", () => {
			writeFileSync(join(copy, 'src/components/BackEdge.astro'), "---\nconst a = 1;\n---\n<p>{a}</p>\n<script>\n\timport '../input/read.ts';\n</script>\n");
			writeFileSync(join(copy, 'scripts/back-edge.ts'), "const { x } = await import('../tests/unit/article-fixture.ts');\n");
			const found = layerViolations(copy).map((v) => [v.file, v.to]);
			expect(found).toContainEqual(['src/components/BackEdge.astro', 'input']);
			expect(found).toContainEqual(['scripts/back-edge.ts', 'tests']);
		});
	});

	it('components load no data: they take it through props', () => {
		expect(checkFile('src/components/X.astro', "---\nimport { siteModel } from '../site/site-model.ts';\n---\n")).toMatchObject([{ why: expect.stringContaining('through props') }]);
		expect(checkFile('src/pages/x.astro', "---\nimport { siteModel } from '../site/site-model.ts';\n---\n")).toEqual([]);
	});

	it('a keyed page renders from its props: it loads data only inside getStaticPaths', () => {
		const keyed = pageFiles().filter((file) => readFileSync(file, 'utf8').includes('keyedPaths('));
		expect(keyed.map((f) => relative(repo, f)).sort()).toEqual([
			'src/pages/actors/[id]/page/[page].astro',
			'src/pages/articles/[slug].astro',
			'src/pages/articles/page/[page].astro',
			'src/site/timeline-routes.ts',
		]);
		for (const file of keyed.filter((f) => f.endsWith('.astro'))) {
			expect(outsideStaticPaths(readFileSync(file, 'utf8')), relative(repo, file)).not.toMatch(/\b(siteModel|siteContent|getCollection|getEntry)\(/);
		}
		// The check sees a load outside getStaticPaths.
		expect(outsideStaticPaths('---\nexport async function getStaticPaths() {\n\treturn keyedPaths((await siteModel()).x);\n}\nconst { a } = await siteModel();\n---\n')).toMatch(/siteModel\(/);
	});

	it('no file but src/schema/routes.ts writes a site address by hand', () => {
		const inline = /[`'"=]\/(?:actors|articles|timeline|search|data)\/|(?<!content)\/(?:actors|articles)\/\$\{/;
		const found: string[] = [];
		const walk = (dir: string) => {
			for (const name of readdirSync(dir)) {
				const path = join(dir, name);
				if (statSync(path).isDirectory()) walk(path);
				else if (/\.(ts|astro)$/.test(name) && relative(repo, path) !== 'src/schema/routes.ts') {
					readFileSync(path, 'utf8')
						.split('\n')
						.forEach((line, i) => {
							// Comments and import specifiers name folders, not addresses.
							if (/^\s*(\/\/|\*|\/\*)/.test(line) || /^\s*import\b/.test(line)) return;
							if (inline.test(line)) found.push(`${relative(repo, path)}:${i + 1}: ${line.trim()}`);
						});
				}
			}
		};
		walk(join(repo, 'src'));
		expect(found).toEqual([]);
	});

	it('reads every form of import, and refuses Node modules in browser code', () => {
		expect(
			importsOf(
				"import a from './a.ts';\nimport type { B } from \"./b.ts\";\nexport { c } from './c.ts';\nimport './d.css';\nconst e = await import(/* @vite-ignore */ './e.ts');\nimport {\n\tf,\n\tg,\n} from './fg.ts';",
			).sort(),
		).toEqual(['./a.ts', './b.ts', './c.ts', './d.css', './e.ts', './fg.ts']);
		expect(checkFile('src/client/search/x.ts', "import { readFileSync } from 'node:fs';")).toMatchObject([{ why: 'browser code cannot use Node modules' }]);
		expect(checkFile('src/site/x.ts', "import { readFileSync } from 'node:fs';")).toEqual([]);
	});
});
