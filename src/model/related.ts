import type { ArticleEntry } from '../schema/content.ts';

export interface RelatedIndex {
	/** Up to `limit` other articles most like this one, best first. */
	relatedTo(slug: string, limit?: number): ArticleEntry[];
}

/**
 * Relatedness = shared event ids (weighted 3) + shared actors weighted by rarity.
 * Candidates come only from the rarer actors' and the shared events' postings, so 10,000 articles stay cheap.
 */
export function buildRelatedIndex(articles: ArticleEntry[]): RelatedIndex {
	const byActor = new Map<string, ArticleEntry[]>();
	const byEvent = new Map<string, ArticleEntry[]>();
	const bySlug = new Map(articles.map((a) => [a.id, a]));
	const push = (map: Map<string, ArticleEntry[]>, key: string, a: ArticleEntry) => {
		const list = map.get(key);
		if (list) list.push(a);
		else map.set(key, [a]);
	};
	for (const article of articles) {
		for (const actor of article.data.actors) push(byActor, actor, article);
		for (const event of article.data.events) if (event.id) push(byEvent, event.id, article);
	}
	const CANDIDATES_PER_KEY = 300;
	return {
		relatedTo(slug, limit = 5) {
			const article = bySlug.get(slug);
			if (!article) return [];
			const scores = new Map<string, number>();
			const add = (list: ArticleEntry[] | undefined, weight: number) => {
				for (const other of (list ?? []).slice(0, CANDIDATES_PER_KEY)) {
					if (other.id !== slug) scores.set(other.id, (scores.get(other.id) ?? 0) + weight);
				}
			};
			for (const event of article.data.events) if (event.id) add(byEvent.get(event.id), 3);
			const actors = [...article.data.actors].sort((a, b) => (byActor.get(a)?.length ?? 0) - (byActor.get(b)?.length ?? 0));
			for (const actor of actors.slice(0, 6)) add(byActor.get(actor), 1 / Math.log2(1 + (byActor.get(actor)?.length ?? 1)));
			// The best `limit` by score, newer first on ties: one pass keeping a short sorted list, not a sort of
			// every candidate (up to ~2,000 per article at 10,000 articles).
			const better = (a: [string, number], b: [string, number]) =>
				a[1] !== b[1] ? a[1] > b[1] : bySlug.get(a[0])!.data.date.getTime() > bySlug.get(b[0])!.data.date.getTime();
			const best: [string, number][] = [];
			for (const candidate of scores) {
				if (best.length === limit && !better(candidate, best[limit - 1])) continue;
				let at = best.length;
				while (at > 0 && better(candidate, best[at - 1])) at--;
				best.splice(at, 0, candidate);
				if (best.length > limit) best.pop();
			}
			return best.map(([id]) => bySlug.get(id)!);
		},
	};
}
