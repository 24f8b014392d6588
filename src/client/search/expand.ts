// A query that names an actor, expanded through the actor registry's names (/search/actor-names.json, written
// by the build): `Wagner` → «Вагнер», `junta` → `хунта`, `intelligence` → `ЦРУ`. The search scripts use it to
// take a result's excerpt from the sentence that names the actor, and to list a timeline day's entries
// involving it. (Searching each name as well, to score results by the name as their text writes it, doubled
// the Pagefind work per query; the metadata weights rank the relevance set as well without it.)
// Plain TypeScript: the browser scripts and the unit tests both use it.
import { phraseOf, type Phrase } from './query.ts';

export interface ActorNames {
	id: string;
	names: string[];
}

export interface Expansion {
	/** Actors the query names. */
	actorIds: string[];
	/** Every name of those actors as stems, for marking in a result's text. */
	phrases: Phrase[];
}

const NONE: Expansion = { actorIds: [], phrases: [] };

/** Whether `inner` occurs in `outer` as consecutive, equal stems. */
function contains(outer: Phrase, inner: Phrase): boolean {
	for (let at = 0; at + inner.length <= outer.length; at++) if (inner.every((stem, i) => outer[at + i] === stem)) return true;
	return false;
}

/**
 * The actors a query names: those with a name equal to it, stem by stem (`Wagner`, `Вагнера`); failing
 * that, the one actor with a name that contains it (`junta` in "Mali junta"), if only one does.
 */
export function actorsNamed(query: string, actors: readonly ActorNames[]): ActorNames[] {
	const q = phraseOf(query);
	if (!q.length || query.includes('"')) return [];
	const named = actors.map((a) => ({ actor: a, phrases: a.names.map(phraseOf) }));
	const exact = named.filter((n) => n.phrases.some((p) => p.length === q.length && contains(p, q))).map((n) => n.actor);
	if (exact.length) return exact;
	const partial = named.filter((n) => n.phrases.some((p) => contains(p, q))).map((n) => n.actor);
	return partial.length === 1 ? partial : [];
}

/** The query expanded through the names of the actors it names; empty when it names none. */
export function expandQuery(query: string, actors: readonly ActorNames[]): Expansion {
	const named = actorsNamed(query, actors);
	if (!named.length) return NONE;
	const phrases = [...new Map(named.flatMap((a) => a.names.map(phraseOf)).filter((p) => p.length).map((p) => [p.join(' '), p])).values()];
	return { actorIds: named.map((a) => a.id), phrases };
}
