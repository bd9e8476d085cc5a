import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import { ConflictError } from '../conflict-error.js';
import { decodeKeysetCursor, encodeKeysetCursor } from '../keyset-cursor.js';
import { usdToNanos } from '../ledger/nano-usd.js';
import { ReusableStatement } from '../ledger/reusable-statement.js';
import { inWriteTransaction } from '../ledger/write-transaction.js';
import { NotFoundError } from '../not-found-error.js';
import { pageLimit, type Page, type PageOptions } from '../page.js';
import type { ApiKeysTable, StoreSchema } from '../schema.js';
import type { StoreDialect } from '../store-dialect.js';
import { toApiKeyRecord, type ApiKeyBudgets, type ApiKeyLimits, type ApiKeyRecord } from './api-key-record.js';
import { API_KEY_ROLES, type ApiKeyRole } from './api-key-role.js';
import { generateApiKeySecret, hashApiKey, isApiKeyShaped, visibleKeyParts } from './api-key-secret.js';

/** What a new key needs; `id` is generated when absent. */
export interface CreateApiKeyInput {
  readonly id?: string;
  readonly tenantId: string;
  /** The user the key acts for; absent for a tenant-wide key. */
  readonly userId?: string;
  readonly name: string;
  readonly role: ApiKeyRole;
  readonly budgets?: ApiKeyBudgets;
  readonly limits?: ApiKeyLimits;
}

/** A key just created: the plaintext is in this object and nowhere else, ever. */
export interface CreatedApiKey {
  readonly key: ApiKeyRecord;
  /** Show it to the caller once; the store keeps only its hash. */
  readonly plaintext: string;
}

/** What a presented key turned out to be. Revoked keys are told apart so the API can say so (and log it). */
export type ApiKeyLookup = { readonly status: 'active' | 'revoked'; readonly key: ApiKeyRecord } | { readonly status: 'not-found' };

/** Options of `ApiKeysRepository.list`. */
export interface ListApiKeysOptions extends PageOptions {
  /** Also list revoked keys (default false). */
  readonly includeRevoked?: boolean;
}

/** Options of `ApiKeysRepository.rotate`. */
export interface RotateApiKeyOptions {
  /** How long the old secret keeps working, for clients to switch (default 0: it stops at once). */
  readonly graceMs?: number;
}

/** Options of `ApiKeysRepository`. */
export interface ApiKeysRepositoryOptions {
  /** The clock for creation and revocation times (default: the system clock). */
  readonly now?: () => Date;
}

/** The lookup of every request: compiled once (see ReusableStatement). */
const FIND_BY_HASH = new ReusableStatement<Selectable<ApiKeysTable>>('find api key by hash', (values) => sql`select * from api_keys where secret_hash = ${values[0]}`);

/**
 * API keys of every tenant. Secrets are generated here, returned once and stored as a sha256
 * hash; every management call is scoped to one tenant. Nothing is cached: a revocation is
 * seen by the very next lookup.
 */
export class ApiKeysRepository {
  private readonly now: () => Date;

