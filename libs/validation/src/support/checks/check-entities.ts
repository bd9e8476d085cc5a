import { placeAliases } from '../../facts/demonyms.js';
import { type NamedEntity } from '../../facts/entities.js';
import { restrictsWithOnly } from '../../facts/polarity.js';
import { type ClaimFacts } from '../claim-facts.js';
import { type Finding } from '../finding.js';
import { type Focus } from '../focus.js';
import { type Passage, type SourceIndex } from '../source-index.js';
import { normaliseWord } from '../../shared/word-scan.js';
import { wordSetOf } from '../text-facts.js';

/**
 * Each name of the claim against the passage. Named in the focus clause, or elsewhere in the
 * passage's document (its title included): fine, unless the passage names something else in
 * its place, which is a swap ("Pro" where the source says "Business"). Named only in another
 * source: a swap when the passage names something else, a weak doubt otherwise. Named nowhere:
 * absent.
 */
export function checkEntities(claim: ClaimFacts, passage: Passage, focus: Focus, index: SourceIndex): Finding[] {
  const findings: Finding[] = [];
  const focusWords = wordSetOf(focus.clause.text);
  const passageWords = new Set(passage.sentences.flatMap((sentence) => [...sentence.words]));
  const notInClaim = (names: readonly NamedEntity[]): NamedEntity[] => names.filter((name) => !presentIn(name, claim.words));
  const focusOthers = notInClaim(focus.clause.entities);
  const passageOthers = notInClaim(passage.sentences.flatMap((sentence) => sentence.facts.entities));
  // "available only on Premium" does not extend to the Standard the claim adds.
  const restricted = restrictsWithOnly(focus.clause.text) && focus.clause.entities.length > 0;
  for (const entity of claim.entities) {
    if (presentIn(entity, focusWords)) continue;
    if (presentIn(entity, passageWords)) {
      if (focusOthers.length > 0) findings.push(swap(entity, focusOthers));
      else if (restricted) findings.push(outsideRestriction(entity, focus));
      continue;
    }
    const sameSource = index.sourceWords[passage.sourceIndex];
    if (sameSource !== undefined && presentIn(entity, sameSource)) {
      // The document is about it ("Soriva" in the leaflet's other sentences); naming another in its place is still a swap.
      if (swappedWithin(entity, passageOthers, claim)) findings.push(swap(entity, passageOthers));
      else if (restricted) findings.push(outsideRestriction(entity, focus));
      continue;
    }
    if (index.sourceWords.some((words) => presentIn(entity, words))) {
      findings.push(passageOthers.length > 0 ? swap(entity, passageOthers) : { check: 'entity', severity: 'weak', reason: `entity ${entity.raw} is named in another source than the best-matching one` });
    } else {
      findings.push({ check: 'entity', severity: 'absent', reason: `entity ${entity.raw} is in no source` });
    }
  }
  return findings;
}

// The passage names, where the claim has this name, another of the claim's kind: both multi-word or both single capitalised words.
function swappedWithin(entity: NamedEntity, passageOthers: readonly NamedEntity[], claim: ClaimFacts): boolean {
  return passageOthers.length > 0 && claim.entities.length > 0 && passageOthers.some((other) => other.words.length === entity.words.length);
}

function outsideRestriction(entity: NamedEntity, focus: Focus): Finding {
  return { check: 'entity', severity: 'contradiction', reason: `entity ${entity.raw} is outside the source's restriction "${focus.clause.text.trim()}"` };
}

function swap(entity: NamedEntity, sourceNames: readonly NamedEntity[]): Finding {
  const names = [...new Set(sourceNames.map((name) => name.raw))].slice(0, 3).join(', ');
  return { check: 'entity', severity: 'contradiction', reason: `entity ${entity.raw} is not the source's ${names}` };
}

// Each word there, or another name of the same place ("Dutch" for "the Netherlands").
function presentIn(entity: NamedEntity, words: ReadonlySet<string>): boolean {
  return entity.words.every((word) => words.has(normaliseWord(word)) || placeAliases(word).some((alias) => words.has(normaliseWord(alias))));
}
