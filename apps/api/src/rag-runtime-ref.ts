import type { RagRuntime } from '#libs/rag-runtime';

/** Nest injection token (a class) for the process's document and vector stores. */
export class RagRuntimeRef {
  constructor(readonly runtime: RagRuntime) {}
}
