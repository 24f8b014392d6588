// The Astro process's heap limit. V8 collects garbage later the more room it is given: with half of a 24 GB
// machine as its limit, a 10,000-article build peaked at 3.2 GB, and at 2.0 GB under Node's ~4 GB default
// (README, "Build"). But 50,000 articles need more than that default (the process peaked at ~5.1 GB). So the
// limit grows with the content: 4 GB up to 10,000 articles, 0.2 MB more per article above that, never more
// than half the machine's memory.

/** `--max-old-space-size` in MB for a build of `articles` articles on a machine of `totalBytes` memory. */
export function heapLimitMb(articles: number, totalBytes: number): number {
	const half = Math.floor(totalBytes / 2 / 1024 / 1024);
	return Math.max(4096, Math.min(half, 2048 + Math.ceil(articles * 0.2)));
}
