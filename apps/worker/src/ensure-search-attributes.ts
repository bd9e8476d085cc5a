import type { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTE_DECLARATIONS } from '#libs/contracts';
// A CommonJS package whose namespace object Node's ESM loader cannot split into named exports.
import proto from '@temporalio/proto';

/**
 * Registers Ballast's search attributes on a Temporal cluster that lacks them. The dev server
 * gets them on its command line, but only when it creates its database: one kept in `data/`
 * from an older Ballast lacks the attributes added since. Safe to call at every start.
 */
export async function ensureSearchAttributes(connection: Pick<Connection, 'operatorService'>, namespace: string): Promise<void> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = SEARCH_ATTRIBUTE_DECLARATIONS.filter((attribute) => !(attribute.name in (existing.customAttributes ?? {})));
  if (missing.length === 0) return;
  const types = proto.temporal.api.enums.v1.IndexedValueType;
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(
      missing.map((attribute) => [attribute.name, attribute.type === 'Double' ? types.INDEXED_VALUE_TYPE_DOUBLE : types.INDEXED_VALUE_TYPE_KEYWORD]),
    ),
  });
}
