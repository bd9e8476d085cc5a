/** A source of uniform numbers in [0, 1); every random decision of the simulator goes through one. */
export type RandomSource = () => number;

/**
 * mulberry32: a tiny, fast 32-bit PRNG. Not cryptographic; chosen so the same seed and the
 * same call order reproduce the same faults and latencies in every run.
 */
export function createSeededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller), consuming two uniform draws. */
export function drawStandardNormal(random: RandomSource): number {
  // 1 - u keeps the logarithm's argument in (0, 1], so it never returns -Infinity.
  const radius = Math.sqrt(-2 * Math.log(1 - random()));
  return radius * Math.cos(2 * Math.PI * random());
}
