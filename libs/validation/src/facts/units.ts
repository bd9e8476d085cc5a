/**
 * Units a figure can carry, by the words that name them, with their dimension and size in the
 * dimension's base unit, so "two weeks" meets "14 days" and "2 GB" meets "2,000 MB", while
 * "30 days" and "30 weeks" (same figure, other unit) do not.
 */

/** What a figure measures. `count` is a figure before a noun ("5 users"); `number` a bare figure. */
export type Dimension =
  | 'money'
  | 'percent'
  | 'duration'
  | 'data'
  | 'length'
  | 'mass'
  | 'volume'
  | 'bitrate'
  | 'power'
  | 'energy'
  | 'frequency'
  | 'voltage'
  | 'charge'
  | 'temperature'
  | 'clock'
  | 'ordinal'
  | 'count'
  | 'number';

export interface UnitInfo {
  readonly dimension: Dimension;
  /** Canonical unit name, as reasons print it. */
  readonly unit: string;
  /** Size in the dimension's base unit (days, bytes, metres, grams, litres, bits per second). */
  readonly factor: number;
}

const unit = (dimension: Dimension, name: string, factor: number): UnitInfo => ({ dimension, unit: name, factor });

const DURATION: readonly (readonly [string, UnitInfo])[] = [
  ['second seconds sec secs', unit('duration', 'seconds', 1 / 86_400)],
  ['minute minutes min mins', unit('duration', 'minutes', 1 / 1_440)],
  ['hour hours hr hrs', unit('duration', 'hours', 1 / 24)],
  ['day days', unit('duration', 'days', 1)],
  ['calendar', unit('duration', 'days', 1)],
  // Working days are not calendar days: "5 business days" is not "5 days".
  ['business working', unit('duration', 'business days', 1)],
  ['night nights', unit('duration', 'nights', 1)],
  ['week weeks wk wks', unit('duration', 'weeks', 7)],
  ['fortnight fortnights', unit('duration', 'weeks', 14)],
  ['month months mo mos', unit('duration', 'months', 30)],
  ['quarter quarters', unit('duration', 'quarters', 91)],
  ['year years yr yrs', unit('duration', 'years', 365)],
  ['decade decades', unit('duration', 'years', 3_650)],
];

const MEASURES: readonly (readonly [string, UnitInfo])[] = [
  ['b byte bytes', unit('data', 'bytes', 1)],
  ['kb kilobyte kilobytes', unit('data', 'bytes', 1e3)],
  ['mb megabyte megabytes', unit('data', 'bytes', 1e6)],
  ['gb gigabyte gigabytes', unit('data', 'bytes', 1e9)],
  ['tb terabyte terabytes', unit('data', 'bytes', 1e12)],
  ['pb petabyte petabytes', unit('data', 'bytes', 1e15)],
  ['mm millimeter millimeters millimetre millimetres', unit('length', 'metres', 1e-3)],
  ['cm centimeter centimeters centimetre centimetres', unit('length', 'metres', 1e-2)],
  ['m meter meters metre metres', unit('length', 'metres', 1)],
  ['km kilometer kilometers kilometre kilometres', unit('length', 'metres', 1e3)],
  ['inch inches', unit('length', 'metres', 0.0254)],
  ['ft foot feet', unit('length', 'metres', 0.3048)],
  ['yard yards yd', unit('length', 'metres', 0.9144)],
  ['mile miles mi', unit('length', 'metres', 1_609.344)],
  ['mg milligram milligrams', unit('mass', 'grams', 1e-3)],
  ['g gram grams', unit('mass', 'grams', 1)],
  ['kg kilogram kilograms kilo kilos', unit('mass', 'grams', 1e3)],
  ['lb lbs pound pounds', unit('mass', 'grams', 453.592)],
  ['oz ounce ounces', unit('mass', 'grams', 28.3495)],
  ['ml milliliter milliliters millilitre millilitres', unit('volume', 'litres', 1e-3)],
  ['l liter liters litre litres', unit('volume', 'litres', 1)],
  ['gallon gallons gal', unit('volume', 'litres', 3.78541)],
  ['kbps', unit('bitrate', 'bit/s', 1e3)],
  ['mbps', unit('bitrate', 'bit/s', 1e6)],
  ['gbps', unit('bitrate', 'bit/s', 1e9)],
  ['w watt watts', unit('power', 'watts', 1)],
  ['kw kilowatt kilowatts', unit('power', 'watts', 1e3)],
  ['wh', unit('energy', 'watt-hours', 1)],
  ['kwh', unit('energy', 'watt-hours', 1e3)],
  ['hz hertz', unit('frequency', 'hertz', 1)],
  ['khz', unit('frequency', 'hertz', 1e3)],
  ['mhz', unit('frequency', 'hertz', 1e6)],
  ['ghz', unit('frequency', 'hertz', 1e9)],
  ['v volt volts', unit('voltage', 'volts', 1)],
  ['mah', unit('charge', 'amp-hours', 1e-3)],
  ['ah', unit('charge', 'amp-hours', 1)],
  ['°c', unit('temperature', '°C', 1)],
  ['°f', unit('temperature', '°F', 1)],
];

function table(entries: readonly (readonly [string, UnitInfo])[]): Map<string, UnitInfo> {
  const map = new Map<string, UnitInfo>();
  for (const [words, info] of entries) for (const word of words.split(' ')) map.set(word, info);
  return map;
}

const UNITS = table([...DURATION, ...MEASURES]);

/** The unit a (lower-cased) word names, if any. "business"/"working"/"calendar" stand for their "… days". */
export function unitOf(word: string): UnitInfo | undefined {
  return UNITS.get(word);
}

/** Adverbs that make a figure a rate: "$99 annually" is "$99 per year". */
export const RATE_ADVERBS: ReadonlyMap<string, string> = new Map([
  ['hourly', 'hour'],
  ['daily', 'day'],
  ['weekly', 'week'],
  ['monthly', 'month'],
  ['yearly', 'year'],
  ['annually', 'year'],
  ['quarterly', 'quarter'],
]);

/** Currencies by symbol or word, as ISO codes. */
export const CURRENCIES: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['us$', 'USD'], ['usd', 'USD'], ['dollar', 'USD'], ['dollars', 'USD'],
  ['c$', 'CAD'], ['cad', 'CAD'], ['a$', 'AUD'], ['aud', 'AUD'],
  ['€', 'EUR'], ['eur', 'EUR'], ['euro', 'EUR'], ['euros', 'EUR'],
  ['£', 'GBP'], ['gbp', 'GBP'], ['sterling', 'GBP'],
  ['¥', 'JPY'], ['jpy', 'JPY'], ['yen', 'JPY'],
  ['cent', 'USD'], ['cents', 'USD'],
]);
