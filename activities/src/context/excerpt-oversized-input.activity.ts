import { Context } from '@temporalio/activity';
import type { ExcerptOversizedInputInput, ExcerptOversizedInputOutput } from '#libs/contracts';
import { createTokenCounter, splitOversizedInput } from '#libs/context';
import { cosineSimilarity, createLexicalEmbeddingModel } from '#libs/rag';
import { extractQuestion } from './extract-question.js';

/** Tokens per part of the message: what small embedding models read whole. */
const PART_TOKENS = 320;

/**
 * Turns an oversized message into an ephemeral per-request document: cut into parts, embedded
 * with the built-in lexical embedder, ranked against the request found inside the message, and
 * the best parts kept up to the budget. Returns spans and scores only (the text stays in the
 * request); nothing is stored, so there is nothing to clean up. Lexical on purpose: this runs
 * while the caller waits, and the offline neural model embeds ~1.3 parts/s on 2 cores
 * (bench/results/local-embeddings.md) — minutes for a pasted book.
 */
export function createExcerptOversizedInput() {
  const model = createLexicalEmbeddingModel();
  return async function excerptOversizedInput(input: ExcerptOversizedInputInput): Promise<ExcerptOversizedInputOutput> {
    const counter = await createTokenCounter(input.model);
    const question = extractQuestion(input.text, counter);
    const parts = splitOversizedInput(input.text, PART_TOKENS, counter);
    const questionText = input.text.slice(question.start, question.end).trim() || input.text.slice(0, 2_000);
    const [questionVector] = (await model.embed([questionText], { purpose: 'query' })).embeddings;
    const vectors: Float32Array[] = [];
    for (let start = 0; start < parts.length; start += model.maxBatchSize) {
      Context.current().heartbeat({ embedded: start, of: parts.length });
      vectors.push(...(await model.embed(parts.slice(start, start + model.maxBatchSize).map((part) => part.text))).embeddings);
    }
    const ranked = parts
      .map((part, index) => ({ part, score: questionVector && vectors[index] ? cosineSimilarity(questionVector, vectors[index]) : 0 }))
      .filter(({ part }) => !(part.start >= question.start && part.end <= question.end && question.end > question.start))
      .sort((left, right) => right.score - left.score || left.part.start - right.part.start);
    const excerpts: ExcerptOversizedInputOutput['excerpts'][number][] = [];
    let tokens = 0;
    for (const { part, score } of ranked) {
      if (tokens + part.tokens > input.budgetTokens) break;
      excerpts.push({ start: part.start, end: part.end, score: Math.round(score * 1e6) / 1e6 });
      tokens += part.tokens;
    }
    return { question, excerpts, parts: parts.length };
  };
}
