// The dev server's pages derive their model from the content store once per state of the store: a value
// computed before (or during) a reload is computed again once the loaders say the reload has finished.
import { describe, expect, it } from 'vitest';
import type { CheckedContent } from '../../src/input/check.ts';
import { contentReloaded, onContentReloaded, perContentVersion } from '../../src/site/content-reloads.ts';

const checked = { actors: new Map(), articles: [], problems: [] } as unknown as CheckedContent;

describe('content reloads', () => {
	it('computes once per state of the store, and again after each reload', () => {
		let store = 'before';
		let runs = 0;
		const model = perContentVersion(() => (runs++, store));
		expect([model(), model()]).toEqual(['before', 'before']);
		store = 'after'; // the loaders are storing an edit: pages keep the last model until they say so
		expect(model()).toBe('before');
		contentReloaded(checked);
		expect([model(), model()]).toEqual(['after', 'after']);
		expect(runs).toBe(2);
	});

	it('tells every listener what was checked, until it stops listening', () => {
		const heard: CheckedContent[] = [];
		const stop = onContentReloaded((c) => heard.push(c));
		contentReloaded(checked);
		stop();
		contentReloaded(checked);
		expect(heard).toEqual([checked]);
	});
});
