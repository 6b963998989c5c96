/**
 * The pages' browser scripts are named by a hash of what they are, never of where the checkout is: two clones in
 * different folders build the same pages. esbuild's hashes include the names of the modules a bundle is made of, so
 * none may be an absolute path. (The SQL page's bundle, which imports DuckDB's WebAssembly and worker files by
 * address, was once named after the checkout's folder.)
 */
import { isAbsolute } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleBrowserScripts } from '../../site/integrations/browser-scripts.mjs';

describe('the browser scripts', () => {
  it('are made of modules named relative to the site, whatever the checkout folder', async () => {
    const { addresses, modules } = await bundleBrowserScripts();
    expect(Object.keys(addresses).sort()).toEqual(['charts', 'compare', 'provinces', 'search', 'sql']);
    // Modules outside the file system are named "namespace:path"; the files imported by address are among them.
    const byAddress = modules.filter((m) => m.startsWith('url-file:'));
    expect(byAddress.length).toBeGreaterThan(0);
    expect(modules.filter((m) => isAbsolute(m.replace(/^[\w-]+:/, '')))).toEqual([]);
  });
});
