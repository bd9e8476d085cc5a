import type { ChatMessage, ChatRole } from '#libs/contracts';
import type { TokenizerEncoding } from '#libs/rag';
import type { CompressionStats } from '../compress/compress-context.js';
import type { OversizedInputPolicy } from './budget-policy.js';
import type { SectionTokens } from './resolve-section-budgets.js';

/** A retrieved chunk offered to the prompt. */
export interface RetrievedDocument {
  readonly id: string;
  readonly text: string;
  /** Retrieval score: higher ranks first and is dropped last. */
  readonly score: number;
  /**
   * The tokens of exactly `text` in `tokenEncoding`, when already known. Used instead of counting
   * when the model is counted exactly in that encoding; ignored otherwise.
   */
  readonly tokens?: number;
  /** The encoding `tokens` was counted with. */
  readonly tokenEncoding?: TokenizerEncoding;
  /**
   * The chunk's ingestion profile as the store keeps it (`chunks.token_profile`, made by
   * `profileChunk`): its counts in o200k_base and cl100k_base and its analysis for compression,
   * so the chunk is neither counted (when the model is counted exactly in one of those encodings)
   * nor analysed. Only used for the text it was made from; the plan is the same with it or without.
   */
  readonly profile?: string;
}

/** Why something left the prompt. */
export type ContextDropReason =
  /** The oldest turns did not fit the history allocation. */
  | 'history-over-budget'
  /** The lowest-ranked documents did not fit the documents allocation. */
  | 'documents-over-budget'
  /** Compression left nothing of the document: every sentence repeated a better-ranked one, or none was relevant. */
  | 'compressed-away';

/** One message or document left out, for `ballast.context.dropped`. */
export interface ContextDrop {
  readonly section: 'history' | 'documents';
  /** The document's id (documents). */
  readonly id?: string;
  /** Position in the request's history (history). */
  readonly index?: number;
  readonly role?: ChatRole;
  readonly tokens: number;
  readonly reason: ContextDropReason;
}

/** A document cut short at a sentence end to fit, for `ballast.context.trimmed`. */
export interface ContextTrim {
  readonly section: 'documents';
  readonly id: string;
  readonly tokensBefore: number;
  readonly tokensAfter: number;
  readonly reason: 'documents-over-budget';
}

/**
 * What compression did and saved, for `ballast.context.compressed`. `tokensBefore` is counted (or
 * known); `tokensAfter` is estimated from it (see `compress/sentence-tokens.ts`) unless the
 * prompt came close to the window, when the compressed texts are counted.
 */
export interface ContextCompressionReport extends CompressionStats {
  readonly targetRatio: number;
  readonly tokensSaved: number;
  /** At the model's input price, when the caller gave it. */
  readonly usdSaved?: number;
}

/** Dropped history that the policy wants summarised (by the caller: it takes a model call). */
export interface HistorySummaryRequest {
  readonly messages: number;
  readonly tokens: number;
  /** Tokens kept free in the history allocation for the summary. */
  readonly reservedTokens: number;
}

/** The budget report a response carries as `ballast.context`. */
export interface ContextReport {
  readonly window: number;
  /** The route policy's budget per section, in tokens. */
  readonly budget: SectionTokens;
  /** Tokens documents and history could use after unused budget flowed between sections. */
  readonly allocated: { readonly documents: number; readonly history: number };
  /** Tokens each section takes in the prompt (output: reserved). */
  readonly used: SectionTokens;
  readonly dropped: readonly ContextDrop[];
  readonly trimmed: readonly ContextTrim[];
  readonly compressed?: ContextCompressionReport;
  readonly summarized?: HistorySummaryRequest;
}

/** The prompt fits: what to send and the report. */
export interface ContextFits {
  readonly kind: 'fits';
  /** System messages, the kept history and the query, in request order. */
  readonly messages: readonly ChatMessage[];
  /** Kept documents in the order given, text possibly compressed or trimmed. */
  readonly documents: readonly RetrievedDocument[];
  /** Dropped history to summarise, oldest first; empty unless the policy asks for summaries. */
  readonly historyToSummarize: readonly ChatMessage[];
  readonly report: ContextReport;
}

/** System instructions, the query and the output reservation alone exceed the window: a 413, or a larger-window target. */
export interface ContextTooLarge {
  readonly kind: 'too-large';
  readonly systemTokens: number;
  readonly queryTokens: number;
  readonly outputTokens: number;
  readonly window: number;
  /** systemTokens + queryTokens + outputTokens: the smallest window that would do. */
  readonly needed: number;
}

/** The current message is above the route's limit; `action` is what the policy says to do with it. */
export interface ContextOversizedInput {
  readonly kind: 'oversized-input';
  readonly queryTokens: number;
  readonly limit: number;
  readonly action: OversizedInputPolicy;
}

/** The outcome of planning a prompt. */
export type ContextPlan = ContextFits | ContextTooLarge | ContextOversizedInput;
