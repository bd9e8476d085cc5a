import type { Kysely } from 'kysely';
import type { StoreSchema } from '../schema.js';

/** A stored summary of a conversation's first `coveredMessages` turns. */
export interface ConversationSummary {
  readonly coveredMessages: number;
  readonly coveredHash: string;
  readonly summary: string;
  readonly tokens: number;
}

/**
 * Rolling summaries of dropped conversation turns, per tenant and conversation. Writes are
 * idempotent (a retried attempt stores the same row once); reads pick the longest covered
 * prefix whose hash the caller can match.
 */
export class ConversationSummariesRepository {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Summaries of the conversation covering at most `maxMessages` turns, longest first. */
  async candidates(tenantId: string, conversationKey: string, maxMessages: number): Promise<ConversationSummary[]> {
    const rows = await this.db
      .selectFrom('conversation_summaries')
      .select(['covered_messages', 'covered_hash', 'summary', 'tokens'])
      .where('tenant_id', '=', tenantId)
      .where('conversation_key', '=', conversationKey)
      .where('covered_messages', '<=', maxMessages)
      .orderBy('covered_messages', 'desc')
      .limit(8)
      .execute();
    return rows.map((row) => ({ coveredMessages: row.covered_messages, coveredHash: row.covered_hash, summary: row.summary, tokens: row.tokens }));
  }

  /** Stores a summary; the same (conversation, covered turns) twice keeps the first. */
  async save(tenantId: string, conversationKey: string, summary: ConversationSummary): Promise<void> {
    const row = {
      tenant_id: tenantId,
      conversation_key: conversationKey,
      covered_messages: summary.coveredMessages,
      covered_hash: summary.coveredHash,
      summary: summary.summary,
      tokens: summary.tokens,
      created_at: this.now().toISOString(),
    };
    // SQLite and PostgreSQL both understand ON CONFLICT DO NOTHING on the primary key.
    await this.db
      .insertInto('conversation_summaries')
      .values(row)
      .onConflict((conflict) => conflict.columns(['tenant_id', 'conversation_key', 'covered_hash']).doNothing())
      .execute();
  }
}
