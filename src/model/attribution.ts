import { formatEdtf } from './dates.ts';
import type { EventSource, TimelineEntry } from './timeline.ts';

type Cite = EventSource['cites'][number];
/** What a reference needs of an article: which one, when, by whom and whom it cites. */
export type CitedArticle = Pick<EventSource, 'slug' | 'date' | 'outlet' | 'cites'>;

/** "The Washington Post, citing several US officials, unnamed; Reuters": whom an article attributes its report to, in full. */
export function citeChain(cites: readonly Cite[]): string {
	return cites.map((c) => (c.via ? `${c.outlet}, citing ${c.via}` : c.outlet)).join('; ');
}

/** "The Washington Post", "The Washington Post and Reuters", "A, B and 2 more": the cited outlets alone, for a short line. */
export function citedOutlets(cites: readonly Cite[]): string {
	const outlets = [...new Set(cites.map((c) => c.outlet))];
	if (outlets.length <= 2) return outlets.join(' and ');
	return `${outlets.slice(0, 2).join(', ')} and ${outlets.length - 2} more`;
}

/** id of an article's entry in a page's list of sources (or of its card on an actor page): what short references point at. */
export function sourceAnchor(slug: string): string {
	return `source-${slug}`;
}

/** A short reference to one article, unique on its page: "article of 15 Sep 2025", "Reuters, 16 Sep 2025 (2)". */
export interface SourceRef {
	slug: string;
	label: string;
	/** The article's entry on this page (#source-…), or the article itself when the page does not list it. */
	href: string;
	/** "according to …" in short: the cited outlets, or '' when the article cites no one. */
	according: string;
}

/**
 * Short references for the articles a page cites, so each event or relation names its source in a few words and the
 * full attribution chain is written once per article. Two articles that would read alike are numbered in order of
 * first appearance.
 */
export function sourceRefs(articles: Iterable<CitedArticle>, hrefOf: (slug: string, index: number) => string = (slug) => `#${sourceAnchor(slug)}`): Map<string, SourceRef> {
	const refs = new Map<string, SourceRef>();
	const seen = new Map<string, number>();
	for (const article of articles) {
		if (refs.has(article.slug)) continue;
		const base = `${article.outlet ? `${article.outlet},` : 'article of'} ${formatEdtf(article.date)}`;
		const n = (seen.get(base) ?? 0) + 1;
		seen.set(base, n);
		refs.set(article.slug, { slug: article.slug, label: n === 1 ? base : `${base} (${n})`, href: hrefOf(article.slug, refs.size), according: citedOutlets(article.cites) });
	}
	return refs;
}

/** One article of a timeline page's list of sources: the article, its short reference, and how many of the page's entries it reports. */
export interface ListedSource {
	source: EventSource;
	ref: SourceRef;
	entries: number;
}

/**
 * The articles a list of timeline entries cites, each once, in order of first appearance, with how many entries each
 * reports; only those reporting at least `minEntries`, with short references unique among them.
 */
export function listedSources(entries: TimelineEntry[], minEntries = 1): ListedSource[] {
	const bySlug = new Map<string, { source: EventSource; entries: number }>();
	for (const entry of entries) {
		for (const source of entry.sources) {
			const listed = bySlug.get(source.slug);
			if (listed) listed.entries++;
			else bySlug.set(source.slug, { source, entries: 1 });
		}
	}
	const kept = [...bySlug.values()].filter((l) => l.entries >= minEntries);
	// Page-local anchors (#s1, #s2 …): a year page can refer to hundreds of articles, and every reference repeats it.
	const refs = sourceRefs(
		kept.map((l) => l.source),
		(_, index) => `#s${index + 1}`,
	);
	return kept.map((l) => ({ ...l, ref: refs.get(l.source.slug)! }));
}
