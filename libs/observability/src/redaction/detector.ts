/** Finds one kind of sensitive text and says what to put in its place. */
export interface Detector {
  /** Name in findings and in the replacement token `[REDACTED:<name>]`. */
  readonly name: string;
  /**
   * A cheap test that must hold for `pattern` to have any chance of matching (a substring the
   * match always contains, say). Most text fails it, and then the regex never runs.
   */
  readonly mayMatch: (text: string) => boolean;
  /**
   * Global regex; the whole match is replaced unless `replace` says otherwise. A group named
   * `lead` captured in a lookbehind right before the match is replaced along with it: a pattern
   * can then start at a rare character (the `@` of an email) yet cover what precedes it.
   */
  readonly pattern: RegExp;
  /**
   * What replaces a match, given the token: undefined keeps the match as it is (a card number
   * failing the Luhn check, say). Without it the whole match becomes the token.
   */
  readonly replace?: (match: RegExpExecArray, token: string) => string | undefined;
}

/** `[REDACTED:email]`. */
export function redactionToken(name: string): string {
  return `[REDACTED:${name}]`;
}

/** The text with the detector's matches replaced, and how many it replaced. */
export function applyDetector(detector: Detector, text: string): { readonly text: string; readonly count: number } {
  if (!detector.mayMatch(text)) return { text, count: 0 };
  const pattern = detector.pattern;
  const token = redactionToken(detector.name);
  let output = '';
  let copiedUpTo = 0;
  let count = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0] === '') {
      // An empty match replaces nothing; step past it or the scan would never end.
      pattern.lastIndex += 1;
      continue;
    }
    const replacement = detector.replace ? detector.replace(match, token) : token;
    if (replacement === undefined) continue;
    const start = Math.max(copiedUpTo, match.index - (match.groups?.['lead']?.length ?? 0));
    output += text.slice(copiedUpTo, start) + replacement;
    copiedUpTo = match.index + match[0].length;
    count += 1;
  }
  pattern.lastIndex = 0;
  return count === 0 ? { text, count } : { text: output + text.slice(copiedUpTo), count };
}

/** A `replace` for patterns with named groups: keeps `keep` before and `keepAfter` after, replaces the rest. */
export function keepGroups(match: RegExpExecArray, token: string): string {
  return `${match.groups?.['keep'] ?? ''}${token}${match.groups?.['keepAfter'] ?? ''}`;
}
