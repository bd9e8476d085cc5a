/** Context-window budgeting as the workflow, the activities and the API see it. */

/** Tokens per part of a prompt. */
export interface ContextSectionTokens {
  readonly system: number;
  readonly documents: number;
  readonly history: number;
  readonly query: number;
  readonly output: number;
}

/** Something left out of the prompt, and why. */
export interface ContextDropRecord {
  readonly section: 'history' | 'documents';
  readonly id?: string;
  readonly index?: number;
  readonly role?: string;
  readonly tokens: number;
  readonly reason: string;
}

/** A document cut short at a sentence end to fit. */
export interface ContextTrimRecord {
  readonly section: 'documents';
  readonly id: string;
  readonly tokensBefore: number;
  readonly tokensAfter: number;
  readonly reason: string;
}

/** What query-aware compression of the retrieved documents did and saved. */
export interface ContextCompressionRecord {
  readonly tokensBefore: number;
  readonly tokensAfter: number;
  readonly targetRatio: number;
  readonly tokensSaved: number;
  readonly usdSaved?: number;
  readonly [detail: string]: number | undefined;
}

/** What happened to a current message above the route's limit. */
export interface OversizedInputRecord {
  readonly policy: 'ephemeral-document' | 'summarize';
  readonly queryTokens: number;
  readonly limit: number;
  /** Parts the message was cut into. */
  readonly parts: number;
  /** ephemeral-document: excerpts retrieved from it and given as sources. */
  readonly excerpts?: number;
  /** summarize: model calls of the map-reduce summary, and their cost (included in the request's cost). */
  readonly summaryCalls?: number;
  readonly summaryCostUsd?: number;
  readonly summaryTokens?: number;
}

/** `ballast.context`: the budget of the prompt that was sent. */
export interface ContextUsage {
  readonly window: number;
  readonly budget: ContextSectionTokens;
  readonly used: ContextSectionTokens;
  readonly dropped: readonly ContextDropRecord[];
  readonly trimmed: readonly ContextTrimRecord[];
  readonly compressed?: ContextCompressionRecord;
  readonly oversizedInput?: OversizedInputRecord;
  /** Dropped turns replaced by a rolling summary (route policy `historySummary`). */
  readonly summarized?: {
    readonly messages: number;
    readonly tokens: number;
    /** Reused from an earlier request of the conversation: no model call. */
    readonly cached: boolean;
    /** Turns folded into the stored summary by this request. */
    readonly newMessages: number;
    readonly costUsd: number;
  };
}

/** The router's verdict on a current message above the route's limit. */
export interface OversizedInputVerdict {
  readonly queryTokens: number;
  readonly limit: number;
  readonly action: 'ephemeral-document' | 'summarize' | 'reject';
}

/** A span `[start, end)` of the current message's text. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** How the current (oversized) message is replaced in the prompt; spans point into its text. */
export type InputHandling =
  | {
      readonly kind: 'ephemeral-document';
      readonly messageIndex: number;
      readonly question: TextSpan;
      readonly excerpts: ReadonlyArray<TextSpan & { readonly score: number }>;
      readonly record: OversizedInputRecord;
    }
  | {
      readonly kind: 'summarize';
      readonly messageIndex: number;
      readonly question: TextSpan;
      readonly summary: string;
      readonly record: OversizedInputRecord;
    };
