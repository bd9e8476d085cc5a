import { type Claim } from '../claims/claim.js';
import { SUPPORT_SOURCES } from '../testing/support-sources.js';
import { validateAnswer } from '../validate-answer.js';
import { JUDGE_MAX_SCORE, JUDGE_MIN_SCORE } from '../support/thresholds.js';
import { applyJudgeVerdicts, claimsForJudge, isUndecided, undecidedClaimCount } from './apply-judge-verdicts.js';
import { buildJudgePrompt } from './build-judge-prompt.js';
import { JudgeResponseError } from './judge-response-error.js';
import { parseJudgeResponse } from './parse-judge-response.js';

const claim = (text: string): Claim => ({ text, start: 0, end: text.length, citations: [], kind: 'fact' });

describe('buildJudgePrompt', () => {
  it('numbers the sources with their ids and the claims, and asks for the JSON shape the parser reads', () => {
    const [system, user] = buildJudgePrompt([claim('Express costs $15'), claim('Refunds take a week')], SUPPORT_SOURCES);
    expect(system?.role).toBe('system');
    expect(system?.content).toContain('{"verdicts":[{"claim":1,"supported":true');
    expect(user?.role).toBe('user');
    expect(user?.content).toContain('[1] id=shipping title="Shipping options"\nStandard shipping costs $5');
    expect(user?.content).toContain('[3] id=plans');
    expect(user?.content).toMatch(/Claims:\n1\. Express costs \$15\n2\. Refunds take a week$/);
  });
});

describe('parseJudgeResponse', () => {
  const reply = '{"verdicts":[{"claim":2,"supported":false,"source":null,"reason":"Refunds take 5 business days."},{"claim":1,"supported":true,"source":"shipping","reason":"Stated."}]}';

  it('reads the verdicts in claim order, with or without a code fence', () => {
    const expected = [
      { claim: 1, supported: true, sourceId: 'shipping', reason: 'Stated.' },
      { claim: 2, supported: false, sourceId: null, reason: 'Refunds take 5 business days.' },
    ];
    expect(parseJudgeResponse(reply, 2)).toEqual(expected);
    expect(parseJudgeResponse(`\`\`\`json\n${reply}\n\`\`\``, 2)).toEqual(expected);
  });

  it('throws a JudgeResponseError naming what is wrong', () => {
    const failure = (text: string, count?: number): string | undefined => {
      try {
        parseJudgeResponse(text, count);
      } catch (error) {
        return JudgeResponseError.isInstance(error) ? `${error.failure}: ${error.detail}` : 'not a JudgeResponseError';
      }
      return undefined;
    };
    expect(failure('Sure! Claim 1 is supported.')).toMatch(/^not-json: /);
    expect(failure('{"verdicts":[{"claim":1,"supported":"yes","reason":""}]}')).toMatch(/^wrong-shape: .*supported/);
    expect(failure(reply, 1)).toBe('unknown-claim: verdict for claim 2, but only 1 were asked about');
    expect(failure('{"verdicts":[{"claim":1,"supported":true,"reason":""},{"claim":1,"supported":false,"reason":""}]}')).toBe('duplicate-claim: two verdicts for claim 1');
    expect(failure('{"verdicts":[{"claim":2,"supported":true,"reason":""}]}', 3)).toBe('missing-claims: no verdict for claims 1, 3');
  });
});

describe('applyJudgeVerdicts', () => {
  it('takes the judge over on the uncertain claims and recomputes the verdict', () => {
    const validation = validateAnswer({ answer: 'Refunds go back to the card you paid with [2]. Express shipping costs $15 [1].', sources: SUPPORT_SOURCES });
    const judged = claimsForJudge(validation);
    expect(judged.map((item) => item.text)).toEqual(['Refunds go back to the card you paid with.']);
    const after = applyJudgeVerdicts(validation, judged, [{ claim: 1, supported: true, sourceId: 'returns', reason: 'Original payment method.' }]);
    expect(after).toMatchObject({ verdict: 'grounded', groundedness: 1, uncertainClaims: 0 });
    expect(after.claims[0]?.reasons.at(-1)).toBe('judge: Original payment method.');
    const rejected = applyJudgeVerdicts(validation, judged, [{ claim: 1, supported: false, sourceId: null, reason: 'Not stated.' }]);
    expect(rejected).toMatchObject({ verdict: 'partially-grounded', unsupportedClaims: 1 });
  });
});

describe('claimsForJudge', () => {
  it('sends the claims in the judge band, at most maxClaims, the most undecided first, in answer order', () => {
    expect([JUDGE_MIN_SCORE - 0.001, JUDGE_MIN_SCORE, JUDGE_MAX_SCORE - 0.001, JUDGE_MAX_SCORE].map(isUndecided)).toEqual([false, true, true, false]);
    const validation = validateAnswer({ answer: 'Refunds go back to the card you paid with [2]. Express shipping costs $15 [1].', sources: SUPPORT_SOURCES });
    const banded = validation.claims.map((support) => (support.claim.text.startsWith('Express') ? { ...support, score: JUDGE_MIN_SCORE + 0.001 } : support));
    const wider = { ...validation, claims: banded };
    expect(undecidedClaimCount(wider)).toBe(2);
    expect(claimsForJudge(wider).map((item) => item.text)).toEqual(['Refunds go back to the card you paid with.', 'Express shipping costs $15.']);
    // The refund claim is nearer the middle of the band: it is the one sent when only one may be.
    expect(claimsForJudge(wider, 1).map((item) => item.text)).toEqual(['Refunds go back to the card you paid with.']);
    expect(claimsForJudge(wider, 0)).toEqual([]);
  });
});
