import { readFileSync } from 'node:fs';
import { CLAIM_ERRORS, parseValidationEvalSet } from './validation-eval-set.js';

const fixture = JSON.parse(readFileSync(new URL('../__fixtures__/validation-eval.json', import.meta.url), 'utf8')) as unknown;

describe('the validation eval set', () => {
  it('parses, with tune and holdout splits that each hold every error type', () => {
    const set = parseValidationEvalSet(fixture);
    for (const split of ['tune', 'holdout'] as const) {
      const claims = set.items.filter((item) => item.split === split).flatMap((item) => item.claims);
      expect(claims.some((claim) => claim.supported)).toBe(true);
      for (const error of CLAIM_ERRORS) expect({ split, error, present: claims.some((claim) => claim.error === error) }).toEqual({ split, error, present: true });
    }
  });

  it('rejects a claim its answer does not contain, an unknown source, a mislabelled error and a repeated id', () => {
    const item = { id: 'a', split: 'tune', domain: 'd', question: 'q?', sources: [{ id: 's1', title: 't', text: 'The fee is $5.' }], answer: 'The fee is $5.', claims: [{ text: 'The fee is $5', supported: true, source: 's1', error: null }] };
    const set = (items: unknown[]): unknown => ({ version: 1, description: '', items });
    expect(parseValidationEvalSet(set([item])).items).toHaveLength(1);
    expect(() => parseValidationEvalSet(set([{ ...item, claims: [{ ...item.claims[0], text: 'The fee is $6' }] }]))).toThrow("'a' has claim 'The fee is $6', which its answer does not contain");
    expect(() => parseValidationEvalSet(set([{ ...item, claims: [{ ...item.claims[0], source: 's9' }] }]))).toThrow("citing source 's9'");
    expect(() => parseValidationEvalSet(set([{ ...item, claims: [{ ...item.claims[0], supported: false }] }]))).toThrow('unsupported without an error');
    expect(() => parseValidationEvalSet(set([item, item]))).toThrow("'a' appears twice");
    expect(() => parseValidationEvalSet({ version: 2, description: '', items: [item] })).toThrow(/version/);
  });
});
