import { SEARCH_ATTRIBUTES } from '#libs/contracts';
import { REQUEST_STATUSES, type ListRequestsQuery } from './list-requests-query.dto.js';

/**
 * The Temporal visibility query for a tenant's chat requests. Every value was checked by the
 * query schema (identifiers, dates), so quoting them cannot change the query's shape.
 */
export function requestsVisibilityQuery(tenantId: string, query: Omit<ListRequestsQuery, 'limit' | 'cursor' | 'tenant_id'>): string {
  const clauses = [`WorkflowType = "chatWorkflow"`, `${SEARCH_ATTRIBUTES.tenant.name} = ${literal(tenantId)}`];
  if (query.status !== undefined) {
    const statuses = [...new Set(query.status.map((status) => REQUEST_STATUSES[status]))];
    clauses.push(statuses.length === 1 ? `ExecutionStatus = "${statuses[0]}"` : `(${statuses.map((status) => `ExecutionStatus = "${status}"`).join(' OR ')})`);
  }
  if (query.since !== undefined) clauses.push(`StartTime >= "${query.since.toISOString()}"`);
  if (query.until !== undefined) clauses.push(`StartTime < "${query.until.toISOString()}"`);
  if (query.route !== undefined) clauses.push(`${SEARCH_ATTRIBUTES.route.name} = "${query.route}"`);
  if (query.model !== undefined) clauses.push(`${SEARCH_ATTRIBUTES.model.name} = "${query.model}"`);
  if (query.user !== undefined) clauses.push(`${SEARCH_ATTRIBUTES.user.name} = "${query.user}"`);
  return clauses.join(' AND ');
}

/** A string literal of the query language; tenant ids come from keys, not from the query schema. */
function literal(value: string): string {
  if (/["'\\\n]/.test(value)) throw new Error(`cannot query for ${JSON.stringify(value)}: quotes and backslashes are not allowed`);
  return `"${value}"`;
}
