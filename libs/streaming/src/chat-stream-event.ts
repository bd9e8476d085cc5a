/** Which provider call produced a streamed piece of text: one (target, attempt) of a request. */
export interface ChatStreamSource {
  /** Index of the target in the route (regenerations use their own ledger index). */
  readonly targetIndex: number;
  /** Temporal's attempt number of the callModel activity, from 1. */
  readonly attempt: number;
  readonly provider: string;
  readonly model: string;
}

/**
 * What a callModel activity publishes while it streams. Text of one source restarts the answer
 * when the source changes: a retried or fallen-back attempt answers from the beginning.
 */
export type ChatStreamEvent =
  | { readonly type: 'text-delta'; readonly source: ChatStreamSource; readonly text: string }
  | {
      readonly type: 'attempt-failed';
      readonly source: ChatStreamSource;
      /** Ballast's error kind (`connection` for a cut stream). */
      readonly errorKind: string;
      readonly message: string;
      /** True when the same target is tried again; false when it is done (the next target, if any, follows). */
      readonly retrying: boolean;
      /** Characters of text this source had published before it failed. */
      readonly publishedChars: number;
    };
