/**
 * How the browser tests and benchmarks launch Chromium on these machines (DESIGN.md): headless, no network
 * chatter. Never add --use-gl or --disable-software-rasterizer: either one kills WebGL.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The browser tests' viewport; benchmarks use the same. */
export const VIEWPORT = { width: 1400, height: 900 };
