import { applyDetector, type Detector } from './detector.js';
import { PII_DETECTORS } from './pii-detectors.js';
import type { ContentMode, RedactionPattern, RedactionPolicy } from './redaction-policy.js';
import { SECRET_DETECTORS } from './secret-detectors.js';

/** Counts of replaced matches by detector name; detectors that found nothing are absent. */
export type RedactionFindings = Record<string, number>;

export interface RedactionResult {
  readonly text: string;
  readonly findings: RedactionFindings;
}

export interface Redactor {
  /** The text with every enabled detector's matches replaced by `[REDACTED:<name>]`. */
  redact(text: string): RedactionResult;
  /** The content mode of a tenant: its override, else the policy's. */
  contentModeFor(tenantId: string): ContentMode;
  /** Whether secrets are redacted; `redactDeep` also blanks fields named like secrets only then. */
  readonly redactsSecrets: boolean;
}

/**
 * A redactor for a validated policy (`parseRedactionPolicy` or the config's `redaction` block).
 * Detectors run in a fixed order, secrets first, then PII, then the policy's own patterns; each
 * sees the output of the ones before, so a match is counted once, under the most specific name.
 */
export function createRedactor(policy: RedactionPolicy): Redactor {
  const detectors: readonly Detector[] = [
    ...(policy.secrets ? SECRET_DETECTORS : []),
    ...PII_DETECTORS.filter((detector) => policy.pii.includes(detector.name)),
    ...policy.patterns.map(customDetector),
  ];
  return {
    redactsSecrets: policy.secrets,
    redact(text) {
      let current = text;
      const findings: RedactionFindings = {};
      for (const detector of detectors) {
        const result = applyDetector(detector, current);
        if (result.count > 0) {
          current = result.text;
          findings[detector.name] = (findings[detector.name] ?? 0) + result.count;
        }
      }
      return { text: current, findings };
    },
    contentModeFor(tenantId) {
      return policy.tenants[tenantId]?.contentMode ?? policy.contentMode;
    },
  };
}

function customDetector(pattern: RedactionPattern): Detector {
  const flags = pattern.flags?.includes('g') ? pattern.flags : `${pattern.flags ?? ''}g`;
  return { name: pattern.name, mayMatch: () => true, pattern: new RegExp(pattern.regex, flags) };
}
