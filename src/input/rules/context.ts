// What every cross-file rule of the check reads: the valid entries, and what parsed of the files that failed
// their schema (so a file with a typo in one field still has its references checked).
import type { ActorData } from '../../schema/actor.ts';
import type { ArticleData } from '../../schema/article.ts';
import type { ActorEntry, ArticleSource } from '../../schema/content.ts';
import type { Problem } from '../problems.ts';

type DeepPartial<T> = T extends Date ? T : T extends readonly (infer U)[] ? DeepPartial<U>[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** What parsed of a file that failed its schema: the cross-file rules still run on it. */
export interface PartialEntry<T> {
	id: string;
	file: string;
	data: DeepPartial<T>;
}

export interface RuleContext {
	/** Every actor file that parsed at least in part, by id. */
	actorData: Map<string, PartialEntry<ActorData>>;
	/** Every article file that parsed at least in part. */
	articleData: PartialEntry<ArticleData>[];
	/** Ids of the files that failed their schema (only part of them is known). */
	incomplete: Set<string>;
	/** The files that passed their schema. */
	actors: Map<string, ActorEntry>;
	articles: ArticleSource[];
	/** The problems found so far (per file, and by earlier rules). */
	problems: readonly Problem[];
	/** The actors folder as the author names it, e.g. `content/actors`. */
	actorsFolder: string;
	/** The line of a frontmatter field in a file, for the problem's location. */
	at(file: string, fieldPath: PropertyKey[]): number | undefined;
	/** The problem for an id that names no actor, with the nearest id as a suggestion. */
	unknownActor(file: string, fieldPath: PropertyKey[], id: string): Problem;
}

/** One rule of the check across files. */
export type Rule = (context: RuleContext) => Problem[];
