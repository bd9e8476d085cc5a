import { z } from 'zod';

/** The smallest cap the ledger can hold: one nano-dollar (it counts integers of $0.000000001). */
export const LEDGER_MIN_USD = 0.000_000_001;
/** The largest: the ledger's integers stay exact up to 2^53 nano-dollars, about $9 million a counter and period. */
export const LEDGER_MAX_USD = 9_000_000;

/** A dollar cap the spend ledger can enforce exactly; anything else is refused when it is set, not when a request meets it. */
export const ledgerUsd = z
  .number()
  .min(LEDGER_MIN_USD, `must be at least $${LEDGER_MIN_USD} (one nano-dollar, the ledger's unit)`)
  .max(LEDGER_MAX_USD, `must be at most $${LEDGER_MAX_USD.toLocaleString('en-US')} (the ledger counts nano-dollars exactly up to about $9 million)`);
