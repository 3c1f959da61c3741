import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './scripts/content-security-policy.ts';
import { validatedDesign } from './scripts/validated-design.ts';

/**
 * `vite build` is the production build, in dist/. `--mode test` (Playwright's server) and
 * `--mode bench` (the browser benchmark) add the test and benchmark hooks (src/app/main.tsx `boot()`)
 * and build into dist-test/ and dist-bench/, so dist/ only ever holds what users get;
 * `vite preview --mode <mode>` serves the matching folder.
 */
export default defineConfig(({ mode }) => ({
  plugins: [react(), contentSecurityPolicy(), validatedDesign()],
  // The dependency cache lives with the checkout, not in node_modules: several checkouts may share one
  // node_modules (git worktrees), and their dev servers must not invalidate each other's pre-bundles.
  cacheDir: '.vite',
  // Pre-bundle what the app imports lazily too, so the first start never reloads with "outdated optimize dep".
  optimizeDeps: {
    include: ['react', 'react-dom/client', 'react/jsx-runtime', '@xyflow/react', 'zustand', 'zundo', 'zod', 'js-yaml', 'idb', 'fflate', '@tanstack/react-query', 'elkjs/lib/elk.bundled.js', 'prismjs', '@cdktf/hcl2json/wasm/wasm_exec.js'],
  },
  // Workers as ES modules: the proposal's worker loads the PDF and Word writers on demand, which the
  // default format (one classic script) cannot split off.
  worker: { format: 'es' },
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    outDir: mode === 'production' ? 'dist' : `dist-${mode}`,
    rolldownOptions: {
      // The model and the catalog are plain TypeScript that starts no work when imported (the house
      // rules), so a module of theirs that nothing uses is left out, with what it imports: the
      // canvas takes the catalog's kinds and the model's ids without the zod schema behind them.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/](model|catalog|diagram)[\\/]/.test(id) },
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          // Reading and checking design files (zod, js-yaml, the format's schema, parsing and its quick
          // readers, which import js-yaml and the schema's constants and so must share their chunk, migration,
          // the catalog's prop checks) in a chunk of their own, loaded when a file is read or saved:
          // grouped with the kinds, they would be fetched with the canvas, before its first paint.
          groups: [
            {
              name: 'design-validation',
              test: /[\\/]node_modules[\\/](zod|js-yaml)[\\/]|[\\/]src[\\/]model[\\/](schema|parse|quick-yaml|quick-items|serialize|migrate|references)\.ts$|[\\/]src[\\/]catalog[\\/](validate|props-schema)\.ts$/,
            },
          ],
        },
      },
    },
  },
}));
