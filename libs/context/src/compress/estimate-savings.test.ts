import { estimateSavingsUsd } from './estimate-savings.js';

describe('estimateSavingsUsd', () => {
  it('prices saved tokens at the input price per million', () => {
    expect(estimateSavingsUsd(8_000, 2.5)).toBe(0.02);
    expect(estimateSavingsUsd(1, 0.15)).toBe(0.00000015);
  });

  it('saves nothing for no tokens, negative counts or an unknown price', () => {
    expect(estimateSavingsUsd(0, 2.5)).toBe(0);
    expect(estimateSavingsUsd(-10, 2.5)).toBe(0);
    expect(estimateSavingsUsd(100, Number.NaN)).toBe(0);
  });
});
