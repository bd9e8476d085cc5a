/**
 * One chat request as `GET /v1/requests` lists it: the API writes this shape and
 * `ballast requests list` reads it, so both are held to the one definition.
 */
export interface ListedRequest {
  readonly id: string;
  readonly workflow_id: string;
  readonly run_id: string;
  /** The Temporal execution status in lower case (`running`, `failed`, `timed_out`, …). */
  readonly status: string;
  readonly started_at: string;
  readonly closed_at: string | null;
  readonly route: string | null;
  readonly model: string | null;
  readonly user: string | null;
  readonly replay_of: string | null;
  readonly temporal_ui_url: string;
}
