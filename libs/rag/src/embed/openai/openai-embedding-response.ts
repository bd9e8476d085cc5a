import { z } from 'zod';

/** The parts of an embeddings response Ballast reads; servers that send floats instead of base64 are accepted. */
export const openAiEmbeddingResponseSchema = z.object({
  data: z.array(
    z.object({
      index: z.number().int().nonnegative(),
      embedding: z.union([z.string(), z.array(z.number())]),
    }),
  ),
  usage: z.object({ prompt_tokens: z.number().int().nonnegative().nullish() }).nullish(),
});

export type OpenAiEmbeddingResponse = z.infer<typeof openAiEmbeddingResponseSchema>;

/** A vector from `encoding_format: 'base64'` (little-endian float32) or from a plain array of numbers. */
export function decodeOpenAiEmbedding(embedding: string | readonly number[]): Float32Array {
  if (typeof embedding !== 'string') return Float32Array.from(embedding);
  const bytes = Buffer.from(embedding, 'base64');
  if (bytes.length % 4 !== 0) throw new RangeError(`base64 embedding has ${bytes.length} bytes, not a whole number of float32s`);
  const vector = new Float32Array(bytes.length / 4);
  for (let index = 0; index < vector.length; index += 1) vector[index] = bytes.readFloatLE(index * 4);
  return vector;
}
