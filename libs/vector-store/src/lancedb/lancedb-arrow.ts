import { createRequire } from 'node:module';

/**
 * The Apache Arrow module exactly as LanceDB loads it. LanceDB `require`s the CommonJS build and
 * checks tables with `instanceof`; a table built with the ES-module build (what `import` gives)
 * is rebuilt and then rejected ("Table and inner RecordBatch schemas must be equivalent"), so
 * vector tables must be built with this copy. (Jest's `createRequire` also resolves through its
 * registry, so tests get the same copy as LanceDB there too.)
 */
const requireCommonJs = createRequire(import.meta.url);
export const arrow = requireCommonJs('apache-arrow') as typeof import('apache-arrow');
