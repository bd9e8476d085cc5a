import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Pinned: the fuzzer's checks and generation change between releases. */
export const SCHEMATHESIS_VERSION = '4.32.5';

/**
 * The `st` executable of schemathesis, installed from the Python package index into the repo's
 * ignored `.tools/` (a virtual environment of its own) the first time it is needed.
 */
export function ensureSchemathesis(root: string): string {
  const environment = join(root, '.tools', `schemathesis-${SCHEMATHESIS_VERSION}`);
  const executable = join(environment, 'bin', 'st');
  if (existsSync(executable)) return executable;
  console.log(`installing schemathesis ${SCHEMATHESIS_VERSION} into ${environment} (once)`);
  execFileSync('python3', ['-m', 'venv', environment], { stdio: 'inherit' });
  execFileSync(join(environment, 'bin', 'pip'), ['install', '--quiet', `schemathesis==${SCHEMATHESIS_VERSION}`], { stdio: 'inherit' });
  if (!existsSync(executable)) throw new Error(`schemathesis installed but ${executable} is missing`);
  return executable;
}
