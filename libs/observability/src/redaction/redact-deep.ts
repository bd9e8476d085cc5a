import { redactionToken } from './detector.js';
import type { RedactionFindings, Redactor } from './redactor.js';

/** A redacted copy of a JSON-ish value and what redaction found in all of it. */
export interface RedactedValue {
  readonly value: unknown;
  readonly findings: RedactionFindings;
}

/**
 * Field names whose whole value is a secret however it looks (`authorization`, `apiKey`,
 * `db_password`, `x-api-key`, `cookie`): the name must end in one of these words, so
 * `max_tokens` and `tokenCount` keep their values.
 */
const SENSITIVE_FIELD = /(?:passw(?:or)?d|passphrase|secret|api[_-]?key|token|authorization|cookie|private[_-]?key|credentials?)$/i;

/**
 * A copy of a JSON-ish value (messages arrays, request bodies, errors) for logs: every string
 * redacted, and, when the redactor redacts secrets, every string or number under a field named
 * like a secret replaced by `[REDACTED:sensitive-field]`. Errors become `{ name, message, …their
 * own fields, cause? }`: the facts they carry are kept, the stack is dropped (it holds code
 * paths, not facts about the request). `toJSON` is honoured (dates), bigints become strings,
 * cycles become `'[Circular]'`, functions and symbols are left out as JSON would.
 */
export function redactDeep(value: unknown, redactor: Redactor): RedactedValue {
  const findings: RedactionFindings = {};
  const count = (name: string, amount: number) => {
    findings[name] = (findings[name] ?? 0) + amount;
  };
  const visit = (current: unknown, ancestors: readonly object[]): unknown => {
    if (typeof current === 'string') {
      const result = redactor.redact(current);
      for (const [name, amount] of Object.entries(result.findings)) count(name, amount);
      return result.text;
    }
    if (typeof current === 'bigint') return current.toString();
    if (typeof current !== 'object' || current === null) return typeof current === 'function' || typeof current === 'symbol' ? undefined : current;
    if (ancestors.includes(current)) return '[Circular]';
    const path = [...ancestors, current];
    if (current instanceof Error) {
      const fields: Record<string, unknown> = { name: current.name, message: current.message };
      Object.assign(fields, current);
      if (current.cause !== undefined) fields['cause'] = current.cause;
      return visitFields(fields, path);
    }
    const json = (current as { toJSON?: unknown }).toJSON;
    if (typeof json === 'function') return visit(json.call(current), path);
    if (Array.isArray(current)) return current.map((item) => visit(item, path) ?? null);
    return visitFields(current, path);
  };
  const visitFields = (source: object, path: readonly object[]): Record<string, unknown> => {
    const copy: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(source)) {
      if (redactor.redactsSecrets && SENSITIVE_FIELD.test(key) && (typeof field === 'string' || typeof field === 'number') && field !== '') {
        count('sensitive-field', 1);
        copy[key] = redactionToken('sensitive-field');
      } else {
        const redacted = visit(field, path);
        if (redacted !== undefined) copy[key] = redacted;
      }
    }
    return copy;
  };
  return { value: visit(value, []), findings };
}
