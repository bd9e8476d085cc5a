/** The non-blank lines of a streamed text body, decoded as UTF-8, without holding the whole body. */
export async function* readJsonlLines(body: ReadableStream<Uint8Array> | null): AsyncGenerator<string> {
  if (body === null) return;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pending += decoder.decode(value, { stream: true });
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') yield line;
    }
    finished = true;
    pending += decoder.decode();
    if (pending.trim() !== '') yield pending;
  } finally {
    // A consumer that stops early must not leave the connection half-read.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
