import { existsSync } from 'node:fs';

/** The Chromium for browser tests: CHROMIUM_PATH, else Debian's or other common locations; null if none. */
export function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}
