// In `npm run dev` the loaders check the content again when a file changes, and store what is valid. Pages
// cache what they derive from the store (the site model), and the dev-server integration shows the errors
// and rebuilds search: both must act after the store holds the new content, never before. This is how they
// hear of it. One channel per process, on globalThis: the loaders, the pages and the integrations are not
// always the same module instances (Vite evaluates the content config and the pages separately).
import type { CheckedContent } from '../input/check.ts';

type Listener = (checked: CheckedContent) => void;

interface Channel {
	/** Reloads finished so far in this process (0 in a build: nothing reloads). */
	version: number;
	listeners: Set<Listener>;
}

const KEY = Symbol.for('mali-realignment.content-reloads');
const channel: Channel = ((globalThis as Record<symbol, Channel | undefined>)[KEY] ??= { version: 0, listeners: new Set() });

/** Called by the loaders once the content store holds `checked` (its valid files; `checked.problems` are the rest). */
export function contentReloaded(checked: CheckedContent): void {
	channel.version++;
	for (const listener of channel.listeners) listener(checked);
}

/** Runs `listener` after every reload of the content store; returns the function that stops it. */
export function onContentReloaded(listener: Listener): () => void {
	channel.listeners.add(listener);
	return () => channel.listeners.delete(listener);
}

/**
 * `compute()` once per state of the content store: once in a build, again after each reload in the dev
 * server. A value computed while a reload was under way is computed again once it has finished.
 */
export function perContentVersion<T>(compute: () => T): () => T {
	let cached: { version: number; value: T } | undefined;
	return () => {
		if (cached?.version !== channel.version) cached = { version: channel.version, value: compute() };
		return cached.value;
	};
}
