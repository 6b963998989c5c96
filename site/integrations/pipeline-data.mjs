// `npm run build` starts Astro while the pipeline is still writing the datasets (scripts/build.ts), and names in
// CHISO_DATA_READY the file it writes when they are complete. globalThis.chisoDataReady resolves when that file is
// there (at once without the variable): the pages (src/lib/data.ts) and the download files (download-files.mjs)
// wait for it, and Vite bundles the pages' code meanwhile.
import { existsSync } from 'node:fs';

export default function pipelineData() {
  return {
    name: 'chiso-pipeline-data',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const file = process.env.CHISO_DATA_READY;
        const parent = process.ppid;
        globalThis.chisoDataReady = new Promise((resolve) => {
          const look = () => {
            if (!file || existsSync(file)) return resolve();
            // Orphaned: the build that would have written the file is gone.
            if (process.ppid !== parent) {
              logger.error('the build that started this site build has stopped; stopping too');
              process.exit(1);
            }
            setTimeout(look, 20);
          };
          look();
        });
      },
    },
  };
}
