// Imported first by download-files.ts, before any module that reads the datasets: the page-data module
// (src/lib/data.ts) reads them as it loads, once globalThis.chisoDataReady resolves, and in this process that is when
// the site build writes "begin" on the standard input (integrations/download-files.mjs).
export const datasetsReady = (async () => {
  let said = '';
  for await (const chunk of process.stdin) said += chunk;
  if (said !== 'begin\n') throw new Error('the site build stopped before the datasets were complete');
})();
(globalThis as { chisoDataReady?: Promise<void> }).chisoDataReady = datasetsReady;
