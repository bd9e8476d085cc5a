import type { ChatMessage } from '#libs/contracts';
import type { TraceRecord } from '#libs/store';
import type { TraceContent } from './trace-content.js';

/**
 * A trace as the request path hands it over: the raw prompt and answer, not yet redacted or
 * hashed. Rendering the content is left to the recorder's flush, off the response path.
 */
export type TraceDraft = Omit<TraceRecord, keyof TraceContent> & {
  readonly rawPrompt: readonly ChatMessage[];
  readonly rawResponse: string | null;
};
