// What the search index holds, shared by the build that writes it (src/site/search-records.ts) and the browser
// code that reads it (src/client/search/).

/** The kinds of search result, by the `type` filter value each record carries. */
export const RESULT_TYPES = { article: 'Article', actor: 'Actor', event: 'Event' } as const;
export type ResultType = keyof typeof RESULT_TYPES;

/** Article languages the `language` filter offers. */
export const LANGUAGE_LABELS: Record<string, string> = { ru: 'Russian', en: 'English' };
