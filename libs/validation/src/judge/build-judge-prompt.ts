import { type ChatMessage } from '#libs/contracts';
import { type Claim } from '../claims/claim.js';
import { type ValidationSource } from '../support/validation-source.js';

const SYSTEM = [
  'You check whether claims are supported by the numbered sources and nothing else.',
  'A claim is supported only if the sources state it or entail it: paraphrases, other units of the same amount ("two weeks" for "14 days") and one step of arithmetic on source figures count; your own knowledge does not.',
  'A claim is unsupported if any figure, unit, date, name, party, negation or condition in it differs from the sources, or if it adds a detail no source states.',
  'A claim saying the sources do not cover something is supported only if no source states it.',
  'Reply with JSON only, no prose and no code fence, exactly in this shape:',
  '{"verdicts":[{"claim":1,"supported":true,"source":"<source id or null>","reason":"<one short sentence>"}]}',
  'Give one verdict for every claim, numbered as in the request.',
].join('\n');

/**
 * The chat messages that ask a judge model about `claims` against `sources`: the rules in the
 * system message, the numbered sources (with their ids) and claims in the user message. The
 * answer is read with `parseJudgeResponse`.
 */
export function buildJudgePrompt(claims: readonly Claim[], sources: readonly ValidationSource[]): ChatMessage[] {
  const sourceBlock = sources.map((source, index) => `[${index + 1}] id=${source.id}${source.title ? ` title=${JSON.stringify(source.title)}` : ''}\n${source.text.trim()}`).join('\n\n');
  const claimBlock = claims.map((claim, index) => `${index + 1}. ${claim.text}`).join('\n');
  return [
    { role: 'system', content: SYSTEM },
    { role: 'user', content: `Sources:\n\n${sourceBlock}\n\nClaims:\n${claimBlock}` },
  ];
}
