// Every name of every actor, for the search scripts: a query naming an actor in one language marks, in a
// result's excerpt, the sentence that names it in the other (`Wagner` → «Вагнер»).
import type { APIRoute } from 'astro';
import { siteModel } from '../../site/site-model.ts';
import { actorNamesJson } from '../../site/search-records.ts';

export const GET: APIRoute = async () => {
	const { actors } = await siteModel();
	return new Response(actorNamesJson(actors.values()), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
