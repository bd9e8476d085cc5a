import { ENGLISH_STOP_WORDS } from './english-stop-words.js';

/** Most terms a search uses; the rest of a very long query adds little but cost. */
export const MAX_SEARCH_TERMS = 64;

/**
 * The words of a user's query: runs of letters and digits (any script), lower-cased, de-duplicated,
 * English stop words dropped (unless nothing else is left), at most MAX_SEARCH_TERMS. Everything
 * else (quotes, operators, column filters, punctuation) is dropped, so no input can change the
 * meaning of the search syntax built from these terms.
 */
export function extractSearchTerms(query: string): string[] {
  const words = new Set<string>();
  for (const match of query.normalize('NFKC').matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    words.add(match[0].toLowerCase());
  }
  const all = [...words];
  const meaningful = all.filter((word) => !ENGLISH_STOP_WORDS.has(word));
  return (meaningful.length > 0 ? meaningful : all).slice(0, MAX_SEARCH_TERMS);
}

/**
 * An FTS5 MATCH expression for `query`: each term a quoted string (so `AND`, `NEAR`, `*`, `:`
 * are plain words), joined by OR so a chunk matching some words still ranks, as BM25 intends.
 * Undefined when the query has no words.
 */
export function toFts5Query(query: string): string | undefined {
  const terms = extractSearchTerms(query);
  return terms.length === 0 ? undefined : terms.map((term) => `"${term}"`).join(' OR ');
}

/**
 * A `to_tsquery` input for `query`: each term single-quoted (terms hold no quotes), joined by
 * `|`. Postgres stems them with the `english` configuration and drops stop words.
 * Undefined when the query has no words.
 */
export function toTsQuery(query: string): string | undefined {
  const terms = extractSearchTerms(query);
  return terms.length === 0 ? undefined : terms.map((term) => `'${term}'`).join(' | ');
}
