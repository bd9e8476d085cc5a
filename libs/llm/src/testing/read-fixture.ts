import { readFileSync } from 'node:fs';

/** Parses a recorded JSON fixture, resolved against the test file's URL (`import.meta.url`). */
export function readJsonFixture(relativePath: string, base: string): unknown {
  return JSON.parse(readFileSync(new URL(relativePath, base), 'utf8'));
}
