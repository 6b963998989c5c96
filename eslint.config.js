// npm run lint: Prettier's check, then these rules over the TypeScript and JavaScript (.astro files are checked by
// `astro check` in npm run typecheck).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // The data and fixtures, and everything a build writes (Astro writes .astro/ during a build, which may run
    // beside npm run lint in the tests).
    ignores: ['raw/', 'tests/fixtures/', 'dist*/', '.*.versions/', '.build/', '**/.astro/', '**/node_modules/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `{ where: _where, ...rest }` drops a field on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['site/public/js/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
