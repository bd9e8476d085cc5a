import { SUPPORT_SOURCES } from '../testing/support-sources.js';
import { validateAnswer } from '../validate-answer.js';

const citations = (answer: string) => validateAnswer({ answer, sources: SUPPORT_SOURCES }).citations.map((check) => [check.marker, check.sourceId, check.valid]);

describe('citation checks', () => {
  it('accepts a marker whose source supports its claim', () => {
    expect(citations('Express shipping costs $15 [1].')).toEqual([[1, 'shipping', true]]);
  });

  it('rejects a marker pointing past the sources, and one whose source does not support the claim', () => {
    expect(citations('Express shipping costs $15 [4].')).toEqual([[4, null, false]]);
    const [check] = validateAnswer({ answer: 'Express shipping costs $15 [2].', sources: SUPPORT_SOURCES }).citations;
    expect(check).toMatchObject({ marker: 2, sourceId: 'returns', valid: false });
    expect(check?.reason).toMatch(/^source 2 does not support "Express shipping costs \$15\.": only 13% of the claim/);
  });

  it('checks every number of a list marker, and markers outside any claim only for a source', () => {
    expect(citations('Express shipping costs $15 [1, 3].')).toEqual([
      [1, 'shipping', true],
      [3, 'plans', false],
    ]);
    expect(citations('Would you like express? [1] [5]')).toEqual([
      [1, 'shipping', true],
      [5, null, false],
    ]);
  });

  it('lets a claim draw on several cited sources together', () => {
    const checks = validateAnswer({ answer: 'Express shipping costs $15 and unused items can be returned within 30 days [1][2].', sources: SUPPORT_SOURCES }).citations;
    expect(checks.filter((check) => check.valid).map((check) => check.marker)).toEqual([1, 2]);
  });
});
