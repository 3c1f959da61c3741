import type { CanvasBenchApi } from './bench-api';
import type { NinesmithTestApi } from './test-api';

/**
 * The hooks test and bench builds put on `window` (src/app/main.tsx `boot()`): declared once, so
 * Playwright specs, page objects and the benchmark's baseline page use them typed. A production
 * build has neither (scripts/check-production-build.mjs).
 */
declare global {
  interface Window {
    /** Test and bench builds (`vite build --mode test|bench`): src/app/test-api.ts. */
    __ninesmith: NinesmithTestApi;
    /** Bench builds (`vite build --mode bench`) and the benchmark's baseline page: src/app/bench-api.ts. */
    __canvasApi: CanvasBenchApi;
  }
}

export {};
