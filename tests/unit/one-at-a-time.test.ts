import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../src/site/one-at-a-time.ts';

describe('oneAtATime', () => {
	it('runs one at a time, and calls during a run make one more run with the state as it is then', async () => {
		let state = 0;
		const seen: number[] = [];
		let active = 0;
		const run = oneAtATime(async () => {
			active++;
			expect(active).toBe(1);
			await new Promise((done) => setTimeout(done, 10));
			seen.push(state);
			active--;
		});
		const first = run();
		state = 1;
		const second = run();
		state = 2;
		const third = run();
		expect(second).toBe(first);
		expect(third).toBe(first);
		await first;
		// The first run, then one more for both calls made during it, seeing the last state.
		expect(seen).toEqual([2, 2]);
		await run();
		expect(seen).toEqual([2, 2, 2]);
	});
});
