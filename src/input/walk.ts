// Lists the Markdown files of a content folder without following anything out of content/: symlinks
// that lead outside are skipped with a warning, files that are not `.md` (`.MD`, `.markdown`, `.txt`)
// are reported instead of silently ignored, and a folder that cannot be read is a warning, not a crash.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { Problem } from './problems.ts';

/** `.md` files under `dir`, sorted; what it skips goes into `problems` when given. */
export function walkMarkdown(dir: string, contentDir: string, root: string, problems?: Problem[]): string[] {
	const found: string[] = [];
	const shown = (path: string) => relative(root, path) || path;
	const warn = (path: string, field: string, found: string, expected: string, fix: string) =>
		problems?.push({ severity: 'warning', file: shown(path), field, found, expected, fix });
	let inside: string;
	try {
		inside = realpathSync(contentDir);
	} catch {
		return [];
	}
	const within = (real: string) => real === inside || real.startsWith(inside + sep);
	const visited = new Set<string>();
	const walk = (folder: string) => {
		let real: string;
		try {
			real = realpathSync(folder);
		} catch {
			return;
		}
		if (visited.has(real)) return;
		visited.add(real);
		let entries;
		try {
			entries = readdirSync(folder, { withFileTypes: true });
		} catch (error) {
			if (folder !== dir || (error as NodeJS.ErrnoException).code !== 'ENOENT')
				warn(folder, '(folder)', `a folder that cannot be read (${(error as NodeJS.ErrnoException).code})`, 'a readable folder', 'fix its permissions, or remove it from content/');
			return;
		}
		for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
			if (entry.name.startsWith('.')) continue;
			const path = join(folder, entry.name);
			let isDir = entry.isDirectory();
			let isFile = entry.isFile();
			if (entry.isSymbolicLink()) {
				let target: string;
				try {
					target = realpathSync(path);
				} catch {
					warn(path, '(file)', 'a symbolic link to nothing', 'a file or a link to one inside content/', 'remove the link');
					continue;
				}
				if (!within(target)) {
					warn(path, '(file)', `a symbolic link to ${target}, outside content/; skipped`, 'content files inside content/', 'copy the file into content/ instead of linking to it');
					continue;
				}
				try {
					const stat = statSync(target);
					isDir = stat.isDirectory();
					isFile = stat.isFile();
				} catch {
					continue;
				}
			}
			if (isDir) walk(path);
			else if (isFile) {
				if (entry.name.endsWith('.md')) found.push(path);
				else {
					const stem = basename(entry.name).replace(/\.[^.]*$/, '');
					warn(
						path,
						'(file name)',
						`"${entry.name}": not a .md file; skipped`,
						'content files named <name>.md (lower case)',
						/\.(md|markdown|mdown|txt)$/i.test(entry.name) ? `rename it to "${stem}.md"` : 'move it out of content/',
					);
				}
			}
		}
	};
	walk(dir);
	return found.sort();
}
