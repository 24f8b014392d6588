import type { APIRoute } from 'astro';
import { siteModel } from '../../site/site-model.ts';
import { actorsJson } from '../../model/actor-export.ts';

export const GET: APIRoute = async () => {
	const { actors, index } = await siteModel();
	return new Response(actorsJson(actors, index), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
