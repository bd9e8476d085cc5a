/** Options of a paginated list. */
export interface PageOptions {
  /** Items per page, 1–1000 (default 20). */
  readonly limit?: number;
  /** `nextCursor` of the previous page; absent for the first page. */
  readonly cursor?: string;
}

/** One page of a list, oldest first. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Pass as `cursor` to get the next page; absent on the last page. */
  readonly nextCursor?: string;
}

export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 1000;

/** Clamps a requested page size into 1–1000; a fraction is rounded down. */
export function pageLimit(options: PageOptions): number {
  const requested = options.limit ?? DEFAULT_PAGE_LIMIT;
  if (!Number.isFinite(requested)) {
    return DEFAULT_PAGE_LIMIT;
  }
  return Math.min(MAX_PAGE_LIMIT, Math.max(1, Math.floor(requested)));
}
