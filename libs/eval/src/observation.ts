/** What one golden query produced: the gateway's answer and its measurements. */
export interface Observation {
  answer: string;
  /** Share of the answer's claims the sources support (0–1); undefined when validation did not run. */
  groundedness?: number;
  /** The citations of the answer (counted by distinct `index`), or their count. */
  citations: ReadonlyArray<{ index: number }> | number;
  latencyMs: number;
  costUsd: number;
  route?: string;
  model?: string;
  /** Set when the request failed: the query fails with it as the reason. */
  error?: { code: string; message: string };
}

export interface RubricVerdict {
  pass: boolean;
  reason: string;
  costUsd: number;
}

/** Grades an answer against an `llm-rubric` assertion with a judge model (the eval workflow provides one). */
export type RubricGrader = (rubric: string, question: string, answer: string) => Promise<RubricVerdict>;

/** The number of distinct sources an observation cites. */
export function citationCount(citations: Observation['citations']): number {
  return typeof citations === 'number' ? citations : new Set(citations.map((citation) => citation.index)).size;
}
