import { describe, expect, it } from 'vitest';
import { heapLimitMb } from '../../scripts/lib/heap.ts';

const GB = 1024 ** 3;

describe("the Astro process's heap limit", () => {
	it("is Node's usual 4 GB up to 10,000 articles, so V8 does not let a small build grow", () => {
		expect(heapLimitMb(1, 24 * GB)).toBe(4096);
		expect(heapLimitMb(10_000, 24 * GB)).toBe(4096);
	});

	it('grows with the content, to what 50,000 articles need, within half the machine', () => {
		expect(heapLimitMb(20_000, 24 * GB)).toBe(6048);
		expect(heapLimitMb(50_000, 24 * GB)).toBe(12_048);
		expect(heapLimitMb(50_000, 16 * GB)).toBe(8192);
		expect(heapLimitMb(200_000, 24 * GB)).toBe(12_288);
	});
});
