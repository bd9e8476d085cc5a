import type { Citation, RetrievedChunkRef } from '#libs/contracts';
import type { PromptSource } from './grounding-prompt.js';

/** Turns retrieved chunk ids into prompt sources and the citations that number them. */
export type SourceLoader = (tenantId: string, chunks: readonly RetrievedChunkRef[]) => Promise<{ sources: PromptSource[]; citations: Citation[] }>;

/** For workers without a document store: retrieval is then refused before it reaches here. */
export const noSources: SourceLoader = async () => ({ sources: [], citations: [] });
