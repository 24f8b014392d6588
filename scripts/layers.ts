// The stages of the pipeline and which of them each may import: data flows down this list, imports only
// point back up it. `npm run layers` prints every import against that direction; tests/unit/layers.test.ts
// runs the same check in `npm test`.
//
//   schema/        types and zod schemas                                 imports nothing of the project
//   language/      finding actor names in Russian and English text       schema
//   input/         reading and checking content/, the importer           schema, language
//   model/         pure functions: timeline, actor index, relation map   schema, language
//   markdown/      remark and rehype plugins of the article renderer     schema, language, model
//   site/          routes, wording, loaders, the site model per build    schema, language, input, model, markdown
//   client/        code that runs in the reader's browser                schema, language, model (no node: modules)
//   components/, layouts/, pages/ (and middleware.ts, content.config.ts)  site and everything above it, client
//   integrations/  Astro build hooks (search index, offline worker)      schema, language, input, model, site, client
//   scripts/       command-line entry points                             anything in src/, never tests/
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Layer =
	| 'schema'
	| 'language'
	| 'input'
	| 'model'
	| 'markdown'
	| 'site'
	| 'client'
	| 'ui'
	| 'integrations'
	| 'config'
	| 'scripts'
	| 'tests';

const SRC_LAYERS = ['schema', 'language', 'input', 'model', 'markdown', 'site', 'client', 'integrations'] as const;
const UI_FOLDERS = ['components', 'layouts', 'pages'];
const UI_FILES = ['src/middleware.ts', 'src/content.config.ts'];

/** What each layer may import (itself included). */
export const ALLOWED: Record<Layer, readonly Layer[]> = {
	schema: ['schema'],
	language: ['schema', 'language'],
	input: ['schema', 'language', 'input'],
	model: ['schema', 'language', 'model'],
	markdown: ['schema', 'language', 'model', 'markdown'],
	site: ['schema', 'language', 'input', 'model', 'markdown', 'site'],
	client: ['schema', 'language', 'model', 'client'],
	ui: ['schema', 'language', 'model', 'site', 'client', 'ui'],
	integrations: ['schema', 'language', 'input', 'model', 'site', 'client', 'integrations'],
	config: ['schema', 'language', 'input', 'model', 'markdown', 'site', 'integrations', 'config'],
	scripts: ['schema', 'language', 'input', 'model', 'markdown', 'site', 'client', 'integrations', 'config', 'scripts'],
	tests: ['schema', 'language', 'input', 'model', 'markdown', 'site', 'client', 'ui', 'integrations', 'config', 'scripts', 'tests'],
};

/** The layer a repository path belongs to, or undefined for files outside the pipeline (content, bench). */
export function layerOf(path: string): Layer | undefined {
	const p = path.split(sep).join('/');
	if (UI_FILES.includes(p)) return 'ui';
	const [top, second] = p.split('/');
	if (top === 'src') {
		if ((SRC_LAYERS as readonly string[]).includes(second!)) return second as Layer;
		if (UI_FOLDERS.includes(second!)) return 'ui';
		return undefined;
	}
	if (top === 'scripts') return 'scripts';
	if (top === 'tests') return 'tests';
	if (/^astro\.config\.\w+$|^vitest\.config\.\w+$/.test(p)) return 'config';
	return undefined;
}

// Static imports and re-exports (`import … from`, `export … from`, `import '…'`) and dynamic `import('…')`.
const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1|(?:^|[\s;])import\s*(['"])([^'"]+)\3|\bimport\s*\(\s*(?:\/\*[^*]*\*\/\s*)?(['"])([^'"]+)\5\s*\)/gm;

/** Every module specifier a source file imports (TypeScript, JavaScript, or an .astro file's scripts). */
export function importsOf(text: string): string[] {
	return [...text.matchAll(IMPORT)].map((m) => m[2] ?? m[4] ?? m[6]!);
}

export interface Violation {
	file: string;
	imports: string;
	from: Layer;
	to: Layer;
	why: string;
}

/** Checks one file's imports against the layer rules. `file` and the resolved targets are repository paths. */
export function checkFile(file: string, text: string): Violation[] {
	const from = layerOf(file);
	if (!from) return [];
	const out: Violation[] = [];
	for (const spec of importsOf(text)) {
		if (from === 'client' && spec.startsWith('node:')) {
			out.push({ file, imports: spec, from, to: from, why: 'browser code cannot use Node modules' });
			continue;
		}
		if (!spec.startsWith('.')) continue;
		const target = join(dirname(file), spec).split(sep).join('/');
		const to = layerOf(target);
		if (!to) continue;
		if (!ALLOWED[from].includes(to)) out.push({ file, imports: target, from, to, why: `${from} may import only ${ALLOWED[from].join(', ')}` });
		else if (/^src\/(components|layouts)\//.test(file) && DATA_LOADERS.includes(target))
			out.push({ file, imports: target, from, to, why: 'components take their data through props (a keyed page is cached by the digest of its props)' });
	}
	return out;
}

/** Modules that load the build's data; pages call them, components never do. */
const DATA_LOADERS = ['src/site/site-model.ts', 'src/site/content.ts'];

const SOURCE = /\.(?:ts|mts|js|mjs|astro)$/;

function walk(dir: string, root: string, out: string[]): void {
	for (const name of readdirSync(dir)) {
		if (name === 'node_modules' || name.startsWith('.')) continue;
		const path = join(dir, name);
		if (statSync(path).isDirectory()) walk(path, root, out);
		else if (SOURCE.test(name)) out.push(relative(root, path).split(sep).join('/'));
	}
}

/** Every import against the direction of the pipeline in the repository at `root`. */
export function layerViolations(root: string): Violation[] {
	const files: string[] = [];
	for (const dir of ['src', 'scripts', 'tests']) walk(join(root, dir), root, files);
	for (const name of readdirSync(root)) if (layerOf(name) === 'config') files.push(name);
	return files.sort().flatMap((file) => checkFile(file, readFileSync(join(root, file), 'utf8')));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const violations = layerViolations(process.cwd());
	for (const v of violations) console.error(`${v.file}: imports ${v.imports} (${v.to}); ${v.why}`);
	console.log(violations.length ? `${violations.length} imports against the pipeline's direction` : 'Every import follows the pipeline.');
	process.exitCode = violations.length ? 1 : 0;
}
