import { existsSync, renameSync, rmSync } from 'node:fs';

/**
 * Replaces `current` with the finished folder `next`: current → current.previous, next → current, then
 * removes current.previous. A crash between the two renames leaves the old folder whole in
 * current.previous, which recover() puts back.
 */
export function promote(next: string, current: string): void {
	const previous = `${current}.previous`;
	rmSync(previous, { recursive: true, force: true });
	if (existsSync(current)) renameSync(current, previous);
	renameSync(next, current);
	rmSync(previous, { recursive: true, force: true });
}

/** After a crash between promote()'s renames: moves current.previous back. True when it did. */
export function recover(current: string): boolean {
	const previous = `${current}.previous`;
	if (existsSync(current) || !existsSync(previous)) return false;
	renameSync(previous, current);
	return true;
}
