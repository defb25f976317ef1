import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

const pureCore = ['src/domain/**', 'src/ingest/**', 'src/reports/**', 'src/templates/**', 'src/app/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'coverage/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      // Every Office.js rule of the plugin, as errors (its recommended set also imposes prettier, which we do not use).
      ...Object.fromEntries(Object.keys(officeAddins.rules).map((r) => [`office-addins/${r}`, 'error'])),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is pure: no Office.js, exceljs, DOM, React or Node built-ins (DESIGN.md, principle 1).
    files: pureCore,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['exceljs', 'react', 'react-dom', '@fluentui/*', '@microsoft/office-js', 'fs', 'path', 'node:*', '*/workbook/*', '*/taskpane/*', '*/cli/*'], message: 'The core stays free of I/O, Office.js, exceljs and the DOM.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'Excel', 'Office', 'document', 'window'],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The standalone page's service worker: a worker's globals; __FILES__ is filled in by the build (webpack.config.js).
    files: ['src/page/serviceWorker.js'],
    languageOptions: { sourceType: 'script', globals: { self: 'readonly', caches: 'readonly', fetch: 'readonly', __FILES__: 'readonly' } },
  },
);
