// The social preview images: /og/<key>.<lang>.png, 1200 × 630, for every province, edition and index page.
// All are drawn at the first request, a few at a time (sharp works off the main thread), then served in turn.
import type { APIRoute, GetStaticPaths } from 'astro';
import { ogImageFor, ogPath, type OgImage } from '../../lib/og/cards';
import { rasterise } from '../../lib/og/raster';
import { allPages } from '../../lib/pages';
import { LANGS } from '../../lib/routes';

function images(): OgImage[] {
  return allPages().flatMap((page) =>
    LANGS.map((lang) => ogImageFor(page, lang)).filter((x): x is OgImage => x !== null),
  );
}

let drawn: Map<string, Promise<Buffer>> | undefined;

function drawAll(): Map<string, Promise<Buffer>> {
  const list = images();
  const results = new Map<string, Promise<Buffer>>();
  const concurrency = 4;
  let next = 0;
  const resolvers = new Map<string, (b: Buffer) => void>();
  const rejecters = new Map<string, (e: unknown) => void>();
  for (const img of list)
    results.set(
      ogPath(img),
      new Promise((resolve, reject) => {
        resolvers.set(ogPath(img), resolve);
        rejecters.set(ogPath(img), reject);
      }),
    );
  const worker = async () => {
    while (next < list.length) {
      const img = list[next++];
      try {
        resolvers.get(ogPath(img))!(await rasterise(await img.svg()));
      } catch (error) {
        rejecters.get(ogPath(img))!(error);
      }
    }
  };
  for (let i = 0; i < concurrency; i++) void worker();
  return results;
}

export const getStaticPaths: GetStaticPaths = () =>
  images().map((img) => ({ params: { file: ogPath(img).slice('/og/'.length) } }));

export const GET: APIRoute = async ({ params }) => {
  drawn ??= drawAll();
  const png = await drawn.get(`/og/${params.file}`)!;
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
