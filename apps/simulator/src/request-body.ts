import type { IncomingMessage } from 'node:http';

/** Largest request body accepted; generous, since long-context tests send big prompts. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** A body that could not be read as JSON; `status` is the HTTP status to answer with. */
export class RequestBodyError extends Error {
  override readonly name = 'RequestBodyError';
  constructor(
    message: string,
    readonly status: 400 | 413,
  ) {
    super(message);
  }
}

/** Reads the whole request body as bytes, refusing more than {@link MAX_BODY_BYTES}. */
export async function readRawBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new RequestBodyError(`Request body exceeds ${MAX_BODY_BYTES} bytes.`, 413);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads the whole request body and parses it as JSON (an empty body reads as `{}`). */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const text = (await readRawBody(request)).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RequestBodyError(`We could not parse the JSON body of your request. (${reason})`, 400);
  }
}
