import { startCallDeadline } from './call-deadline.js';
import { LlmError } from './llm-error.js';
import { translateCallError } from './translate-call-error.js';

const base = { provider: 'p', modelId: 'm', timeoutMs: 100 };
const mapped = new LlmError({ kind: 'server-error', message: 'mapped', provider: 'p', modelId: 'm' });

describe('translateCallError', () => {
  test('our timeout wins over what the SDK made of the abort', () => {
    const deadline = { signal: new AbortController().signal, timedOut: true, dispose: () => undefined };
    const error = translateCallError(new Error('Request was aborted.'), { ...base, deadline, abortSignal: undefined, convert: () => mapped });
    expect(error).toMatchObject({ kind: 'timeout', provider: 'p', modelId: 'm' });
  });

  test("a caller's abort hands back the caller's reason", () => {
    const caller = new AbortController();
    const reason = new Error('cancelled');
    caller.abort(reason);
    const deadline = startCallDeadline({ timeoutMs: 100, abortSignal: caller.signal });
    expect(translateCallError(new Error('aborted'), { ...base, deadline, abortSignal: caller.signal, convert: () => mapped })).toBe(reason);
    deadline.dispose();
  });

  test('otherwise the mapper decides, and unknown errors pass through', () => {
    const deadline = startCallDeadline({ timeoutMs: 100 });
    const unknown = new TypeError('bug');
    expect(translateCallError(new Error('x'), { ...base, deadline, abortSignal: undefined, convert: () => mapped })).toBe(mapped);
    expect(translateCallError(unknown, { ...base, deadline, abortSignal: undefined, convert: () => undefined })).toBe(unknown);
    expect(translateCallError(mapped, { ...base, deadline, abortSignal: undefined, convert: () => undefined })).toBe(mapped);
    deadline.dispose();
  });
});
