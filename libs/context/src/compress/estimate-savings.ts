/**
 * Dollars saved by not sending `tokensSaved` input tokens at `inputPricePerMillion` USD per
 * million (the model catalog's input price), rounded to a nano-dollar. Negative or unknown
 * inputs save nothing.
 */
export function estimateSavingsUsd(tokensSaved: number, inputPricePerMillion: number): number {
  if (!(tokensSaved > 0) || !(inputPricePerMillion > 0)) return 0;
  return Math.round((tokensSaved * inputPricePerMillion * 1e9) / 1e6) / 1e9;
}
