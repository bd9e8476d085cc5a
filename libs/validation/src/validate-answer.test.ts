import { SUPPORT_SOURCES } from './testing/support-sources.js';
import { validateAnswer } from './validate-answer.js';

const validate = (answer: string) => validateAnswer({ answer, sources: SUPPORT_SOURCES });

describe('validateAnswer', () => {
  it('calls an answer grounded when every claim is supported', () => {
    const result = validate('Express shipping costs $15 and arrives in 2 days [1]. Final-sale items cannot be returned [2]. Let me know if you need anything else!');
    expect(result).toMatchObject({ verdict: 'grounded', groundedness: 1, unsupportedClaims: 0, uncertainClaims: 0, invalidCitations: 0 });
    expect(result.claims).toHaveLength(3);
  });

  it('calls it partially grounded with the wrong claims counted, and ungrounded when nothing holds', () => {
    const partial = validate('Express shipping costs $15 [1]. Final-sale items can be returned within 60 days [2].');
    expect(partial.verdict).toBe('partially-grounded');
    expect(partial.groundedness).toBe(0.5);
    expect(partial.unsupportedClaims).toBe(1);
    expect(partial.citations.map((check) => check.valid)).toEqual([true, false]);
    expect(validate('The Enterprise plan costs $99 per month [3].').verdict).toBe('ungrounded');
  });

  it('has no claims to judge in an answer of questions and pleasantries', () => {
    expect(validate('Which plan are you on? Happy to help!')).toMatchObject({ verdict: 'no-claims', groundedness: 1, claims: [] });
  });

  it('is deterministic', () => {
    const answer = 'The Pro plan costs $12 per user per month [3]. Support is available on Saturday [3].';
    expect(JSON.stringify(validate(answer))).toBe(JSON.stringify(validate(answer)));
  });
});
