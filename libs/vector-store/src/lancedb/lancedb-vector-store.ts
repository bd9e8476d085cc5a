import { connect, Index } from '@lancedb/lancedb';
import type { Connection, Table } from '@lancedb/lancedb';
import { KeyedSerialQueue } from '../keyed-serial-queue.js';
import { assertSpaceName } from '../validate-identifiers.js';
import { validateCountFilter, validateDeleteFilter, validateRecords, validateSearchQuery, type ValidRecord, type ValidSearchQuery } from '../validate-store-input.js';
import type {
  CountFilter,
  DeleteByDocumentFilter,
  VectorMatch,
  VectorRecord,
  VectorSearchQuery,
  VectorSpace,
  VectorStore,
} from '../vector-store.js';
import { VectorStoreError } from '../vector-store-error.js';
import { FilteredRowCounts } from './filtered-row-counts.js';
import { COLUMN, countFilter, deleteFilter, searchFilter } from './lancedb-filter.js';
import {
  DEFAULT_LANCEDB_INDEX_POLICY,
  partitionsFromIndexName,
  planIndexAction,
  planSearch,
  vectorIndexName,
  type IndexAction,
  type LanceDbIndexPolicy,
  type VectorIndexState,
} from './lancedb-index-policy.js';
import { readVectorMatch } from './read-vector-match.js';
import { dimensionsOfSchema, recordsToArrowTable, vectorTableSchema } from './lancedb-schema.js';
import { createScalarIndexes } from './create-scalar-indexes.js';
import { collectionTableName, isCollectionTableOf } from './collection-table-name.js';
import { unitVector } from './unit-vector.js';

/** How the embedded LanceDB store is set up. */
export interface LanceDbVectorStoreOptions {
  /** Directory holding one table per space, e.g. `data/vectors`. */
  readonly directory: string;
  /** Overrides of the index policy (thresholds, partitions, probes). */
  readonly indexPolicy?: Partial<LanceDbIndexPolicy>;
  /**
   * `background` (default): after each write the table's indexes are checked and built, retrained
   * or refreshed in the table's write queue. `manual`: only `refreshIndexes` does it (bulk loads).
   */
  readonly indexMaintenance?: 'background' | 'manual';
  /**
   * Seconds after which a read looks for other processes' writes (LanceDB
   * `readConsistencyInterval`). Default 0: every read sees every commit (API and worker
   * processes share the directory); the check cost nothing measurable on the benchmark.
   */
  readonly readConsistencySeconds?: number;
  /**
   * How long a filter's row count (used to choose index or exact scan) and the table's index
   * description (another process may build the index) are trusted. Default 30 s.
   */
  readonly filteredCountTtlMs?: number;
  /**
   * Called when background index maintenance fails (searches stay correct, only slower); the
   * default emits a process warning. The failure is also rethrown once by `whenIdle`.
   */
  readonly onMaintenanceError?: (error: unknown) => void;
}

/**
 * An open table and what this process knows about its vector index. A space has one table of its
 * own (which only records the dimensions) and one table per collection holding the vectors.
 */
interface OpenSpace {
  readonly name: string;
  readonly table: Table;
  readonly dimensions: number;
  vectorIndex: VectorIndexState | undefined;
  /** When `vectorIndex` was last read: another process may build or replace the index. */
  indexCheckedAt: number;
  writesSinceOptimize: number;
  maintenanceQueued: boolean;
}

const SELECTED_COLUMNS = [COLUMN.id, COLUMN.documentId, COLUMN.collectionId, COLUMN.documentVersion, '_distance'];
/** Records per merge-insert commit: one commit keeps a normal batch atomic, the cap bounds memory. */
const RECORDS_PER_COMMIT = 10_000;
const MAX_DIMENSIONS = 65_536;

/** What index maintenance did to one collection's table. */
export interface CollectionIndexAction {
  readonly table: string;
  readonly action: IndexAction;
}

/**
 * The embedded VectorStore: under one directory, a LanceDB table per space (its dimensions) and
 * one per (space, collection) holding the vectors (see `collection-table-name.ts` for why).
 * Writes to a table are serialized in this process; searches are exact below the index
 * threshold and probe the collection's IVF_FLAT index above it (see `lancedb-index-policy.ts`).
 */
export class LanceDbVectorStore implements VectorStore {
  readonly kind = 'lancedb' as const;
  private readonly policy: LanceDbIndexPolicy;
  private readonly writes = new KeyedSerialQueue();
  private readonly opening = new KeyedSerialQueue();
  private readonly spaces = new Map<string, Promise<OpenSpace>>();
  private readonly rowCounts: FilteredRowCounts;
  private readonly indexRecheckMs: number;
  private connection: Promise<Connection> | undefined;
  private closed = false;
  private maintenanceFailure: unknown;

