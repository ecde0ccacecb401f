import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

/** Node built-ins the pure engine and schema must never import (DESIGN.md §2). */
const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
  'buffer',
  'events',
];

const pureLayer = (extra) => ({
  'no-restricted-globals': [
    'error',
    ...['process', 'Buffer', 'require', '__dirname', '__filename', 'setImmediate', 'global'].map((name) => ({
      name,
      message: 'Node-only global: the engine and schema run in the browser too (DESIGN.md §2).',
    })),
  ],
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: [
            ...nodeBuiltins,
            'react',
            'react-*',
            'react/*',
            'fastify',
            '@fastify/*',
            'better-sqlite3',
            'drizzle-orm',
            'drizzle-orm/*',
            ...extra,
          ],
          message:
            'This package is pure and isomorphic (DESIGN.md §2): no Node built-ins, React, storage or server code.',
        },
      ],
    },
  ],
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/data/**', 'coverage/**', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (DESIGN.md §13).' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval in Formflow.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function in Formflow.' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-prototype-builtins': 'error',
    },
  },
  {
    files: ['packages/schema/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: pureLayer(['@formflow/*']),
  },
  {
    files: ['packages/engine/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: pureLayer(['@formflow/store', '@formflow/server', '@formflow/web', '@formflow/cli']),
  },
  {
    // The web app: browser globals and the rules of hooks.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['**/*.config.ts', 'vitest.workspace.ts', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.test.ts', 'bench/**', 'packages/cli/**', 'apps/server/**', 'apps/web/e2e/**', 'scripts/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);
