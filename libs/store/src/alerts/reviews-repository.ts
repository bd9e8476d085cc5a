import type { Kysely } from 'kysely';
import type { StoreSchema } from '../schema.js';

/** A stored weekly review. */
export interface StoredReview {
  /** `review-<period end date>`: one review per period, however often the workflow retries. */
  readonly id: string;
  readonly createdAt: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly markdown: string;
  readonly sections: unknown;
}

/** Weekly reviews, written by the review workflow's activity. */
export class ReviewsRepository {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  /** Stores a review; a review with the same id is replaced (a re-run of the same period). */
  async save(review: StoredReview): Promise<void> {
    const values = {
      id: review.id,
      created_at: review.createdAt,
      period_start: review.periodStart,
      period_end: review.periodEnd,
      markdown: review.markdown,
      sections: JSON.stringify(review.sections),
    };
    await this.db
      .insertInto('reviews')
      .values(values)
      .onConflict((conflict) => conflict.column('id').doUpdateSet({ ...values }))
      .execute();
  }

  /** The newest reviews first. */
  async list(limit: number): Promise<StoredReview[]> {
    const rows = await this.db.selectFrom('reviews').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toReview);
  }

  async get(id: string): Promise<StoredReview | undefined> {
    const row = await this.db.selectFrom('reviews').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toReview(row);
  }
}

function toReview(row: StoreSchema['reviews']): StoredReview {
  return {
    id: row.id,
    createdAt: row.created_at,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    markdown: row.markdown,
    sections: JSON.parse(row.sections) as unknown,
  };
}
