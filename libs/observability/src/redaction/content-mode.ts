import { createHash } from 'node:crypto';
import type { ContentMode } from './redaction-policy.js';
import type { RedactionFindings, Redactor } from './redactor.js';

/** `sha256:<64 hex digits>` of the UTF-8 text. */
export function hashContent(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/** What is stored of one prompt or answer. */
export interface StoredContent {
  /** The text to store: as sent (`full`), redacted (`redacted`), or null (`hashes`, `none`). */
  readonly content: string | null;
  /**
   * Hash of the redacted text, in every mode, `none` included: it lets identical prompts be
   * counted and grouped without keeping them. It is taken after redaction so that it cannot be
   * used to confirm a guessed secret, and so it is the same whichever mode a tenant uses.
   */
  readonly hash: string;
  /** What redaction found, in every mode: a `full` tenant still shows up as sending secrets. */
  readonly findings: RedactionFindings;
}

/**
 * Applies a content mode to one text. The redactor always runs, so hash and findings do not
 * depend on the mode; only what is kept of the text does. `hashes` and `none` store the same
 * (the hash, no text): `none` does not drop the hash, because without it a tenant's traffic could
 * not even be deduplicated, and a hash of redacted text reveals nothing the findings do not.
 */
export function applyContentMode(mode: ContentMode, text: string, redactor: Redactor): StoredContent {
  const redacted = redactor.redact(text);
  const hash = hashContent(redacted.text);
  switch (mode) {
    case 'full':
      return { content: text, hash, findings: redacted.findings };
    case 'redacted':
      return { content: redacted.text, hash, findings: redacted.findings };
    case 'hashes':
    case 'none':
      return { content: null, hash, findings: redacted.findings };
  }
}
