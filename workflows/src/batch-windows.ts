import type { BatchWindow } from '#libs/contracts';

const DAY_MS = 86_400_000;

function minuteOfDay(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** The windows' open stretches, as [start, end) epoch-ms intervals, on the days around `now`. */
function openIntervals(now: number, windows: readonly BatchWindow[]): Array<[number, number]> {
  const dayStart = Math.floor(now / DAY_MS) * DAY_MS;
  const intervals: Array<[number, number]> = [];
  for (const offset of [-1, 0, 1]) {
    const day = dayStart + offset * DAY_MS;
    for (const window of windows) {
      const start = day + minuteOfDay(window.start) * 60_000;
      let end = day + minuteOfDay(window.end) * 60_000;
      if (end <= start) end += DAY_MS;
      intervals.push([start, end]);
    }
  }
  return intervals;
}

/**
 * When queued lines may run next: `{ openNow: true, closesAt }` inside a window (closesAt
 * undefined without windows), else `{ openNow: false, opensAt }`.
 */
export function windowState(now: number, windows: readonly BatchWindow[]): { openNow: true; closesAt: number | undefined } | { openNow: false; opensAt: number } {
  if (windows.length === 0) return { openNow: true, closesAt: undefined };
  const intervals = openIntervals(now, windows);
  const current = intervals.filter(([start, end]) => start <= now && now < end);
  if (current.length > 0) return { openNow: true, closesAt: Math.max(...current.map(([, end]) => end)) };
  const opensAt = Math.min(...intervals.map(([start]) => start).filter((start) => start > now));
  return { openNow: false, opensAt };
}
