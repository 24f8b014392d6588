import { closeSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** What a lock file holds: the build script's pid, its child's (the check or astro build), when it began. */
interface Holder {
	pid: number;
	child?: number;
	started: string;
}

export interface Lock {
	path: string;
	/** Records the running child, so the lock stays held while an orphaned child may still write. */
	setChild(pid: number | undefined): void;
	release(): void;
}

function alive(pid: number | undefined): boolean {
	if (!pid) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function readHolder(path: string): Holder | undefined {
	try {
		const holder = JSON.parse(readFileSync(path, 'utf8')) as Holder;
		return typeof holder.pid === 'number' ? holder : undefined;
	} catch {
		return undefined;
	}
}

function write(path: string, holder: Holder) {
	const temporary = `${path}.${process.pid}`;
	writeFileSync(temporary, JSON.stringify(holder));
	renameSync(temporary, path);
}

/**
 * Takes the lock file `path` for `what` (used in messages). While another live build holds it, waits
 * (saying so once); a lock whose processes are all gone is stale and taken over. `timeoutMs` turns the
 * wait into a refusal.
 */
export async function acquireLock(path: string, what: string, { timeoutMs = Infinity, pollMs = 300 } = {}): Promise<Lock> {
	const me: Holder = { pid: process.pid, started: new Date().toISOString() };
	const began = Date.now();
	let announced = false;
	mkdirSync(dirname(path), { recursive: true });
	for (;;) {
		try {
			closeSync(openSync(path, 'wx'));
			write(path, me);
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const holder = readHolder(path);
		let young = false;
		try {
			// A lock file being written right now has no holder yet: give its writer a moment.
			young = !holder && Date.now() - statSync(path).mtimeMs < 5_000;
		} catch {
			continue; // released in between: try again
		}
		if (!young && !(holder && (alive(holder.pid) || alive(holder.child)))) {
			console.warn(
				`⚠ Taking over a stale build lock ${path}${holder ? ` (pid ${holder.pid}, started ${holder.started}, no longer runs)` : ''}.`,
			);
			// Remove it only if it is still the same stale lock (another waiting build may have replaced it).
			const again = readHolder(path);
			if (again?.pid === holder?.pid && again?.started === holder?.started) {
				try {
					unlinkSync(path);
				} catch {}
			}
			continue;
		}
		if (Date.now() - began >= timeoutMs) {
			throw new Error(
				`Another build (pid ${holder?.pid ?? '?'}, started ${holder?.started ?? '?'}) is writing ${what}.\n` +
					`  Wait for it to finish and run the build again; if no build runs, delete ${path}.`,
			);
		}
		if (!announced) {
			console.log(`… Another build (pid ${holder?.pid ?? '?'}, started ${holder?.started ?? '?'}) is writing ${what}; waiting for it to finish.`);
			announced = true;
		}
		await sleep(pollMs);
	}
	return {
		path,
		setChild(pid) {
			if (readHolder(path)?.pid === process.pid) write(path, { ...me, child: pid });
		},
		release() {
			if (readHolder(path)?.pid === process.pid) {
				try {
					unlinkSync(path);
				} catch {}
			}
		},
	};
}
