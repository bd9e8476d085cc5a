import type { LatencySpec } from './scenario.js';
import { drawStandardNormal, type RandomSource } from './seeded-random.js';

/** z-score of the 99th percentile of a standard normal distribution. */
const Z_99 = 2.3263478740408408;

/** Draws one delay in whole milliseconds; 0 when no latency is configured (no timer is armed then). */
export function drawLatencyMs(spec: LatencySpec | undefined, random: RandomSource): number {
  if (!spec) return 0;
  switch (spec.distribution) {
    case 'fixed':
      return Math.round(spec.value);
    case 'uniform':
      return Math.round(spec.min + random() * (spec.max - spec.min));
    case 'lognormal': {
      // ln(X) ~ N(mu, sigma): the median fixes mu, the p99 fixes sigma.
      const mu = Math.log(spec.median);
      const sigma = (Math.log(spec.p99) - mu) / Z_99;
      return Math.round(Math.exp(mu + sigma * drawStandardNormal(random)));
    }
  }
}
