import type { TokenUsage } from '#libs/contracts';
import type { ModelCatalogEntry } from './model-catalog-entry.js';

/** How a call was billed. */
export interface ComputeCostOptions {
  /** The call went through the provider's batch API, so `batchDiscount` applies. */
  readonly batch?: boolean;
}

/** The price of one call, and whether every token count it was computed from was known. */
export interface CostResult {
  /** USD, rounded to the nearest 1e-9 (a nano-dollar). */
  readonly costUsd: number;
  /**
   * False when the provider left a count undefined: that count was priced as 0 (or, for
   * cached tokens, at the full input price), so the figure may be off and should be flagged.
   */
  readonly complete: boolean;
  /** The counts that were undefined, for the trace. */
  readonly missingCounts: readonly (keyof TokenUsage)[];
}

// Prices are held as integer micro-dollars per million tokens, i.e. pico-dollars per token,
// and the batch multiplier as integer parts per million, so every product below is an exact
// BigInt and the only rounding is the final one to nano-dollars: no float drift on ledgers.
const PARTS_PER_MILLION = 1_000_000n;
const ATTO_PER_NANO = 1_000_000_000n;

/**
 * USD cost of one call. `usage.inputTokens` includes cached tokens (OpenAI's convention):
 * cached ones are priced at `cachedInput` (or `input` when the model has no cache price),
 * the rest at `input`. Throws on negative or fractional token counts, which only a broken
 * adapter produces.
 */
export function computeCostUsd(
  entry: ModelCatalogEntry,
  usage: TokenUsage,
  options: ComputeCostOptions = {},
): CostResult {
  const missingCounts = (['inputTokens', 'outputTokens', 'cachedInputTokens'] as const).filter(
    (count) => usage[count] === undefined,
  );
  const inputTokens = tokens(usage.inputTokens, 'inputTokens');
  const outputTokens = tokens(usage.outputTokens, 'outputTokens');
  // More cached than input tokens means a provider counted them apart; never price below zero.
  const cachedTokens = minBigInt(tokens(usage.cachedInputTokens, 'cachedInputTokens'), inputTokens);

  const prices = entry.pricesPerMillion;
  const inputPrice = microUsdPerMillion(prices.input);
  const cachedPrice = microUsdPerMillion(prices.cachedInput ?? prices.input);
  const outputPrice = microUsdPerMillion(prices.output);

  // tokens x micro-dollars-per-million = pico-dollars.
  const picoUsd = (inputTokens - cachedTokens) * inputPrice + cachedTokens * cachedPrice + outputTokens * outputPrice;
  const multiplierPpm = options.batch === true ? BigInt(Math.round((1 - entry.batchDiscount) * 1e6)) : PARTS_PER_MILLION;
  const attoUsd = picoUsd * multiplierPpm; // pico-dollars x parts-per-million
  const nanoUsd = (attoUsd + ATTO_PER_NANO / 2n) / ATTO_PER_NANO;

  return { costUsd: Number(nanoUsd) / 1e9, complete: missingCounts.length === 0, missingCounts };
}

function tokens(count: number | undefined, name: keyof TokenUsage): bigint {
  if (count === undefined) return 0n;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${count}`);
  }
  return BigInt(count);
}

function microUsdPerMillion(usdPerMillion: number): bigint {
  return BigInt(Math.round(usdPerMillion * 1e6));
}

function minBigInt(left: bigint, right: bigint): bigint {
  return left < right ? left : right;
}
