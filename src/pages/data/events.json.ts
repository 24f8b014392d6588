import type { APIRoute } from 'astro';
import { siteModel } from '../../site/site-model.ts';
import { eventsJson } from '../../model/exports.ts';

export const GET: APIRoute = async () => {
	const { entries } = (await siteModel()).timeline;
	return new Response(eventsJson(entries), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
