import { type SupportVerdict } from '../support/claim-support.js';

/** One source number of one citation marker, checked. */
export interface CitationCheck {
  /** The source number as written (`[3]` → 3; `[1, 2]` gives two checks). */
  readonly marker: number;
  /** Where the marker is in the answer. */
  readonly start: number;
  /** The id of the n-th source, or null when there is no n-th source. */
  readonly sourceId: string | null;
  /** True when the source exists and supports the claim the marker is attached to. */
  readonly valid: boolean;
  /** How that one source supports the claim (null when the source does not exist or the marker cites no claim). */
  readonly support: SupportVerdict | null;
  readonly reason: string;
}
