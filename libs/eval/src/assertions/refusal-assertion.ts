import { detectRefusal } from '../detect-refusal.js';
import { type Outcome } from './assertion-result.js';

/** `refusal`: the answer declines because the sources do not say (and does not answer anyway). */
export function checkRefusal(answer: string): Outcome {
  const detection = detectRefusal(answer);
  return { status: detection.refusal ? 'pass' : 'fail', expected: 'a refusal', actual: detection.refusal ? 'refusal' : 'an answer', reason: detection.reason };
}
