import { extractClaims } from '../claims/extract-claims.js';
import { type ValidationEvalItem } from './validation-eval-set.js';

/** How well `extractClaims` finds the labelled claims. */
export interface ExtractionCoverage {
  readonly labelled: number;
  /** Labelled claims with an extracted claim sharing ≥ `MATCH_OVERLAP` of the longer one's words. */
  readonly covered: number;
  readonly share: number;
  readonly extracted: number;
  /** Extracted claims matching a labelled claim that way (the rest are merged, split differently, or unlabelled text). */
  readonly matchedExtracted: number;
  /** Labelled claims whose words are all inside one extracted claim (merged into a longer one counts). */
  readonly contained: number;
  /** Labelled refusals (supported, no source) whose answer `extractClaims` gives a `refusal` claim for. */
  readonly refusalsFound: number;
  readonly refusalsLabelled: number;
  readonly missed: readonly { readonly itemId: string; readonly text: string }[];
}

/** Two claims match when their common words are at least this share of the longer one's. */
export const MATCH_OVERLAP = 0.8;

/** Compares `extractClaims` on each answer with the labelled claims. */
export function extractionCoverage(items: readonly ValidationEvalItem[]): ExtractionCoverage {
  let labelled = 0;
  let covered = 0;
  let extractedCount = 0;
  let matchedExtracted = 0;
  let contained = 0;
  let refusalsFound = 0;
  let refusalsLabelled = 0;
  const missed: { itemId: string; text: string }[] = [];
  for (const item of items) {
    const extracted = extractClaims(item.answer);
    extractedCount += extracted.length;
    const extractedWords = extracted.map((claim) => wordsOf(claim.text));
    const matched = new Set<number>();
    for (const claim of item.claims) {
      labelled += 1;
      const words = wordsOf(claim.text);
      let best = -1;
      let bestOverlap = 0;
      extractedWords.forEach((candidate, index) => {
        const overlap = common(words, candidate) / Math.max(words.length, candidate.length, 1);
        if (overlap > bestOverlap) {
          bestOverlap = overlap;
          best = index;
        }
      });
      if (bestOverlap >= MATCH_OVERLAP) {
        covered += 1;
        matched.add(best);
      } else missed.push({ itemId: item.id, text: claim.text });
      if (extractedWords.some((candidate) => common(words, candidate) === words.length)) contained += 1;
      if (claim.supported && claim.source === null) {
        refusalsLabelled += 1;
        if (extracted.some((candidate) => candidate.kind === 'refusal')) refusalsFound += 1;
      }
    }
    matchedExtracted += matched.size;
  }
  return { labelled, covered, share: round(covered / Math.max(labelled, 1)), extracted: extractedCount, matchedExtracted, contained, refusalsFound, refusalsLabelled, missed };
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

// Words in common, counted with repeats.
function common(left: readonly string[], right: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const word of right) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of left) {
    const count = counts.get(word) ?? 0;
    if (count > 0) {
      shared += 1;
      counts.set(word, count - 1);
    }
  }
  return shared;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
