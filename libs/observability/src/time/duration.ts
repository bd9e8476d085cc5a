import { z } from 'zod';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const DURATION = /^(?:\d+(?:ms|s|m|h|d|w))+$/;
const DURATION_PART = /(\d+)(ms|s|m|h|d|w)/g;

/** Why a duration string was refused; the message names the string and the accepted form. */
export class InvalidDurationError extends Error {
  constructor(readonly text: string) {
    super(`'${text}' is not a duration: write whole numbers with units ms, s, m, h, d or w, e.g. '30s', '5m', '1h30m', '7d'`);
    this.name = 'InvalidDurationError';
  }
}

/** Milliseconds of a duration string such as `'30s'`, `'5m'`, `'1h30m'` or `'7d'`, or undefined if it is not one. */
export function tryDurationMs(text: string): number | undefined {
  if (!DURATION.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(DURATION_PART)) total += Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
  return total > 0 ? total : undefined;
}

/** Milliseconds of a duration string such as `'30s'`, `'5m'`, `'1h30m'` or `'7d'`; throws `InvalidDurationError` otherwise. */
export function durationMs(text: string): number {
  const milliseconds = tryDurationMs(text);
  if (milliseconds === undefined) throw new InvalidDurationError(text);
  return milliseconds;
}

/**
 * A config field holding a duration string. The string is kept as written (it reads better in
 * summaries, "last 5m"); call `durationMs` where the milliseconds are needed.
 */
export function durationSchema(options: { readonly min?: string } = {}) {
  const minMs = options.min === undefined ? 0 : durationMs(options.min);
  return z.string().superRefine((text, context) => {
    const milliseconds = tryDurationMs(text);
    if (milliseconds === undefined) {
      context.addIssue({ code: 'custom', message: new InvalidDurationError(text).message });
    } else if (milliseconds < minMs) {
      context.addIssue({ code: 'custom', message: `'${text}' is shorter than the minimum of ${options.min}` });
    }
  });
}

/** `45s`, `12m`, `2h 5m`, `3d 4h`: an elapsed time in its two largest units, for humans. */
export function formatElapsed(milliseconds: number): string {
  const seconds = Math.max(0, Math.round(milliseconds / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days}d` : `${days}d ${hours % 24}h`;
}
