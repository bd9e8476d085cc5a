import { FLAG_NOT_SUPPORTED, FLAG_UNSUPPORTED, falsePositiveRates, recallByError, sourceAttribution, summarizeDetection } from './detection-metrics.js';
import { type ClaimPrediction } from './predict-labelled-claims.js';

const prediction = (supported: boolean, verdict: ClaimPrediction['verdict'], extra: Partial<ClaimPrediction> = {}): ClaimPrediction => ({
  itemId: 'x', split: 'tune', text: 't', supported, error: supported ? null : 'changed-number', refusal: false, labelledSource: 's1', verdict, score: 0, predictedSource: 's1', reasons: [], ...extra,
});

describe('detection metrics', () => {
  const predictions = [
    prediction(false, 'unsupported'),
    prediction(false, 'uncertain', { error: 'wrong-date' }),
    prediction(true, 'unsupported'),
    prediction(true, 'supported', { predictedSource: 's2' }),
    prediction(true, 'supported'),
    prediction(true, 'uncertain', { refusal: true, labelledSource: null }),
  ];

  it('counts unsupported claims as positives, with uncertain flagging or not', () => {
    expect(summarizeDetection(predictions, FLAG_UNSUPPORTED)).toMatchObject({ positives: 2, flagged: 2, truePositives: 1, falsePositives: 1, precision: 0.5, recall: 0.5, uncertain: 2 });
    expect(summarizeDetection(predictions, FLAG_NOT_SUPPORTED)).toMatchObject({ flagged: 4, truePositives: 2, precision: 0.5, recall: 1 });
  });

  it('breaks recall down by error and false positives by kind of correct claim', () => {
    const byError = recallByError(predictions, FLAG_UNSUPPORTED);
    expect(byError['changed-number']).toEqual({ claims: 1, caught: 1, recall: 1 });
    expect(byError['wrong-date']).toEqual({ claims: 1, caught: 0, recall: 0 });
    expect(falsePositiveRates(predictions, FLAG_NOT_SUPPORTED)).toEqual({ paraphrases: { claims: 3, flagged: 1, rate: 0.333 }, refusals: { claims: 1, flagged: 1, rate: 1 } });
    expect(sourceAttribution(predictions)).toEqual({ claims: 2, correct: 1, share: 0.5 });
  });
});
