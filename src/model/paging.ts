/** One page of a long list, and where its neighbours are. Plain data, so it can key the incremental build. */
export interface Page<T> {
	items: T[];
	number: number;
	count: number;
	/** URL of the previous and next page, where there is one. */
	prev?: string;
	next?: string;
}

/** Splits a list into pages of `size`; page 1 lives at `base`, the rest at `${base}page/<n>/`. */
export function paginate<T>(items: readonly T[], size: number, base: string): Page<T>[] {
	const count = Math.max(1, Math.ceil(items.length / size));
	const href = (n: number) => (n <= 1 ? base : `${base}page/${n}/`);
	return Array.from({ length: count }, (_, i) => ({
		items: items.slice(i * size, (i + 1) * size),
		number: i + 1,
		count,
		...(i > 0 ? { prev: href(i) } : {}),
		...(i + 1 < count ? { next: href(i + 2) } : {}),
	}));
}
