import { type ClaimPrediction } from './predict-labelled-claims.js';
import { CLAIM_ERRORS, type ClaimError } from './validation-eval-set.js';

/** Which predictions count as flagging a claim unsupported. */
export type FlagRule = (prediction: ClaimPrediction) => boolean;

/** Only `unsupported` verdicts flag: what the fast path acts on without a judge. */
export const FLAG_UNSUPPORTED: FlagRule = (prediction) => prediction.verdict === 'unsupported';
/** `uncertain` flags too: the most a judge that confirms every flag could catch. */
export const FLAG_NOT_SUPPORTED: FlagRule = (prediction) => prediction.verdict !== 'supported';

/** Detection of unsupported claims (positives = labelled unsupported). */
export interface DetectionSummary {
  readonly claims: number;
  readonly positives: number;
  readonly flagged: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Claims left `uncertain`: what a judge would be asked about. */
  readonly uncertain: number;
}

/** Precision and recall of flagging unsupported claims. */
export function summarizeDetection(predictions: readonly ClaimPrediction[], flagged: FlagRule): DetectionSummary {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const prediction of predictions) {
    const flag = flagged(prediction);
    if (flag && !prediction.supported) truePositives += 1;
    else if (flag) falsePositives += 1;
    else if (!prediction.supported) falseNegatives += 1;
  }
  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, truePositives + falseNegatives);
  return {
    claims: predictions.length,
    positives: truePositives + falseNegatives,
    flagged: truePositives + falsePositives,
    truePositives,
    falsePositives,
    falseNegatives,
    precision,
    recall,
    f1: round(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)),
    uncertain: predictions.filter((prediction) => prediction.verdict === 'uncertain').length,
  };
}

/** Recall per error type: of the claims wrong in that way, the share flagged. */
export function recallByError(predictions: readonly ClaimPrediction[], flagged: FlagRule): Record<ClaimError, { claims: number; caught: number; recall: number }> {
  const result = {} as Record<ClaimError, { claims: number; caught: number; recall: number }>;
  for (const error of CLAIM_ERRORS) {
    const wrong = predictions.filter((prediction) => prediction.error === error);
    const caught = wrong.filter(flagged).length;
    result[error] = { claims: wrong.length, caught, recall: ratio(caught, wrong.length) };
  }
  return result;
}

/** False-positive rate on correct claims: supported claims (paraphrases; refusals apart) flagged. */
export function falsePositiveRates(predictions: readonly ClaimPrediction[], flagged: FlagRule): { paraphrases: { claims: number; flagged: number; rate: number }; refusals: { claims: number; flagged: number; rate: number } } {
  const rate = (claims: readonly ClaimPrediction[]): { claims: number; flagged: number; rate: number } => {
    const count = claims.filter(flagged).length;
    return { claims: claims.length, flagged: count, rate: ratio(count, claims.length) };
  };
  const correct = predictions.filter((prediction) => prediction.supported);
  return { paraphrases: rate(correct.filter((prediction) => !prediction.refusal)), refusals: rate(correct.filter((prediction) => prediction.refusal)) };
}

/** Of the supported claims the validator also calls supported, the share it attributes to the labelled source. */
export function sourceAttribution(predictions: readonly ClaimPrediction[]): { claims: number; correct: number; share: number } {
  const judged = predictions.filter((prediction) => prediction.supported && prediction.verdict === 'supported' && prediction.labelledSource !== null);
  const correct = judged.filter((prediction) => prediction.predictedSource === prediction.labelledSource).length;
  return { claims: judged.length, correct, share: ratio(correct, judged.length) };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : round(part / whole);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
