import type { APIRoute } from 'astro';
import { siteModel } from '../../site/site-model.ts';
import { eventsCsv } from '../../model/exports.ts';

export const GET: APIRoute = async () => {
	const { entries } = (await siteModel()).timeline;
	return new Response(eventsCsv(entries), { headers: { 'content-type': 'text/csv; charset=utf-8; header=present' } });
};
