import type { TokenCounter } from '../tokens/token-counter.js';
import type { ContextDrop, ContextTrim, RetrievedDocument } from './context-report.js';
import { trimToSentences } from './trim-to-sentences.js';
import { withText } from './with-text.js';

/** A document with its position in the request and its token count. */
export interface DocumentCandidate {
  readonly position: number;
  readonly document: RetrievedDocument;
  readonly tokens: number;
}

/** Documents after fitting. */
export interface FittedDocuments {
  /** Kept documents in request order, the trimmed one with its shortened text. */
  readonly kept: readonly DocumentCandidate[];
  /** Including the per-document overhead. */
  readonly keptTokens: number;
  readonly dropped: readonly ContextDrop[];
  readonly trimmed: readonly ContextTrim[];
}

// A trimmed document shorter than this is more noise than help.
const MIN_TRIMMED_TOKENS = 24;

/**
 * Fits documents into `allocation` tokens (each costs `overheadTokens` on top of its text for
 * its citation label and separators): best score first, whole while they fit; the first that
 * does not fit is cut at a sentence end to the tokens left; every lower-ranked one is dropped
 * whole. Ties keep request order.
 */
export function fitDocuments(candidates: readonly DocumentCandidate[], allocation: number, counter: TokenCounter, overheadTokens: number): FittedDocuments {
  const ranked = [...candidates].sort((left, right) => right.document.score - left.document.score || left.position - right.position);
  const kept: DocumentCandidate[] = [];
  const dropped: ContextDrop[] = [];
  const trimmed: ContextTrim[] = [];
  let used = 0;
  let full = false;
  for (const candidate of ranked) {
    const cost = candidate.tokens + overheadTokens;
    if (!full && used + cost <= allocation) {
      kept.push(candidate);
      used += cost;
      continue;
    }
    if (!full) {
      full = true;
      const room = allocation - used - overheadTokens;
      const cut = room >= MIN_TRIMMED_TOKENS ? trimToSentences(candidate.document.text, room, counter) : undefined;
      if (cut !== undefined) {
        kept.push({ position: candidate.position, document: withText(candidate.document, cut.text), tokens: cut.tokens });
        used += cut.tokens + overheadTokens;
        trimmed.push({ section: 'documents', id: candidate.document.id, tokensBefore: candidate.tokens, tokensAfter: cut.tokens, reason: 'documents-over-budget' });
        continue;
      }
    }
    dropped.push({ section: 'documents', id: candidate.document.id, tokens: candidate.tokens, reason: 'documents-over-budget' });
  }
  kept.sort((left, right) => left.position - right.position);
  return { kept, keptTokens: used, dropped, trimmed };
}
