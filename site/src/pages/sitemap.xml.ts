// sitemap.xml: every page in both languages, each linked to its translation.
import type { APIRoute } from 'astro';
import { allPages } from '../lib/pages';
import { LANGS, pathFor } from '../lib/routes';

export const GET: APIRoute = ({ site }) => {
  const url = (path: string) => new URL(path, site).href;
  const entries = allPages().flatMap((key) =>
    LANGS.map(
      (lang) => `  <url>
    <loc>${url(pathFor(key, lang))}</loc>
    <xhtml:link rel="alternate" hreflang="vi" href="${url(pathFor(key, 'vi'))}"/>
    <xhtml:link rel="alternate" hreflang="en" href="${url(pathFor(key, 'en'))}"/>
  </url>`,
    ),
  );
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${entries.join('\n')}
</urlset>
`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml' } });
};
