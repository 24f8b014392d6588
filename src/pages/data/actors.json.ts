import type { APIRoute } from 'astro';
import { actorSite } from '../../site/actor-site.ts';
import { actorsJson } from '../../model/actor-export.ts';

export const GET: APIRoute = async () => {
	const { actors, index } = await actorSite();
	return new Response(actorsJson(actors, index), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
