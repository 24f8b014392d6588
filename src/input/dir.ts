import { resolve } from 'node:path';

/** The content folder: `content/` unless CONTENT_DIR points elsewhere (e.g. a generated corpus). */
export function contentDir(root = process.cwd()): string {
	return resolve(root, process.env.CONTENT_DIR || 'content');
}
