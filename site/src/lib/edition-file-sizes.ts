/** The size of each edition file (edition-files.ts), by its address: handed over by site/scripts/download-files.ts,
 * which writes them beside the Astro build (integrations/download-files.mjs), for the downloads page. */
export function editionFileSizes(): Promise<Record<string, number>> {
  const handed = (globalThis as { chisoEditionFileSizes?: Promise<Record<string, number>> }).chisoEditionFileSizes;
  if (!handed)
    throw new Error('the edition files were not written: is integrations/download-files.mjs in astro.config.mjs?');
  return handed;
}
