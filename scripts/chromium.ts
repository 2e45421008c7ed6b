// Where the Chromium for browser tests lives. `pnpm test` exports the answer to the tests as
// HEARTH_CHROMIUM_PATH; set it yourself to use another Chromium or Chrome.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM_PATH_ENV = 'HEARTH_CHROMIUM_PATH';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** The Chromium executable: $HEARTH_CHROMIUM_PATH, else the first known name on PATH or in /usr/bin. */
export function findChromium(): string | null {
  const given = process.env[CHROMIUM_PATH_ENV];
  if (given) return existsSync(given) ? given : null;
  const dirs = [...(process.env.PATH ?? '').split(':').filter(Boolean), '/usr/bin', '/snap/bin'];
  for (const name of NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

if (import.meta.main) {
  const found = findChromium();
  console.log(found ?? 'Chromium not found');
  process.exit(found ? 0 : 1);
}
