/**
 * What a claim is: a statement of fact the sources should support, or a refusal ("the sources do
 * not mention …"), which is right when they indeed do not.
 */
export type ClaimKind = 'fact' | 'refusal';

/** One checkable statement of an answer. */
export interface Claim {
  /** The statement, citation markers and list or emphasis markup removed. */
  readonly text: string;
  /** Where it is in the answer: `[start, end)`, markers included. */
  readonly start: number;
  readonly end: number;
  /** The sources it cites, 1-based as written (`[2]` → 2), in order, without repeats. */
  readonly citations: readonly number[];
  readonly kind: ClaimKind;
}
