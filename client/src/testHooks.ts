/**
 * True only in the browser tests' build (`vite build --mode e2e`, as `npm test` builds it). Vite writes the mode
 * in as a literal, so every other build drops what this guards: test hooks such as `window.__koegeMap` and
 * `data-rendered-at` never ship (issue #17; tests/unit/bundle.test.ts checks the production bundle).
 */
export const TEST_HOOKS = import.meta.env.MODE === 'e2e';
