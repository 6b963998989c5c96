/** The browser scripts (src/browser/*.ts), bundled as the build starts by integrations/browser-scripts.mjs. */
export type BrowserScript = 'charts' | 'compare' | 'provinces' | 'search' | 'sql';

/** The address of a browser script's bundle, for a page's `<script type="module" src>`. */
export function browserScript(name: BrowserScript): string {
  const addresses = (globalThis as { chisoBrowserScripts?: Record<string, string> }).chisoBrowserScripts;
  const address = addresses?.[name];
  if (!address)
    throw new Error(
      `the browser script "${name}" was not bundled: is integrations/browser-scripts.mjs in astro.config.mjs?`,
    );
  return address;
}
