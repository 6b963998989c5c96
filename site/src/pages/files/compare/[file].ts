// The small series files the compare page draws from: /files/compare/<index>.json (headline score and rank per year).
import type { APIRoute, GetStaticPaths } from 'astro';
import { compareSeries } from '../../../lib/compare';
import { indexDefinitions } from '../../../lib/data';

export const getStaticPaths: GetStaticPaths = () =>
  indexDefinitions.map((d) => ({ params: { file: `${d.id}.json` }, props: { index: d.id } }));

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(compareSeries((props as { index: string }).index)), {
    headers: { 'Content-Type': 'application/json' },
  });
