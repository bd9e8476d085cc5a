import type { ChatMessage } from '#libs/contracts';
import { applyContentMode, createRedactor, hashContent, type RedactionFindings, type RedactionPolicy, type Redactor } from '#libs/observability';
import type { TraceContent, TraceContentPolicy } from './trace-content.js';

/**
 * The configured redaction policy applied to traces, message by message: `full` keeps the text,
 * `redacted` (the default) replaces secrets and PII, `hashes` and `none` keep only hashes. The
 * prompt hash covers every message's hash in order, so identical prompts hash alike in every
 * mode. Runs in the recorder's flush, not on the response path.
 */
export class RedactingContentPolicy implements TraceContentPolicy {
  private readonly redactor: Redactor;

  constructor(policy: RedactionPolicy) {
    this.redactor = createRedactor(policy);
  }

  render(tenantId: string, prompt: readonly ChatMessage[], response: string | null): TraceContent {
    const contentMode = this.redactor.contentModeFor(tenantId);
    const redactions: RedactionFindings = {};
    const apply = (text: string) => {
      const stored = applyContentMode(contentMode, text, this.redactor);
      for (const [name, count] of Object.entries(stored.findings)) redactions[name] = (redactions[name] ?? 0) + count;
      return stored;
    };
    const messages = prompt.map((message) => ({ message, stored: apply(message.content) }));
    const answer = apply(response ?? '');
    const keepsText = contentMode === 'full' || contentMode === 'redacted';
    return {
      contentMode,
      prompt: keepsText ? messages.map(({ message, stored }) => ({ ...message, content: stored.content ?? '' })) : null,
      response: keepsText && response !== null ? answer.content : null,
      promptHash: hashContent(messages.map(({ message, stored }) => `${message.role}:${stored.hash}`).join('\n')),
      responseHash: answer.hash,
      redactions,
    };
  }
}
