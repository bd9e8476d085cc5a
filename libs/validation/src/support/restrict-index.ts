import { type SourceIndex } from './source-index.js';

/**
 * The index seen through one source: its sentences and passages only, with the IDF and names of
 * all sources kept, so a claim scored against one cited source is weighed as against them all.
 */
export function restrictIndex(index: SourceIndex, sourceIndex: number): SourceIndex {
  return {
    sources: index.sources,
    sentences: index.sentences.filter((sentence) => sentence.sourceIndex === sourceIndex),
    passages: index.passages.filter((passage) => passage.sourceIndex === sourceIndex),
    knownNames: index.knownNames,
    sourceWords: index.sourceWords,
    idf: index.idf,
    distinctive: index.distinctive,
    isNameTerm: index.isNameTerm,
  };
}
