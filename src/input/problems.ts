import { count } from '../language/wording.ts';
/** One thing wrong (or suspicious) in a content file, written for the author who has to fix it. */
export interface Problem {
	severity: 'error' | 'warning';
	/** Path relative to the project root, e.g. content/articles/foo.md */
	file: string;
	/** 1-based line, where the parser or YAML document gives one. */
	line?: number;
	/** Frontmatter path such as events[2].actors[0], or (file) for the file as a whole. */
	field: string;
	found?: string;
	expected: string;
	fix?: string;
	/** Lines of the file around `line`, numbered as in the file (YAML errors). */
	excerpt?: string;
}

export class ContentError extends Error {
	readonly problems: Problem[];
	constructor(problems: Problem[]) {
		super(formatProblems(problems));
		this.name = 'ContentError';
		this.problems = problems;
	}
}

/** Prints one error in the check's voice and exits 1: for command-line scripts whose input is wrong. */
export function exitWithProblem(problem: Omit<Problem, 'severity'>): never {
	console.error(formatProblem({ severity: 'error', ...problem }));
	process.exit(1);
}

/** A frontmatter path as authors read it: events[2].actors[0]. */
export function fieldName(path: readonly PropertyKey[]): string {
	return path.reduce<string>(
		(acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
		'',
	);
}

/** Renders a value for a message: short, on one line. */
export function show(value: unknown): string {
	if (value === undefined) return '(missing)';
	const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
	return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

export function formatProblem(p: Problem): string {
	const where = p.line ? `${p.file}:${p.line}` : p.file;
	const lines = [`${p.severity === 'error' ? '✖ error' : '⚠ warning'}  ${where}  ${p.field}`];
	if (p.found !== undefined) lines.push(`    found:    ${p.found}`);
	lines.push(`    expected: ${p.expected}`);
	if (p.fix) lines.push(`    fix:      ${p.fix}`);
	if (p.excerpt) lines.push(p.excerpt.replace(/^/gm, '      '));
	return lines.join('\n');
}

export function formatProblems(problems: Problem[]): string {
	const errors = problems.filter((p) => p.severity === 'error').length;
	const warnings = problems.length - errors;
	const files = new Set(problems.map((p) => p.file)).size;
	return [
		...problems.map(formatProblem),
		'',
		`${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(files, 'file')}`,
	].join('\n');
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let prev = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const tmp = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
			prev = tmp;
		}
	}
	return row[b.length];
}

/** The closest known value, if it is close enough to be a likely typo. */
export function nearest(value: string, known: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of known) {
		const d = editDistance(value, candidate);
		if (d < bestDistance) {
			best = candidate;
			bestDistance = d;
		}
	}
	return best !== undefined && bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}
