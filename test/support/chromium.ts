import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian and Ubuntu install Chromium here; playwright-core never downloads its own browser in CI. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

const INSTALL_HINT =
  'No Chromium found for the browser tests. Install it with `apt-get install chromium` (Debian/Ubuntu), ' +
  'or set BALLAST_CHROMIUM to the path of a Chromium or Chrome executable.';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  return (process.env['PATH'] ?? '')
    .split(delimiter)
    .filter((folder) => folder !== '')
    .map((folder) => join(folder, name))
    .find(isExecutable);
}

/** BALLAST_CHROMIUM wins (and must exist: a typo should not silently pick another browser). */
export function chromiumExecutable(): string {
  const configured = process.env['BALLAST_CHROMIUM'];
  if (configured) {
    if (!isExecutable(configured)) throw new Error(`BALLAST_CHROMIUM is ${configured}, which is not an executable file. ${INSTALL_HINT}`);
    return configured;
  }
  const found = isExecutable(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : onPath('chromium');
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

/** Headless Chromium for end-to-end tests. `--no-sandbox` because CI runs as root, where the sandbox refuses to start. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), headless: true, args: ['--no-sandbox'] });
}
