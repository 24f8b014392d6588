// A query that names an actor, expanded through the actor registry's names (/search/actor-names.json, written
// by the build): `Wagner` → «Вагнер», `junta` → `хунта`, `intelligence` → `ЦРУ`. The search scripts use it to
// score a result by the name as its text writes it, and to take the excerpt from the sentence that names it.
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
	/** Pagefind terms for the actors' names in the other script than the query's (`Wagner` → `вагнер`); names in
	 * the query's own script mostly share its words; none repeats another's matches. */
	terms: string[];
}

const NONE: Expansion = { actorIds: [], phrases: [], terms: [] };

/** Whether `inner` occurs in `outer` as consecutive, equal stems. */
function contains(outer: Phrase, inner: Phrase): boolean {
	for (let at = 0; at + inner.length <= outer.length; at++) if (inner.every((stem, i) => outer[at + i] === stem)) return true;
	return false;
}

/** Whether every page matching `narrow` also matches `wide`: each word of `wide` is a prefix of a word of `narrow`. */
function subsumes(wide: Phrase, narrow: Phrase): boolean {
	return wide.every((stem) => narrow.some((word) => word.startsWith(stem)));
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
	const own = phraseOf(query);
	const phrases = [...new Map(named.flatMap((a) => a.names.map(phraseOf)).filter((p) => p.length).map((p) => [p.join(' '), p])).values()];
	// One Pagefind search per name, leaving out names whose matches another search (or the query) already has.
	const wide = [own, ...phrases.sort((a, b) => a.length - b.length || a.join(' ').length - b.join(' ').length)];
	const kept: Phrase[] = [];
	for (const p of wide) if (![...kept].some((k) => subsumes(k, p))) kept.push(p);
	const cyrillic = (p: Phrase) => /\p{Script=Cyrillic}/u.test(p.join(''));
	return {
		actorIds: named.map((a) => a.id),
		phrases,
		// Stems already: Pagefind (no stemmer) matches each as a prefix, as it does the query's own.
		terms: kept.slice(1).filter((p) => cyrillic(p) !== cyrillic(own)).map((p) => p.join(' ')),
	};
}