  constructor(private readonly options: LanceDbVectorStoreOptions) {
    this.policy = { ...DEFAULT_LANCEDB_INDEX_POLICY, ...options.indexPolicy };
    this.rowCounts = new FilteredRowCounts(options.filteredCountTtlMs ?? 30_000);
    this.indexRecheckMs = options.filteredCountTtlMs ?? 30_000;
  }

  async ensureSpace(space: VectorSpace): Promise<void> {
    assertSpaceName(space?.name);
    if (!Number.isInteger(space.dimensions) || space.dimensions < 1 || space.dimensions > MAX_DIMENSIONS) {
      throw new VectorStoreError(`space "${space.name}" dimensions must be an integer from 1 to ${MAX_DIMENSIONS}, got ${String(space.dimensions)}`, {
        kind: 'invalid-input',
        store: this.kind,
        space: space.name,
        field: 'dimensions',
      });
    }
    // Retrieval calls this on every query: an open space answers without waiting behind writes.
    const open =
      (await this.openedSpace(space.name)) ??
      (await this.opening.run(space.name, async () => (await this.openedSpace(space.name)) ?? this.createOrOpen(space)));
    if (open.dimensions !== space.dimensions) {
      throw new VectorStoreError(`space "${space.name}" exists with ${open.dimensions} dimensions, not ${space.dimensions}`, {
        kind: 'dimension-mismatch',
        store: this.kind,
        space: space.name,
        expectedDimensions: open.dimensions,
        actualDimensions: space.dimensions,
      });
    }
  }

  async upsert(spaceName: string, records: readonly VectorRecord[]): Promise<void> {
    const space = await this.openSpace(spaceName);
    const valid = validateRecords(spaceName, space.dimensions, records);
    const byCollection = new Map<string, ValidRecord[]>();
    for (const record of valid) byCollection.set(record.collectionId, [...(byCollection.get(record.collectionId) ?? []), record]);
    await Promise.all(
      [...byCollection].map(async ([collectionId, group]) => this.writeRecords(await this.collectionTable(space, collectionId, 'create'), group)),
    );
  }

  private async writeRecords(table: OpenSpace, records: readonly ValidRecord[]): Promise<void> {
    await this.writes.run(table.name, () =>
      this.backend('upsert', table.name, async () => {
        for (let start = 0; start < records.length; start += RECORDS_PER_COMMIT) {
          const batch = recordsToArrowTable(records.slice(start, start + RECORDS_PER_COMMIT), table.dimensions);
          await table.table
            .mergeInsert([COLUMN.tenantId, COLUMN.id])
            .whenMatchedUpdateAll()
            .whenNotMatchedInsertAll()
            .execute(batch);
        }
        this.rowCounts.invalidate(table.name);
        table.writesSinceOptimize += 1;
      }),
    );
    this.scheduleMaintenance(table);
  }

  async search(spaceName: string, query: VectorSearchQuery): Promise<VectorMatch[]> {
    const space = await this.openSpace(spaceName);
    const valid = validateSearchQuery(spaceName, space.dimensions, query);
    const perCollection = await Promise.all(
      [...new Set(valid.collectionIds)].map(async (collectionId) => {
        const table = await this.collectionTable(space, collectionId, 'existing');
        return table === undefined ? [] : this.searchTable(table, spaceName, { ...valid, collectionIds: [collectionId] });
      }),
    );
    return perCollection
      .flat()
      .sort((left, right) => right.score - left.score)
      .slice(0, valid.topK);
  }

  private searchTable(table: OpenSpace, spaceName: string, query: ValidSearchQuery): Promise<VectorMatch[]> {
    // The filter stays complete (tenant included) although the table holds one collection.
    const filter = searchFilter(query);
    return this.backend('search', spaceName, async () => {
      let search = table.table
        .vectorSearch(unitVector(query.vector))
        .column(COLUMN.vector)
        .distanceType('l2')
        .where(filter)
        .limit(query.topK)
        .select(SELECTED_COLUMNS);
      if (Date.now() - table.indexCheckedAt > this.indexRecheckMs) {
        table.indexCheckedAt = Date.now();
        table.vectorIndex = await this.readVectorIndex(table);
      }
      const index = table.vectorIndex;
      if (index !== undefined) {
        // Documents are small; otherwise the filter's size decides (see planSearch).
        const plan =
          query.documentIds !== undefined
            ? ({ kind: 'exact' } as const)
            : planSearch(await this.rowCounts.get(table.name, filter, () => table.table.countRows(filter)), query.topK, index, this.policy);
        search = plan.kind === 'exact' ? search.bypassVectorIndex() : search.nprobes(plan.probes);
      }
      const rows: unknown[] = await search.toArray();
      const matches = rows.map((row) => readVectorMatch(row, spaceName));
      return query.minScore === undefined ? matches : matches.filter((match) => match.score >= (query.minScore as number));
    });
  }