  constructor(
    private readonly db: Kysely<StoreSchema>,
    readonly dialect: StoreDialect,
    options: ApiKeysRepositoryOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** Creates a key and returns it with its plaintext, the only time the plaintext exists. */
  async create(input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const id = input.id ?? newKeyId();
    const { row, plaintext } = newKeyRow({ ...input, id, createdAt: this.now().toISOString(), lineageId: id, rotatedFromId: null });
    await this.db.insertInto('api_keys').values(row).execute();
    return { key: toApiKeyRecord(row), plaintext };
  }

  /**
   * The key whose plaintext this is: one sha256 and one indexed lookup. A key whose revocation
   * time has come is `revoked`; a string that is not key-shaped is `not-found` without a query.
   */
  async findByPlaintext(plaintext: string): Promise<ApiKeyLookup> {
    if (!isApiKeyShaped(plaintext)) {
      return { status: 'not-found' };
    }
    const [row] = await FIND_BY_HASH.execute(this.db, this.dialect, [hashApiKey(plaintext)]);
    if (row === undefined) {
      return { status: 'not-found' };
    }
    const revoked = row.revoked_at !== null && row.revoked_at <= this.now().toISOString();
    return { status: revoked ? 'revoked' : 'active', key: toApiKeyRecord(row) };
  }

  /** The tenant's key; another tenant's id finds nothing. */
  async get(tenantId: string, id: string): Promise<ApiKeyRecord | undefined> {
    const row = await this.db.selectFrom('api_keys').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toApiKeyRecord(row);
  }

  /** The tenant's keys, oldest first, without secrets. Keys still in a rotation grace period count as live. */
  async list(tenantId: string, options: ListApiKeysOptions = {}): Promise<Page<ApiKeyRecord>> {
    const limit = pageLimit(options);
    let query = this.db.selectFrom('api_keys').selectAll().where('tenant_id', '=', tenantId);
    if (options.includeRevoked !== true) {
      const nowIso = this.now().toISOString();
      query = query.where((eb) => eb.or([eb('revoked_at', 'is', null), eb('revoked_at', '>', nowIso)]));
    }
    if (options.cursor !== undefined) {
      const after = decodeKeysetCursor(options.cursor);
      query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(after.createdAt, after.id)));
    }
    const rows = await query.orderBy('created_at').orderBy('id').limit(limit + 1).execute();
    const items = rows.slice(0, limit).map(toApiKeyRecord);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return last === undefined ? { items } : { items, nextCursor: encodeKeysetCursor({ createdAt: last.created_at, id: last.id }) };
  }

  /**
   * Revokes the tenant's key now (also cutting short a rotation grace period). Returns the key
   * as it now is; revoking a revoked key changes nothing. Undefined when the tenant has no such key.
   */
  async revoke(tenantId: string, id: string): Promise<ApiKeyRecord | undefined> {
    const nowIso = this.now().toISOString();
    const row = await this.db
      .updateTable('api_keys')
      .set({ revoked_at: nowIso })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .where((eb) => eb.or([eb('revoked_at', 'is', null), eb('revoked_at', '>', nowIso)]))
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? this.get(tenantId, id) : toApiKeyRecord(row);
  }

  /**
   * Replaces the tenant's key with a new secret carrying the same name, role, budgets and
   * limits (and lineage, so spend and rate limits carry over). The old secret stops working
   * after `graceMs`. Throws NotFoundError for another tenant's key, ConflictError for a revoked one.
   */
  async rotate(tenantId: string, id: string, options: RotateApiKeyOptions = {}): Promise<CreatedApiKey> {
    const now = this.now();
    const nowIso = now.toISOString();
    const oldRevokedAt = new Date(now.getTime() + Math.max(0, options.graceMs ?? 0)).toISOString();
    return inWriteTransaction(this.db, this.dialect, async (trx) => {
      const old = await trx
        .selectFrom('api_keys')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .$if(this.dialect === 'postgres', (query) => query.forUpdate())
        .executeTakeFirst();
      if (old === undefined) {
        throw new NotFoundError({ entity: 'api key', id, tenantId });
      }
      if (old.revoked_at !== null) {
        throw new ConflictError({ entity: 'api key', tenantId, field: 'revokedAt', value: old.revoked_at, message: `api key ${id} is revoked or already rotated` });
      }
      const record = toApiKeyRecord(old);
      const { row, plaintext } = newKeyRow({
        ...record,
        id: newKeyId(),
        createdAt: nowIso,
        lineageId: old.lineage_id,
        rotatedFromId: old.id,
      });
      await trx.insertInto('api_keys').values(row).execute();
      await trx.updateTable('api_keys').set({ revoked_at: oldRevokedAt }).where('id', '=', old.id).execute();
      return { key: toApiKeyRecord(row), plaintext };
    });
  }
}

function newKeyId(): string {
  return `key_${randomUUID().replaceAll('-', '')}`;
}

interface NewKeyFields extends CreateApiKeyInput {
  readonly id: string;
  readonly createdAt: string;
  readonly lineageId: string;
  readonly rotatedFromId: string | null;
}

function newKeyRow(fields: NewKeyFields): { row: Selectable<ApiKeysTable>; plaintext: string } {
  if (!API_KEY_ROLES.includes(fields.role)) {
    throw new RangeError(`unknown API key role "${String(fields.role)}"`);
  }
  for (const [name, limit] of Object.entries(fields.limits ?? {})) {
    if (limit !== undefined && (!Number.isSafeInteger(limit) || limit <= 0)) {
      throw new RangeError(`API key limit ${name} must be a positive integer, got ${limit}`);
    }
  }
  const plaintext = generateApiKeySecret();
  const { prefix, last4 } = visibleKeyParts(plaintext);
  const budgets = fields.budgets ?? {};
  const row: Selectable<ApiKeysTable> = {
    id: fields.id,
    tenant_id: fields.tenantId,
    user_id: fields.userId ?? null,
    name: fields.name,
    role: fields.role,
    secret_hash: hashApiKey(plaintext),
    prefix,
    last4,
    daily_budget_nanos: budgets.dailyUsd === undefined ? null : usdToNanos(budgets.dailyUsd),
    monthly_budget_nanos: budgets.monthlyUsd === undefined ? null : usdToNanos(budgets.monthlyUsd),
    rpm: fields.limits?.rpm ?? null,
    tpm: fields.limits?.tpm ?? null,
    created_at: fields.createdAt,
    revoked_at: null,
    rotated_from_id: fields.rotatedFromId,
    lineage_id: fields.lineageId,
  };
  return { row, plaintext };
}
