import { type Claim } from '../claims/claim.js';
import { citationMarkersOf } from '../claims/citation-markers.js';
import { type ClaimFacts } from '../support/claim-facts.js';
import { type ClaimSupport } from '../support/claim-support.js';
import { restrictIndex } from '../support/restrict-index.js';
import { scoreClaim } from '../support/score-claim.js';
import { type SourceIndex } from '../support/source-index.js';
import { type SimilarityHook } from '../support/validation-source.js';
import { type CitationCheck } from './citation-check.js';

/**
 * Every `[n]` of the answer: the n-th source (1-based, in the order given) must exist, and that
 * source alone must support each claim citing it. A claim citing several sources may draw on
 * them together: each then needs to support it at least in part (`uncertain`) while the claim
 * as a whole is supported. Markers outside any claim (after a question, in a "Sources:" line)
 * are only checked for a source to point to. `facts` are the claims' (`claimFacts`), when the
 * caller read them already.
 */
export function checkCitations(answer: string, claims: readonly ClaimSupport[], index: SourceIndex, similarity?: SimilarityHook, facts: ReadonlyMap<Claim, ClaimFacts> = new Map()): CitationCheck[] {
  const checks: CitationCheck[] = [];
  for (const owner of claims) {
    for (const number of owner.claim.citations) checks.push(checkOne(number, owner, index, similarity, facts.get(owner.claim)));
  }
  for (const marker of citationMarkersOf(answer)) {
    const owner = claims.filter((support) => support.claim.start <= marker.start).pop();
    if (owner !== undefined && marker.numbers.every((number) => owner.claim.citations.includes(number))) continue;
    for (const number of marker.numbers) {
      const source = index.sources[number - 1];
      checks.push(
        source === undefined
          ? missingSource(number, marker.start, index)
          : { marker: number, start: marker.start, sourceId: source.id, valid: true, support: null, reason: 'cites no checkable claim (question, pleasantry or heading)' },
      );
    }
  }
  return checks.sort((left, right) => left.start - right.start);
}

function checkOne(number: number, owner: ClaimSupport, index: SourceIndex, similarity: SimilarityHook | undefined, facts: ClaimFacts | undefined): CitationCheck {
  const start = owner.claim.start;
  const source = index.sources[number - 1];
  if (source === undefined) return missingSource(number, start, index);
  const alone = scoreClaim(owner.claim, restrictIndex(index, number - 1), similarity, facts);
  const text = ellipsis(owner.claim.text);
  if (owner.claim.kind === 'refusal') {
    const valid = alone.verdict === 'supported';
    return { marker: number, start, sourceId: source.id, valid, support: alone.verdict, reason: valid ? `refusal "${text}" is consistent with source ${number}` : `source ${number} may contain what the refusal "${text}" says is missing` };
  }
  const shared = owner.claim.citations.length > 1 && owner.verdict === 'supported' && alone.verdict === 'uncertain';
  const valid = alone.verdict === 'supported' || shared;
  const why = alone.reasons[0] === undefined ? '' : `: ${alone.reasons[0]}`;
  const reason =
    alone.verdict === 'supported' ? `source ${number} supports "${text}"`
    : shared ? `source ${number} supports part of "${text}", the other cited sources the rest`
    : `source ${number} does not support "${text}"${why}`;
  return { marker: number, start, sourceId: source.id, valid, support: alone.verdict, reason };
}

function missingSource(number: number, start: number, index: SourceIndex): CitationCheck {
  return { marker: number, start, sourceId: null, valid: false, support: null, reason: `there is no source ${number} (${index.sources.length} given)` };
}

function ellipsis(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 77)}…`;
}
