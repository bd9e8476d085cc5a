import { datesAgree, datesComparable, formatDate, type CalendarDate } from '../../facts/dates.js';
import { weekdayNames } from '../../facts/weekdays.js';
import { alignFact } from '../align-fact.js';
import { type ClaimFacts } from '../claim-facts.js';
import { type Finding } from '../finding.js';
import { type Passage, type SourceIndex } from '../source-index.js';

/**
 * Each date of the claim against the passage date said of the same thing, formats normalised
 * ("Jan 5, 2025" = "2025-01-05" = "5 January 2025"); days of the week against the passage's
 * ("Saturday" is not among "Monday to Friday").
 */
export function checkDates(claim: ClaimFacts, passage: Passage, index: SourceIndex): Finding[] {
  const findings: Finding[] = [];
  const candidates = passage.sentences.flatMap((sentence) => sentence.facts.dates);
  const agree = (left: CalendarDate, right: CalendarDate): boolean => datesComparable(left, right) && datesAgree(left, right);
  for (const anchored of claim.dates) {
    // One source date answers one claim date ("between November 1 and March 31").
    const own = candidates.filter((candidate) => agree(anchored.fact, candidate.fact) || !claim.dates.some((other) => other !== anchored && agree(other.fact, candidate.fact)));
    const { agreeing, conflicting } = alignFact(anchored.fact, claim.termSet, own, datesComparable, datesAgree, index.idf, index.distinctive);
    if (agreeing !== undefined || (conflicting !== undefined && yearBefore(anchored.fact, conflicting.fact, passage.text))) continue;
    const said = `${anchored.fact.raw.trim()} (${formatDate(anchored.fact)})`;
    if (conflicting !== undefined) {
      findings.push({ check: 'date', severity: 'contradiction', reason: `date ${said} differs from source's ${conflicting.fact.raw.trim()} (${formatDate(conflicting.fact)})` });
    } else if (index.sentences.some((sentence) => sentence.facts.dates.some((date) => datesComparable(anchored.fact, date.fact) && datesAgree(anchored.fact, date.fact)))) {
      findings.push({ check: 'date', severity: 'weak', reason: `date ${said} is stated in another passage than the best-matching one` });
    } else {
      findings.push({ check: 'date', severity: 'absent', reason: `date ${said} is in no source` });
    }
  }
  if (claim.weekdays !== 0) {
    const passageDays = passage.sentences.reduce((mask, sentence) => mask | sentence.facts.weekdays, 0);
    const extra = claim.weekdays & ~passageDays;
    if (passageDays !== 0 && extra !== 0) {
      findings.push({ check: 'date', severity: 'contradiction', reason: `day ${weekdayNames(extra)} is not among the source's ${weekdayNames(passageDays)}` });
    } else if (passageDays === 0) {
      const anyDays = index.sentences.reduce((mask, sentence) => mask | sentence.facts.weekdays, 0);
      if ((claim.weekdays & ~anyDays) !== 0) findings.push({ check: 'date', severity: 'absent', reason: `day ${weekdayNames(claim.weekdays & ~anyDays)} is in no source` });
    }
  }
  return findings;
}

// "up 8% from SEK 1,148 million a year earlier", "compared with the previous year".
const YEAR_EARLIER = /\b(?:a|one) year (?:earlier|before|ago)\b|\b(?:the )?(?:previous|prior|preceding) year\b|\blast year\b|\byear[- ]on[- ]year\b/i;

/** The year before the source's, when the passage speaks of "a year earlier": "the same quarter of 2023" for "Q3 2024, up 8% from … a year earlier". */
function yearBefore(claim: CalendarDate, source: CalendarDate, passageText: string): boolean {
  if (claim.year === undefined || source.year === undefined || claim.year !== source.year - 1) return false;
  if ((claim.month !== undefined && claim.month !== source.month) || (claim.day !== undefined && claim.day !== source.day)) return false;
  return YEAR_EARLIER.test(passageText);
}
