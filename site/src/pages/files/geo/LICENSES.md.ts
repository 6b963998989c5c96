// The boundary files' origin and licences, served beside the site: /files/geo/LICENSES.md
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoDir } from '../../../lib/data';

export const GET: APIRoute = () =>
  new Response(readFileSync(join(geoDir, 'LICENSES.md'), 'utf8'), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
