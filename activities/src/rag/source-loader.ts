import type { Citation, RetrievedChunkRef } from '#libs/contracts';
import type { PromptSource } from './grounding-prompt.js';

/**
 * A retrieved chunk ready for the prompt, with its ingestion profile when the store has one
 * (`chunks.token_profile`: token counts and the analysis compression reads), so budgeting and
 * compression neither count nor analyse it again. The profile never reaches the model.
 */
export interface LoadedSource extends PromptSource {
  readonly tokenProfile?: string;
}

/** Turns retrieved chunk ids into prompt sources and the citations that number them. */
export type SourceLoader = (tenantId: string, chunks: readonly RetrievedChunkRef[]) => Promise<{ sources: LoadedSource[]; citations: Citation[] }>;

/** For workers without a document store: retrieval is then refused before it reaches here. */
export const noSources: SourceLoader = async () => ({ sources: [], citations: [] });
