import type { Detector } from './detector.js';
import { isValidIban } from './iban-checksum.js';
import { passesLuhn } from './luhn.js';
import type { PiiKind } from './redaction-policy.js';

const nonDigit = /\D/g;

/** Phone number shapes; only the last has a capture group: its separator, used throughout. */
const PHONE_SHAPES = [
  // E.164 written without separators: +14155552671.
  String.raw`\+\d{7,15}`,
  // International with separators: +1 (415) 555-2671, +44 20 7946 0958, +33 6 12 34 56 78.
  String.raw`\+\d{1,3}(?:[ .-]?\(\d{1,5}\)|[ .-]\d{1,5}){2,6}`,
  // National with the area code in parentheses: (415) 555-2671.
  String.raw`\(\d{2,5}\)[ .-]?\d{2,4}(?:[ .-]\d{2,4}){1,3}`,
  // National with one separator throughout: 415-555-2671, 020 7946 0958, 06.12.34.56.78.
  String.raw`\d{2,5}([ .-])\d{2,4}\1\d{2,4}(?:\1\d{2,4}){0,2}`,
];

/**
 * Built-in PII detectors in the order they run: structured numbers with checksums (IBAN, card)
 * before the loose shapes (SSN, phone) so a card number is reported as a card, not a phone.
 * Each number shape must not be glued to more digits, letters, `$`/`€`/`£` or decimal marks,
 * which keeps prices, versions, dates and plain ids out.
 */
export const PII_DETECTORS: readonly (Detector & { readonly name: PiiKind })[] = [
  {
    name: 'email',
    mayMatch: (text) => text.includes('@'),
    // The match starts at the `@` (rare, so the regex engine skips ahead fast) and looks back for
    // the local part, which `lead` captures so it is replaced too. Bounded parts keep the scan linear.
    pattern: /@(?<=(?<![A-Za-z0-9._%+/-])(?<lead>[A-Za-z0-9._%+-]{1,64})@)[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g,
  },
  {
    name: 'iban',
    mayMatch: (text) => /[A-Z]{2}\d\d/.test(text),
    pattern: /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Za-z0-9])/g,
    replace: (match, token) => redactValidIbanPrefix(match[0], token),
  },
  {
    name: 'credit-card',
    mayMatch: (text) => /\d{4}/.test(text),
    // Issuer ranges start with 2–6; grouped as 4-4-4-4(-3) or Amex/Diners 4-6-5/4-6-4, or ungrouped.
    pattern: /(?<![\w.,$€£+-])(?:[2-6]\d{12,18}|[2-6]\d{3}([ -])\d{4}\1\d{4}\1\d{1,4}(?:\1\d{1,3})?|3\d{3}([ -])\d{6}\2\d{4,5})(?![\w-]|[.,]\d)/g,
    replace: (match, token) => {
      const digits = match[0].replace(nonDigit, '');
      return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits) ? token : undefined;
    },
  },
  {
    name: 'ssn',
    mayMatch: (text) => /\d-\d/.test(text),
    // Area 000, 666 and 900–999, group 00 and serial 0000 are never issued.
    pattern: /(?<![\w-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])/g,
  },
  {
    name: 'phone',
    // Every shape has two digits, a separator and two more digits somewhere, or starts with `+digit`.
    mayMatch: (text) => /\d\d[ .)-]\(?\d\d|\+\d/.test(text),
    pattern: new RegExp(String.raw`(?<![\w.,+$€£/-])(?:${PHONE_SHAPES.join('|')})(?![\w]|[.,-]\d)`, 'g'),
    replace: (match, token) => (looksLikePhone(match[0], match[1]) ? token : undefined),
  },
  {
    name: 'ip-address',
    mayMatch: (text) => /\d\.\d/.test(text),
    pattern: /(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w]|\.\d)/g,
  },
];

/**
 * A phone-shaped match is kept when its digit count is off (E.164 allows 8–15 with the country
 * code, national numbers here 9–12) or when it has the shape of something else: an IPv4 address
 * (four dot-separated groups of 1–3 digits) or a space-grouped amount (`123 456 789`).
 */
function looksLikePhone(text: string, nationalSeparator: string | undefined): boolean {
  const digits = text.replace(nonDigit, '').length;
  if (text.startsWith('+')) return digits >= 8 && digits <= 15;
  if (digits < 9 || digits > 12) return false;
  const groups = text.split(/[ .()-]+/).filter((group) => group !== '');
  if (nationalSeparator === '.' && groups.length === 4 && groups.every((group) => group.length <= 3)) return false;
  if (nationalSeparator === ' ' && groups.slice(1).every((group) => group.length === 3)) return false;
  return true;
}

/**
 * The IBAN regex is greedy, so it may take a following word of capitals and digits along
 * ("… 1300 00 EUR"): the longest prefix, at a group boundary, whose checksum holds is redacted
 * and the rest kept.
 */
function redactValidIbanPrefix(text: string, token: string): string | undefined {
  const boundaries = [...text.matchAll(/ /g)].map((space) => space.index).concat(text.length);
  for (let index = boundaries.length - 1; index >= 0; index -= 1) {
    const end = boundaries[index] as number;
    // `index` spaces precede this boundary; IBANs are 15–34 characters without them.
    const length = end - index;
    if (length >= 15 && length <= 34 && isValidIban(text.slice(0, end).replaceAll(' ', ''))) return token + text.slice(end);
  }
  return undefined;
}
