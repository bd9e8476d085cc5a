import { createHash } from 'node:crypto';

/**
 * The space name for an embedding model and dimension count, e.g.
 * `text-embedding-3-small-1536d`. Characters a table name cannot hold become `_`, and a short
 * hash of the original model id is appended then, so `a/b` and `a_b` never share a space.
 */
export function vectorSpaceName(model: string, dimensions: number): string {
  if (!Number.isInteger(dimensions) || dimensions < 1) throw new Error(`dimensions must be a positive integer, got ${dimensions}`);
  const slug = model.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 96);
  const suffix = slug === model ? '' : `-${createHash('sha256').update(model).digest('hex').slice(0, 8)}`;
  return `${slug || 'model'}${suffix}-${dimensions}d`;
}
