/**
 * The actors an article card shows as chips: on an actor's page that actor first, then the article's actors with a
 * bloc before those without, at most `limit`. Pages use it to name in their legend exactly the blocs the cards show.
 */
export function cardChipIds(actorIds: readonly string[], blocOf: (id: string) => string | undefined, { first, limit = 6 }: { first?: string; limit?: number } = {}): string[] {
	const principalsFirst = [...actorIds].sort((a, b) => Number(!blocOf(a)) - Number(!blocOf(b)));
	return (first ? [first, ...principalsFirst.filter((id) => id !== first)] : principalsFirst).slice(0, limit);
}
