/** A tiny static file server for dist/ on 127.0.0.1 (tests only): directory indexes, 404.html, and
 * /__test__/axe.min.js from node_modules so axe-core loads same-origin under the pages' CSP. Files may be kept for an
 * hour (dist/ does not change while the tests run): Chromium then keeps the pages' styles, scripts and fonts, and the
 * scripts compiled, from one page to the next as a visitor's browser does; a page load costs a third less CPU. */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { DIST, ROOT, fileForPath } from './site-paths.js';

const CACHED = { 'Cache-Control': 'max-age=3600' };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
  '.md': 'text/markdown; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.parquet': 'application/octet-stream',
  '.woff2': 'font/woff2',
};

export interface RunningServer {
  origin: string;
  close: () => Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/__test__/axe.min.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript', ...CACHED });
      response.end(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js')));
      return;
    }
    const file = fileForPath(url.pathname);
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(readFileSync(join(DIST, '404.html')));
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...CACHED });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
