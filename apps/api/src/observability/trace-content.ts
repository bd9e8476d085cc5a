import type { ChatMessage } from '#libs/contracts';
import type { TraceContentMode } from '#libs/store';

/** The prompt and answer of a trace as its tenant's content mode allows them to be kept. */
export interface TraceContent {
  readonly contentMode: TraceContentMode;
  readonly prompt: readonly ChatMessage[] | null;
  readonly response: string | null;
  readonly promptHash: string;
  readonly responseHash: string;
  readonly redactions: Readonly<Record<string, number>>;
}

/** Decides what of a request's text a trace keeps (redaction, hashes only, nothing). */
export interface TraceContentPolicy {
  render(tenantId: string, prompt: readonly ChatMessage[], response: string | null): TraceContent;
}
