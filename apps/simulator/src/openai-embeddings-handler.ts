import { z } from 'zod';
import { beginModelCall } from './begin-model-call.js';
import { describeFirstIssue } from './describe-issue.js';
import type { Exchange } from './exchange.js';
import { DEFAULT_EMBEDDING_DIMENSIONS, embedText, encodeEmbeddingBase64 } from './lexical-embedding.js';
import { sendProviderError } from './provider-errors.js';
import type { SimulatorState } from './simulator-state.js';
import { estimateTokens } from './token-estimate.js';

const tokenArray = z.array(z.number().int());

/** The embeddings request fields the simulator reads. Token-id inputs are embedded by their digits. */
const embeddingsRequestSchema = z.looseObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.string()).min(1), tokenArray.min(1), z.array(tokenArray).min(1)]),
  dimensions: z.number().int().positive().max(65536).nullish(),
  encoding_format: z.enum(['float', 'base64']).nullish(),
});

function inputTexts(input: z.infer<typeof embeddingsRequestSchema>['input']): string[] {
  if (typeof input === 'string') return [input];
  const first = input[0];
  if (typeof first === 'number') return [(input as number[]).join(' ')];
  if (Array.isArray(first)) return (input as number[][]).map((tokens) => tokens.join(' '));
  return input as string[];
}

/** `POST /v1/embeddings`: deterministic unit vectors; the official SDK's default base64 encoding is honoured. */
export async function handleOpenAiEmbeddings(state: SimulatorState, exchange: Exchange, body: unknown): Promise<void> {
  const parsed = embeddingsRequestSchema.safeParse(body);
  if (!parsed.success) {
    sendProviderError(exchange, { status: 400, ...describeFirstIssue(parsed.error) });
    return;
  }
  const request = parsed.data;
  const call = await beginModelCall(state, exchange, { model: request.model, streaming: false });
  if (!call) return;

  const dimensions = request.dimensions ?? DEFAULT_EMBEDDING_DIMENSIONS;
  const texts = inputTexts(request.input);
  const data = texts.map((text, index) => {
    const vector = embedText(text, dimensions);
    return { object: 'embedding', index, embedding: request.encoding_format === 'base64' ? encodeEmbeddingBase64(vector) : vector };
  });
  const inputTokens = texts.reduce((sum, text) => sum + estimateTokens(text), 0);
  exchange.sendJson(200, { object: 'list', data, model: request.model, usage: { prompt_tokens: inputTokens, total_tokens: inputTokens } });
  if (exchange.clientGone.aborted) state.stats.recordFailure(request.model, 'client-closed');
  else state.stats.recordSuccess(request.model, { inputTokens, outputTokens: 0 });
}
