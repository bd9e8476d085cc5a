import { z } from 'zod';

/** Kinds of personal data the built-in detectors find. */
export const PII_KINDS = ['email', 'phone', 'credit-card', 'ssn', 'iban', 'ip-address'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

/**
 * What of a prompt or answer is stored: `full` as sent, `redacted` with secrets and PII replaced
 * by `[REDACTED:<name>]`, `hashes` only a hash, `none` nothing but the hash (see `applyContentMode`).
 */
export const CONTENT_MODES = ['full', 'redacted', 'hashes', 'none'] as const;
export type ContentMode = (typeof CONTENT_MODES)[number];

/** IP addresses are left out by default: they are in almost every log line and rarely personal in prompts. */
export const DEFAULT_PII_KINDS: readonly PiiKind[] = ['email', 'phone', 'credit-card', 'ssn', 'iban'];

/** Names the built-in detectors use, which a custom pattern may not take. */
export const BUILT_IN_DETECTOR_NAMES: readonly string[] = [
  ...PII_KINDS,
  'private-key',
  'url-password',
  'jwt',
  'anthropic-key',
  'ballast-key',
  'openai-key',
  'stripe-key',
  'aws-access-key-id',
  'aws-secret-access-key',
  'github-token',
  'slack-token',
  'google-api-key',
  'bearer-token',
  'key-value-secret',
  'sensitive-field',
];

const contentModeSchema = z.enum(CONTENT_MODES);

/** A deployment's own pattern, e.g. employee ids: every match becomes `[REDACTED:<name>]`. */
export const redactionPatternSchema = z
  .strictObject({
    /** Shown in the token and counted in findings. */
    name: z.string().regex(/^[a-z0-9-]+$/, 'pattern names are lowercase letters, digits and dashes (they appear in [REDACTED:<name>])'),
    /** JavaScript regular expression source, without slashes. */
    regex: z.string().min(1),
    /** Regex flags such as `i`; `g` is always added. */
    flags: z.string().regex(/^[dgimsuv]*$/, 'flags may only be d, g, i, m, s, u or v (y would match only at the start)').optional(),
  })
  .superRefine((pattern, context) => {
    let compiled: RegExp;
    try {
      compiled = new RegExp(pattern.regex, pattern.flags);
    } catch (error) {
      context.addIssue({ code: 'custom', path: ['regex'], message: `pattern '${pattern.name}' does not compile: ${(error as Error).message}` });
      return;
    }
    if (compiled.test('')) {
      context.addIssue({ code: 'custom', path: ['regex'], message: `pattern '${pattern.name}' matches the empty string, so it could never redact anything` });
    }
  });
export type RedactionPattern = z.output<typeof redactionPatternSchema>;

/** What is redacted from stored prompts, answers, errors and logs, and what content is kept at all. */
export const redactionPolicySchema = z
  .strictObject({
    /** Replace API keys, tokens, private keys and passwords (built-in detectors). */
    secrets: z.boolean().default(true),
    /** Personal data to replace. */
    pii: z.array(z.enum(PII_KINDS)).default([...DEFAULT_PII_KINDS]),
    /** Extra patterns, applied after the built-in detectors. */
    patterns: z.array(redactionPatternSchema).default([]),
    /** What is stored of prompts and answers. */
    contentMode: contentModeSchema.default('redacted'),
    /** Per-tenant overrides of `contentMode`, by tenant id. */
    tenants: z.record(z.string().min(1), z.strictObject({ contentMode: contentModeSchema })).default({}),
  })
  .superRefine((policy, context) => {
    const seen = new Set<string>();
    policy.patterns.forEach((pattern, index) => {
      if (BUILT_IN_DETECTOR_NAMES.includes(pattern.name)) {
        context.addIssue({ code: 'custom', path: ['patterns', index, 'name'], message: `pattern name '${pattern.name}' is taken by a built-in detector` });
      } else if (seen.has(pattern.name)) {
        context.addIssue({ code: 'custom', path: ['patterns', index, 'name'], message: `pattern name '${pattern.name}' is used twice; findings would mix them` });
      }
      seen.add(pattern.name);
    });
  });

/** The redaction policy with every default filled in. */
export type RedactionPolicy = z.output<typeof redactionPolicySchema>;
/** The redaction policy as written in config: every field optional. */
export type RedactionPolicyInput = z.input<typeof redactionPolicySchema>;

/** Validates a redaction block and fills the defaults; throws an error naming each bad field. */
export function parseRedactionPolicy(input: unknown): RedactionPolicy {
  const result = redactionPolicySchema.safeParse(input ?? {});
  if (!result.success) throw new Error(`Invalid redaction policy:\n${z.prettifyError(result.error)}`);
  return result.data;
}