  async deleteByDocument(spaceName: string, filter: DeleteByDocumentFilter): Promise<void> {
    const space = await this.openSpace(spaceName);
    const predicate = deleteFilter(validateDeleteFilter(spaceName, filter));
    // The document's collection is not part of the filter: every collection table is asked.
    for (const table of await this.collectionTables(space)) {
      await this.writes.run(table.name, () =>
        this.backend('deleteByDocument', spaceName, async () => {
          await table.table.delete(predicate);
          this.rowCounts.invalidate(table.name);
          table.writesSinceOptimize += 1;
        }),
      );
      this.scheduleMaintenance(table);
    }
  }

  async count(spaceName: string, filter: CountFilter): Promise<number> {
    const space = await this.openSpace(spaceName);
    const predicate = countFilter(validateCountFilter(spaceName, filter));
    const tables =
      filter.collectionId === undefined
        ? await this.collectionTables(space)
        : [await this.collectionTable(space, filter.collectionId, 'existing')].filter((table) => table !== undefined);
    const counts = await Promise.all(tables.map((table) => this.backend('count', spaceName, () => table.table.countRows(predicate))));
    return counts.reduce((sum, rows) => sum + rows, 0);
  }

  /**
   * Runs index maintenance on every collection table of a space now (create, retrain or fold in
   * new rows, as the policy says) and returns what it did. Bulk loads with
   * `indexMaintenance: 'manual'` call it once at the end.
   */
  async refreshIndexes(spaceName: string): Promise<CollectionIndexAction[]> {
    const space = await this.openSpace(spaceName);
    const actions: CollectionIndexAction[] = [];
    for (const table of await this.collectionTables(space)) {
      actions.push({ table: table.name, action: await this.writes.run(table.name, () => this.maintain(table)) });
    }
    return actions;
  }

  /** Waits for queued writes and background maintenance; rethrows the last maintenance failure once. */
  async whenIdle(): Promise<void> {
    await this.writes.idle();
    const failure = this.maintenanceFailure;
    this.maintenanceFailure = undefined;
    if (failure !== undefined) throw failure;
  }

  /** The vector index of a collection's table as this process last saw it (undefined: exact search). */
  async vectorIndexOf(spaceName: string, collectionId: string): Promise<VectorIndexState | undefined> {
    const table = await this.collectionTable(await this.openSpace(spaceName), collectionId, 'existing');
    return table?.vectorIndex;
  }

  /** A collection's table: created on the first write, undefined for reads before it exists. */
  private async collectionTable(space: OpenSpace, collectionId: string, mode: 'create'): Promise<OpenSpace>;
  private async collectionTable(space: OpenSpace, collectionId: string, mode: 'existing'): Promise<OpenSpace | undefined>;
  private async collectionTable(space: OpenSpace, collectionId: string, mode: 'create' | 'existing'): Promise<OpenSpace | undefined> {
    const name = collectionTableName(space.name, collectionId);
    const opened = await this.openedSpace(name);
    if (opened !== undefined) return opened;
    if (mode === 'create') {
      return this.opening.run(name, async () => (await this.openedSpace(name)) ?? this.createOrOpen({ name, dimensions: space.dimensions }));
    }
    // Another process (the worker) may have created it since: look before answering "none".
    const connection = await this.connect();
    const names = await this.backend('openSpace', space.name, () => connection.tableNames());
    return names.includes(name) ? this.openTable(name) : undefined;
  }

  /** Every collection table of a space, as it is on disk now. */
  private async collectionTables(space: OpenSpace): Promise<OpenSpace[]> {
    const connection = await this.connect();
    const names = await this.backend('openSpace', space.name, () => connection.tableNames());
    return Promise.all(names.filter((name) => isCollectionTableOf(space.name, name)).map((name) => this.openTable(name)));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writes.idle();
    const spaces = await Promise.allSettled(this.spaces.values());
    for (const result of spaces) if (result.status === 'fulfilled') result.value.table.close();
    this.spaces.clear();
    if (this.connection !== undefined) (await this.connection).close();
  }

  private connect(): Promise<Connection> {
    if (this.closed) throw new VectorStoreError('the LanceDB vector store is closed', { kind: 'invalid-input', store: this.kind });
    this.connection ??= connect(this.options.directory, { readConsistencyInterval: this.options.readConsistencySeconds ?? 0 });
    return this.connection;
  }

  /** The space if this process has it open already (a failed open counts as not open). */
  private async openedSpace(name: string): Promise<OpenSpace | undefined> {
    return this.spaces.get(name)?.catch(() => undefined);
  }

  private openSpace(name: string): Promise<OpenSpace> {
    assertSpaceName(name);
    return this.openTable(name);
  }

