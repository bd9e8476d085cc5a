import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { errorMessage, type CheckResult } from './doctor-check.js';

/**
 * Whether Ballast can create and write files in `directory`: it writes and removes a probe
 * file. A directory that does not exist yet passes when its nearest existing parent is
 * writable (Ballast creates it on start); the probe then leaves nothing behind.
 */
export async function checkWritableDirectory(name: string, directory: string, fixHint: string): Promise<CheckResult> {
  const absolute = resolve(directory);
  try {
    const info = await stat(absolute).catch(() => undefined);
    if (info && !info.isDirectory()) {
      return { name, status: 'fail', detail: `${absolute} is a file, not a directory`, fix: `remove it or ${fixHint}` };
    }
    if (!info) {
      const parent = await nearestExisting(dirname(absolute));
      if (!(await stat(parent)).isDirectory()) {
        return { name, status: 'fail', detail: `${absolute} cannot be created: ${parent} is a file`, fix: fixHint };
      }
      await access(parent, constants.W_OK);
      return { name, status: 'pass', detail: `${absolute} does not exist yet; ${parent} is writable, so Ballast creates it on start` };
    }
    const probe = join(absolute, `.ballast-doctor-${randomUUID()}`);
    await writeFile(probe, 'probe');
    await rm(probe);
    return { name, status: 'pass', detail: `${absolute} is writable` };
  } catch (error) {
    return {
      name,
      status: 'fail',
      detail: `${absolute} is not writable: ${errorMessage(error)}`,
      fix: `give the user running Ballast write access (chown/chmod), or ${fixHint}`,
    };
  }
}

/** `path` or its closest ancestor that exists (file or directory). */
async function nearestExisting(path: string): Promise<string> {
  let current = path;
  while (!(await stat(current).then(() => true, () => false))) {
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}
