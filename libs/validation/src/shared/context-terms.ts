/**
 * The stemmed relevance terms of `#libs/context` (`termsOf`: lower-cased, stopwords and single
 * letters dropped, "refunds"/"refund" and "billed"/"billing" meet) and their five-letter
 * prefixes (`prefixOf`: "extend"/"extension"), so claims and sources are compared with exactly
 * the terms retrieval and compression use.
 */
export { prefixOf, termsOf } from '#libs/context';
