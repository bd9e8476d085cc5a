/**
 * Function words that occur in nearly every English chunk. Left in an OR query they match
 * (and make the engine score) almost the whole index while adding almost nothing to BM25,
 * since their IDF is near zero. Postgres's `english` configuration drops the same kind of
 * words itself; this list does it for SQLite's FTS5 and keeps both dialects alike.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by can ' +
    'could did do does doing down during each few for from further had has have having he her here hers herself him himself his ' +
    'how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves ' +
    'out over own same she should so some such than that the their theirs them themselves then there these they this those ' +
    'through to too under until up very was we were what when where which while who whom why will with would you your yours ' +
    'yourself yourselves'
  ).split(' '),
);
