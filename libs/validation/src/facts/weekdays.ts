/**
 * Days of the week a text names, as a 7-bit mask (bit 0 Monday … bit 6 Sunday), ranges and
 * "weekdays"/"weekends" spelled out: "Monday to Friday" and "weekdays" are the same mask.
 */

const NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const DAY = '(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?s?';
const RANGE = new RegExp(`\\b${DAY}\\s*(?:-|–|—|to|through|thru|until)\\s*${DAY}\\b`, 'gi');
const SINGLE = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b/gi;
const WEEKDAYS = 0b0011111;
const WEEKEND = 0b1100000;

/** The mask of the days of the week `text` names; 0 when it names none. */
export function weekdayMask(text: string): number {
  if (!/(?:mon|tue|wed|thu|fri|sat|sun)|weekend|weekday/i.test(text)) return 0;
  let mask = 0;
  let rest = text;
  RANGE.lastIndex = 0;
  for (let match = RANGE.exec(text); match !== null; match = RANGE.exec(text)) mask |= rangeMask(dayIndex(match[1]), dayIndex(match[2]));
  rest = text.replace(RANGE, ' ');
  SINGLE.lastIndex = 0;
  for (let match = SINGLE.exec(rest); match !== null; match = SINGLE.exec(rest)) mask |= 1 << dayIndex(match[1]);
  if (/\bweekdays\b|\bmonday-friday\b/i.test(rest)) mask |= WEEKDAYS;
  if (/\bweekends?\b/i.test(rest)) mask |= WEEKEND;
  return mask;
}

/** The days of a mask by name, for reasons: "Monday, Saturday". */
export function weekdayNames(mask: number): string {
  return NAMES.filter((_, index) => (mask & (1 << index)) !== 0).map((name) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`).join(', ');
}

function dayIndex(name: string | undefined): number {
  const prefix = (name ?? '').slice(0, 3).toLowerCase();
  return Math.max(0, NAMES.findIndex((day) => day.startsWith(prefix)));
}

// Monday to Friday is 0..4; Friday to Monday wraps over the weekend.
function rangeMask(from: number, to: number): number {
  let mask = 0;
  for (let day = from; ; day = (day + 1) % 7) {
    mask |= 1 << day;
    if (day === to) return mask;
  }
}
