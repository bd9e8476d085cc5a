import { clausesOf } from './clauses.js';
import { conditionsOf, oppositeKinds } from './conditions.js';

describe('conditionsOf', () => {
  it('reads qualifiers with what they apply to, a figure bound as just the figure', () => {
    expect(conditionsOf('Orders over $50 ship free within the continental US.').map((condition) => [condition.kind, condition.raw, condition.figure])).toEqual([
      ['minimum', 'over $50', true],
      ['within', 'within the continental US', false],
    ]);
    expect(conditionsOf('Cover starts after the first year unless you cancel.').map((condition) => condition.kind)).toEqual(['after', 'unless']);
    expect(conditionsOf('We ship over the phone orders too.')).toEqual([]);
  });

  it('knows which kinds turn each other around', () => {
    expect(oppositeKinds('minimum', 'maximum')).toBe(true);
    expect(oppositeKinds('within', 'after')).toBe(true);
    expect(oppositeKinds('if', 'unless')).toBe(true);
    expect(oppositeKinds('within', 'maximum')).toBe(false);
  });
});

describe('clausesOf', () => {
  it('splits at semicolons, contrasts and full stops the sentence splitter missed, keeping an opening condition with its clause', () => {
    const clauses = (text: string): string[] => clausesOf(text).map((clause) => clause.raw);
    expect(clauses('Light has no checked bag; Flex has two.')).toEqual(['Light has no checked bag', 'Flex has two.']);
    expect(clauses('Pets are allowed, but not in the dining room.')).toEqual(['Pets are allowed', 'but not in the dining room.']);
    expect(clauses('Do not store above 25°C. Once opened, use within 12 weeks.')).toEqual(['Do not store above 25°C.', 'Once opened, use within 12 weeks.']);
  });
});
