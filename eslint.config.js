import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Who may import whom (README.md, "How the code is laid out"). Each entry: the folder, and what it must never import. */
const react = ['react', 'react-dom', 'react-dom/*', '@xyflow/react', 'zustand', 'zustand/*', '@tanstack/*', 'zundo', 'idb', 'elkjs', 'elkjs/*'];
const node = ['node:*', 'fs', 'path', 'os', 'child_process'];
// The import layer (src/import) by the paths that reach it; not `**/import`, which would also refuse
// the engine's own price-file import (src/engine/cost/import.ts).
const importLayer = ['**/src/import', '**/src/import/*', '../import', '../import/*', '../../import', '../../import/*', '../../../import', '../../../import/*'];
const boundary = (files, patterns, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
});

export default tseslint.config(
  { ignores: ['dist/', 'dist-cli/', 'dist-test/', 'dist-bench/', '.vite/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/', 'generators/**/__golden__/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  boundary(
    ['src/model/**/*.ts'],
    [...react, ...node, '**/catalog', '**/catalog/*', '**/engine', '**/engine/*', ...importLayer, '**/diagram', '**/diagram/*', '**/app/*', '**/cli/*', '**/generators/*'],
    'The model is the bottom layer: zod and js-yaml only (README.md, "How the code is laid out").',
  ),
  boundary(
    ['src/catalog/**/*.ts'],
    [...react, ...node, '**/engine', '**/engine/*', ...importLayer, '**/diagram', '**/diagram/*', '**/app/*', '**/cli/*', '**/generators/*'],
    'The catalog may import only the model (README.md, "How the code is laid out").',
  ),
  boundary(
    ['src/engine/**/*.ts'],
    [...react, ...node, ...importLayer, '**/diagram', '**/diagram/*', '**/app/*', '**/cli/*', '**/generators/*'],
    'The engine is plain TypeScript over the model and catalog: no React, DOM, Node or app (README.md, "How the code is laid out").',
  ),
  boundary(
    ['src/import/**/*.ts'],
    [...react, ...node, '**/engine', '**/engine/*', '**/diagram', '**/diagram/*', '**/app/*', '**/cli/*', '**/generators', '**/generators/*'],
    'The importer is plain TypeScript over the model and catalog: it runs in Node and the browser alike (README.md, "How the code is laid out").',
  ),
  boundary(
    ['src/diagram/**/*.ts'],
    // ELK is the one library here besides the model's: loaded on demand by elk-layout.ts.
    [...react.filter((name) => !name.startsWith('elkjs')), ...node, '**/engine', '**/engine/*', ...importLayer, '**/app/*', '**/cli/*', '**/generators/*'],
    'The diagram is plain TypeScript over the model and catalog, shared by the canvas, the command line and the generators: no React, DOM, Node or engine (README.md, "How the code is laid out").',
  ),
  boundary(
    ['generators/**/*.ts'],
    [...react, ...node, ...importLayer, '**/app/*', '**/cli/*'],
    'Generators are pure: (design, analysis) -> files. No React, no fs; the caller writes files (README.md, "How the code is laid out").',
  ),
  boundary(['src/cli/**/*.ts'], [...react, '**/app/*'], 'The command line never imports the app or React (README.md, "How the code is laid out").'),
  {
    ...boundary(
      ['src/app/**/*.{ts,tsx}'],
      [...node, '**/cli/*', '@xyflow/react'],
      'The app runs in the browser (no node:*, no command line), and only src/app/canvas/ talks to React Flow (README.md, "How the code is laid out").',
    ),
    ignores: ['src/app/canvas/**'],
  },
  boundary(
    ['src/app/canvas/**/*.{ts,tsx}'],
    [...node, '**/cli/*'],
    'The app runs in the browser: no node:* and no command line (README.md, "How the code is laid out").',
  ),
  {
    // Tests may use Node (fs to read templates and goldens) even inside plain layers.
    files: ['**/*.test.ts', 'bench/**', 'scripts/**', 'e2e/**', '*.config.ts', 'vite.config.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
