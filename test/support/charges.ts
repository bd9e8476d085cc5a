import { sql } from 'kysely';
import { createDatabase } from '#libs/store';

/** What the ledger recorded for one request. */
export interface RequestCharges {
  /** Settled reservations (one per charged attempt). */
  readonly settled: number;
  /** Usage events (one per charged attempt). */
  readonly usageEvents: number;
  /** Sum of the usage events' cost, in USD. */
  readonly costUsd: number;
}

/** Reads the ledger of the store at `url` for each of `requestIds`. */
export async function chargesOf(url: string, requestIds: readonly string[]): Promise<Map<string, RequestCharges>> {
  const database = await createDatabase({ url, migrate: false, maxConnections: 1 });
  try {
    const charges = new Map<string, RequestCharges>(requestIds.map((id) => [id, { settled: 0, usageEvents: 0, costUsd: 0 }]));
    const settled = await sql<{ request_id: string; count: number | string }>`select request_id, count(*) as count from spend_reservations where status = 'settled' group by request_id`.execute(database.db);
    for (const row of settled.rows) {
      const entry = charges.get(row.request_id);
      if (entry) charges.set(row.request_id, { ...entry, settled: Number(row.count) });
    }
    const usage = await sql<{ request_id: string; count: number | string; cost: number | string }>`select request_id, count(*) as count, sum(cost_nanos) as cost from usage_events group by request_id`.execute(database.db);
    for (const row of usage.rows) {
      const entry = charges.get(row.request_id);
      if (entry) charges.set(row.request_id, { ...entry, usageEvents: Number(row.count), costUsd: Number(row.cost) / 1e9 });
    }
    return charges;
  } finally {
    await database.close();
  }
}
