import { type BaselineComparison } from '../compare-baseline.js';
import { type EvalThresholds } from '../suite-schema.js';

/** What a report says besides the results: which suite, when, and the gate's verdict. */
export interface ReportContext {
  suite?: string;
  description?: string;
  /** ISO timestamp of the run; reports are pure and never read the clock. */
  generatedAt?: string;
  thresholds?: EvalThresholds;
  comparison?: BaselineComparison;
}
