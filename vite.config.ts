import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // The dependency cache lives with the checkout, not in node_modules: several checkouts may share one
  // node_modules (git worktrees), and their dev servers must not invalidate each other's pre-bundles.
  cacheDir: '.vite',
  // Pre-bundle what the app imports lazily too, so the first start never reloads with "outdated optimize dep".
  optimizeDeps: {
    include: ['react', 'react-dom/client', 'react/jsx-runtime', '@xyflow/react', 'zustand', 'zundo', 'zod', 'js-yaml', 'idb', 'fflate', '@tanstack/react-query', 'elkjs/lib/elk.bundled.js', 'prismjs', '@cdktf/hcl2json/wasm/wasm_exec.js'],
  },
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1500 },
});
