import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: the pipeline tests, and the site tests (tests/site/), which need a built dist/: their global
// setup runs `npm run build` once when dist/index.html is missing.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'pipeline', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, 'tests/site/**'] },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          globalSetup: ['tests/site/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
