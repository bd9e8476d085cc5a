import { splitSentences } from '#libs/rag';
import { termsOf } from '../shared/context-terms.js';
import { type Claim } from './claim.js';
import { citationMarkersOf, maskMarkers, type CitationMarker } from './citation-markers.js';
import { cleanClaimText } from './clean-claim-text.js';
import { sentenceKind } from './sentence-kind.js';
import { splitCompound } from './split-compound.js';

const FIGURE = /\d/;

/**
 * The claims of an answer, in order: each sentence (each line first: list items and headings
 * are units of their own), compound sentences split where both halves are statements, citation
 * markers moved from the text into `citations`. Questions and pleasantries are not claims;
 * refusals are, of kind `refusal`. Headings (a line ending in ":") and fragments without two
 * terms or a figure are left out.
 */
export function extractClaims(answer: string): Claim[] {
  const markers = citationMarkersOf(answer);
  const masked = maskMarkers(answer, markers);
  const claims: Claim[] = [];
  const sentences = sentenceRanges(masked);
  sentences.forEach((sentence, position) => {
    const nextStart = sentences[position + 1]?.start ?? answer.length;
    // Markers after the sentence's last word and before the next sentence ("… days. [1]") are the sentence's.
    const sentenceMarkers = markers.filter((marker) => marker.start >= sentence.start && marker.start < nextStart);
    const text = masked.slice(sentence.start, sentence.end);
    const whole = cleanClaimText(text);
    if (!isStatement(whole)) return;
    const kind = sentenceKind(whole);
    if (kind === 'question' || kind === 'pleasantry') return;
    if (kind === 'refusal') {
      claims.push({ text: whole, start: sentence.start, end: sentence.end, citations: numbersOf(sentenceMarkers), kind });
      return;
    }
    const parts = splitCompound(text).map((part) => ({ start: sentence.start + part.start, end: sentence.start + part.end }));
    const owned = parts.map((part, index) => sentenceMarkers.filter((marker) => marker.start >= part.start && (index === parts.length - 1 || marker.start < (parts[index + 1]?.start ?? Infinity))));
    const trailing = owned[owned.length - 1] ?? [];
    parts.forEach((part, index) => {
      const partText = cleanClaimText(masked.slice(part.start, part.end));
      if (!isStatement(partText)) return;
      const own = owned[index] ?? [];
      // A marker at the end of a compound sentence cites every part that has none of its own.
      const cited = own.length > 0 ? own : trailing;
      const end = index === parts.length - 1 ? sentence.end : part.end;
      claims.push({ text: partText, start: part.start, end, citations: numbersOf(cited), kind: 'fact' });
    });
  });
  return claims;
}

function sentenceRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    for (const range of splitSentences(line)) ranges.push({ start: lineStart + range.start, end: lineStart + range.end });
    lineStart += line.length + 1;
  }
  return ranges;
}

function isStatement(text: string): boolean {
  if (text === '' || /:$/.test(text)) return false;
  const terms = termsOf(text).length;
  return terms >= 2 || (terms >= 1 && FIGURE.test(text));
}

function numbersOf(markers: readonly CitationMarker[]): number[] {
  return [...new Set(markers.flatMap((marker) => marker.numbers))];
}
