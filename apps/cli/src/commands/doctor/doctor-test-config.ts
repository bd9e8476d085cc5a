import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type ResolvedConfig } from '#libs/config';
import type { DoctorContext } from './doctor-check.js';

/** A real configuration for the checks' tests: defaults, a fresh data dir, `overrides` over it. */
export function doctorTestContext(overrides: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}): DoctorContext & { config: ResolvedConfig } {
  const config = loadConfig({
    env,
    cwd: '/nonexistent-so-no-ballast-yaml-is-read',
    overrides: { environment: 'test', dataDir: mkdtempSync(join(tmpdir(), 'ballast-doctor-')), ...overrides },
  });
  return { config, timeoutMs: 2000, fetch };
}
