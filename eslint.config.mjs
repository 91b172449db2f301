// ESLint for the extension and its tooling: the recommended rules, which the code
// satisfies; `npm run lint` (run by scripts/test.sh before the browser tests).
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['extension/dist/**', 'node_modules/**', 'build/**', 'dist/**', 'tests/e2e/artifacts/**'] },
  js.configs.recommended,
  {
    // The extension's own files: classic scripts sharing one namespace (OwnVoice) through
    // the page, the service worker or the content-script world; no modules, no bundler.
    files: ['extension/src/**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'script',
      globals: { ...globals.browser, ...globals.webextensions, ...globals.serviceworker, OwnVoice: 'writable' },
    },
  },
  {
    // Fixture pages' scripts run in the test sites' pages.
    files: ['tests/e2e/fixtures/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.browser } },
  },
  {
    // Build scripts, unit and end-to-end tests: Node modules; page.evaluate() callbacks in
    // the tests run in the browser, hence the browser globals too.
    files: ['**/*.mjs'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.node, ...globals.browser, ...globals.webextensions } },
  },
  {
    rules: {
      'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }],
    },
  },
];