  /** Opens a table by a name this class made (a space's or a collection's). */
  private openTable(name: string): Promise<OpenSpace> {
    let open = this.spaces.get(name);
    if (open === undefined) {
      open = this.openExisting(name);
      this.spaces.set(name, open);
      // A failed open (missing table, I/O error) is retried by the next call.
      open.catch(() => this.spaces.get(name) === open && this.spaces.delete(name));
    }
    return open;
  }

  private async openExisting(name: string): Promise<OpenSpace> {
    const connection = await this.connect();
    const names = await this.backend('openSpace', name, () => connection.tableNames());
    if (!names.includes(name)) {
      throw new VectorStoreError(`space "${name}" does not exist in ${this.options.directory}; call ensureSpace first`, {
        kind: 'unknown-space',
        store: this.kind,
        space: name,
      });
    }
    return this.describe(name, await this.backend('openSpace', name, () => connection.openTable(name)));
  }

  private async createOrOpen(space: VectorSpace): Promise<OpenSpace> {
    const connection = await this.connect();
    const table = await this.backend('ensureSpace', space.name, () =>
      connection.createEmptyTable(space.name, vectorTableSchema(space.dimensions), { mode: 'create', existOk: true }),
    );
    const open = this.describe(space.name, table);
    this.spaces.set(space.name, open);
    return open;
  }

  private async describe(name: string, table: Table): Promise<OpenSpace> {
    const dimensions = dimensionsOfSchema(await table.schema());
    if (dimensions === undefined) {
      throw new VectorStoreError(`table "${name}" in ${this.options.directory} has no fixed-size "vector" column`, {
        kind: 'backend',
        store: this.kind,
        space: name,
      });
    }
    const space: OpenSpace = { name, table, dimensions, vectorIndex: undefined, indexCheckedAt: Date.now(), writesSinceOptimize: 0, maintenanceQueued: false };
    space.vectorIndex = await this.readVectorIndex(space);
    return space;
  }

  private async readVectorIndex(space: OpenSpace): Promise<VectorIndexState | undefined> {
    const indexes = await space.table.listIndices();
    for (const index of indexes) {
      const partitions = partitionsFromIndexName(index.name);
      if (partitions === undefined) continue;
      const stats = await space.table.indexStats(index.name);
      return { name: index.name, partitions, indexedRows: stats?.numIndexedRows ?? 0, unindexedRows: stats?.numUnindexedRows ?? 0 };
    }
    return undefined;
  }

  /** Queues one maintenance run behind the writes (one is enough: it sees every write before it). */
  private scheduleMaintenance(space: OpenSpace): void {
    if (this.options.indexMaintenance === 'manual' || space.maintenanceQueued) return;
    space.maintenanceQueued = true;
    this.writes.run(space.name, () => this.maintain(space)).catch((error: unknown) => {
      this.maintenanceFailure = error;
      if (this.options.onMaintenanceError) this.options.onMaintenanceError(error);
      else process.emitWarning(error instanceof Error ? error.message : String(error), { code: 'BALLAST_VECTOR_INDEX_MAINTENANCE' });
    });
  }

  private maintain(space: OpenSpace): Promise<IndexAction> {
    space.maintenanceQueued = false;
    return this.backend('refreshIndexes', space.name, async () => {
      const rows = await space.table.countRows();
      const current = await this.readVectorIndex(space);
      const action = planIndexAction({ rows, index: current, writesSinceOptimize: space.writesSinceOptimize }, this.policy);
      if (action.kind === 'create' || action.kind === 'retrain') {
        // Compacting first trains on one fragment instead of one per write: searches take the
        // matched rows' columns from fewer files (about 2.5 ms less per query at 100k rows).
        await space.table.optimize();
        await createScalarIndexes(space.table);
        const name = vectorIndexName(action.partitions);
        await space.table.createIndex(COLUMN.vector, {
          name,
          replace: true,
          config: Index.ivfFlat({
            distanceType: 'l2',
            numPartitions: action.partitions,
            maxIterations: this.policy.maxIterations,
            sampleRate: this.policy.sampleRate,
          }),
        });
        // Until the old index is dropped searches keep using it; afterwards they use the new one.
        if (current !== undefined && current.name !== name) await space.table.dropIndex(current.name);
      }
      if (action.kind === 'optimize') await space.table.optimize();
      if (action.kind !== 'none') space.writesSinceOptimize = 0;
      space.vectorIndex = await this.readVectorIndex(space);
      space.indexCheckedAt = Date.now();
      return action;
    });
  }

  /** Runs an engine call, turning its failures into `backend` VectorStoreErrors with the facts. */
  private async backend<T>(operation: string, space: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (VectorStoreError.isInstance(error)) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      throw new VectorStoreError(`LanceDB ${operation} on space "${space}" failed: ${detail}`, {
        kind: 'backend',
        store: this.kind,
        space,
        cause: error,
      });
    }
  }
}
