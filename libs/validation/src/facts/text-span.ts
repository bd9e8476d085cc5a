/** Where a fact was read from: `text.slice(start, end)` is `raw`. */
export interface TextSpan {
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

/** Whether `[start, end)` overlaps one of `spans`. */
export function overlapsAny(spans: readonly TextSpan[], start: number, end: number): boolean {
  return spans.some((span) => span.start < end && start < span.end);
}
