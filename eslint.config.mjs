// ESLint (flat config) with typescript-eslint, as the model Apps Script projects use it; formatting
// is prettier's (`npm run format`), so eslint-config-prettier switches off the stylistic rules.
// Typed rules are a chosen few that catch real bugs; the house rules of DESIGN.md are enforced below.
import js from '@eslint/js';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Apps Script services: only src/server may call them. */
const appsScriptServices = [
  'CacheService',
  'CardService',
  'ContentService',
  'DocumentApp',
  'DriveApp',
  'FormApp',
  'HtmlService',
  'LockService',
  'MailApp',
  'PropertiesService',
  'ScriptApp',
  'Session',
  'SpreadsheetApp',
  'UrlFetchApp',
  'Utilities',
];
const service = (name) => ({ name, message: 'Apps Script services are called from src/server only.' });

/** What Node or a browser has and Apps Script V8 has not. */
const notInAppsScript = [
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
  'queueMicrotask',
  'TextEncoder',
  'TextDecoder',
  'structuredClone',
  'process',
  'Buffer',
  'require',
  'window',
  'document',
].map((name) => ({ name, message: 'Apps Script V8 has no such global.' }));
const nodeModules = { group: ['node:*', 'fs', 'path', 'os', 'vm', 'child_process', 'crypto', 'util', 'url', 'zlib', 'stream'], message: 'Apps Script has no Node modules.' };

export default defineConfig(
  { ignores: ['dist/', '.build/', 'out/', 'coverage/', 'test-results/', 'node_modules/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  js.configs.recommended,
  tseslint.configs.recommended,
  // Every eslint-disable names its rules and says why: `// eslint-disable-next-line rule -- reason`.
  comments.recommended,
  {
    rules: {
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }],
      '@eslint-community/eslint-comments/no-unlimited-disable': 'error',
    },
  },

  {
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },

  // Typed rules, each file typed by its own tsconfig (src/client, src, the root): promises handled,
  // no object, array or Date printed into a message by accident, only Errors thrown.
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      '@typescript-eslint/only-throw-error': 'error',
    },
  },

  // The house (DESIGN.md): core is pure; server runs in Apps Script V8; the page calls the server only
  // through google.script.run and never bundles its code.
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...appsScriptServices.map(service), ...notInAppsScript],
      'no-restricted-imports': [
        'error',
        { patterns: [nodeModules, { group: ['**/server/**', '**/server', '**/client/**', '**/local/**'], message: 'src/core never imports server, client or local.' }] },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...notInAppsScript],
      'no-restricted-imports': ['error', { patterns: [nodeModules, { group: ['**/client/**', '**/local/**'], message: 'src/server never imports client or local.' }] }],
    },
  },
  {
    files: ['src/client/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...appsScriptServices.map(service)],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '**/server', '!../server'], allowTypeImports: true, message: 'The page imports server code for its types only (import type).' },
            { group: ['**/local/**'], message: 'The page never imports local.' },
          ],
        },
      ],
    },
  },

  // Node scripts and configs.
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  prettier,
);
