import { errorMessage } from './doctor-check.js';

/** What an authenticated GET answered: a status, or the reason nothing came back. */
export type ProbeOutcome = { readonly kind: 'answered'; readonly status: number; readonly body: string } | { readonly kind: 'unreachable'; readonly reason: string };

/** One GET bounded by `timeoutMs`; never throws. */
export async function probe(fetchFunction: typeof fetch, url: string, headers: Record<string, string>, timeoutMs: number): Promise<ProbeOutcome> {
  try {
    const response = await fetchFunction(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.text()).slice(0, 300);
    return { kind: 'answered', status: response.status, body };
  } catch (error) {
    // A DOMException, which is not an Error in every realm: recognised by its name.
    const timedOut = typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'TimeoutError';
    const reason = timedOut ? `no answer within ${timeoutMs} ms` : errorMessage(error);
    return { kind: 'unreachable', reason };
  }
}
