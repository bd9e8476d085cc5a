/**
 * The numbers that turn overlap and check findings into a verdict. Tuned on the `tune` split of
 * the validation eval set only (bench/validation.ts); the holdout split measures them.
 */

/** A claim scoring at least this is `supported`. */
export const SUPPORTED_MIN_SCORE = 0.6;
/** A claim scoring below this is `unsupported`; between the two it is `uncertain` (a judge may decide). */
export const UNSUPPORTED_MAX_SCORE = 0.21;

/**
 * The judge's band: a claim scoring at least `JUDGE_MIN_SCORE` and below `JUDGE_MAX_SCORE` is
 * undecided by the fast checks, and a configured judge is asked about it. It is the `uncertain`
 * band: below it the checks found a contradiction or an absent fact on a well-matched passage
 * (on the tune split 89% of those claims are wrong), above it the claim is matched closely enough
 * (97% right) that a judge call costs more than it is likely to change.
 */
export const JUDGE_MIN_SCORE = UNSUPPORTED_MAX_SCORE;
export const JUDGE_MAX_SCORE = SUPPORTED_MIN_SCORE;

/** A figure, unit, date, name, negation or qualifier that differs from the source's: the score is multiplied by this. */
export const CONTRADICTION_FACTOR = 0.2;
/** A figure, date or name that no source has at all. */
export const ABSENT_FACTOR = 0.45;
/** A softer doubt: a qualifier dropped, a fact found only in another passage, a rate unit left out. */
export const WEAK_FACTOR = 0.85;

/** Credit for a claim term that only shares its first five letters with a source term ("extend"/"extension"). */
export const PREFIX_MATCH_CREDIT = 0.6;
/** Passages (best overlap first) the consistency checks are run on; the best final score wins. */
export const CANDIDATE_PASSAGES = 4;
/**
 * A passage is a candidate only with at least this share of the best passage's overlap: a
 * loosely related sentence must not rescue a claim the best-matching one contradicts.
 */
export const CANDIDATE_MIN_SHARE = 0.75;
/** A clause of the best source sentence is about the claim when this share of the claim's terms are in it. */
export const RELEVANT_CLAUSE_MIN = 0.25;
/** …and at least this share of the focus clause's: "Light has no checked bag; Flex has two" is two statements. */
export const RELEVANT_CLAUSE_SHARE = 0.8;
/** A negation mismatch contradicts only when the source clause has this share of the claim's terms; below, it is a weak doubt. */
export const NEGATION_FOCUS_MIN = 0.4;
/** A refusal ("the sources do not mention X") is doubtful when some passage covers this share of X. */
export const REFUSAL_COVERED_MIN = 0.75;
/** …and wrong (a false silence) when one covers this share: on the tune split correct refusals stay below 0.35. */
export const REFUSAL_CONTRADICTED_MIN = 0.9;
/** Weight of the injected similarity against lexical overlap; the blend never lowers the overlap. */
export const SIMILARITY_WEIGHT = 0.5;
