import { DEVELOPMENT_API_KEY } from '#libs/config';
import { BatchUsageError, parseBatchArgs, parseCompletionWindow, parseLimit, parseMetadata } from './batch-args.js';
import { BATCH_USAGE, LIST_USAGE, RESULTS_USAGE, SUBMIT_USAGE } from './batch-usage.js';

const env = {};

function usageError(argv: readonly string[]): BatchUsageError {
  try {
    parseBatchArgs(argv, env);
  } catch (error) {
    if (error instanceof BatchUsageError) return error;
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('parseBatchArgs', () => {
  test('submit: file, options, repeated metadata, defaults for the connection', () => {
    const command = parseBatchArgs(
      ['submit', 'lines.jsonl', '--mode', 'Queued', '--completion-window', '2d', '--webhook-url', 'https://hooks.example.com/batch', '--metadata', 'team=search', '--metadata', 'query=a=b', '--wait', '--json'],
      env,
    );
    expect(command).toEqual({
      kind: 'submit',
      file: 'lines.jsonl',
      mode: 'queued',
      completionWindow: '2d',
      webhookUrl: 'https://hooks.example.com/batch',
      metadata: { team: 'search', query: 'a=b' },
      wait: true,
      json: true,
      connection: { apiUrl: 'http://127.0.0.1:8080', apiKey: DEVELOPMENT_API_KEY },
    });
  });

  test('submit: options left out stay undefined so the API applies its defaults', () => {
    expect(parseBatchArgs(['submit', 'x.jsonl'], env)).toMatchObject({ mode: undefined, completionWindow: undefined, webhookUrl: undefined, metadata: {}, wait: false, json: false });
  });

  test('the connection comes from flags, then the environment', () => {
    const fromEnv = parseBatchArgs(['status', 'batch_1'], { BALLAST_API_URL: 'http://api.test:9000/v1/', BALLAST_API_KEY: 'sk-env' });
    expect(fromEnv).toMatchObject({ connection: { apiUrl: 'http://api.test:9000', apiKey: 'sk-env' } });
    const fromFlags = parseBatchArgs(['status', 'batch_1', '--api', 'https://ballast.test', '--key', 'sk-flag'], { BALLAST_API_KEY: 'sk-env' });
    expect(fromFlags).toMatchObject({ connection: { apiUrl: 'https://ballast.test', apiKey: 'sk-flag' } });
  });

  test('status, results, cancel and list', () => {
    expect(parseBatchArgs(['status', 'batch_1', '--wait'], env)).toMatchObject({ kind: 'status', id: 'batch_1', wait: true, json: false });
    expect(parseBatchArgs(['results', 'batch_1', '-o', 'out.jsonl'], env)).toMatchObject({ kind: 'results', id: 'batch_1', output: 'out.jsonl' });
    expect(parseBatchArgs(['results', 'batch_1'], env)).toMatchObject({ kind: 'results', output: undefined });
    expect(parseBatchArgs(['cancel', 'batch_1', '--json'], env)).toMatchObject({ kind: 'cancel', id: 'batch_1', json: true });
    expect(parseBatchArgs(['list', '--limit', '5'], env)).toMatchObject({ kind: 'list', limit: 5, json: false });
    expect(parseBatchArgs(['list'], env)).toMatchObject({ kind: 'list', limit: undefined });
  });

  test('help: the command, a subcommand, and `help <subcommand>`', () => {
    expect(parseBatchArgs(['--help'], env)).toEqual({ kind: 'help', text: BATCH_USAGE });
    expect(parseBatchArgs(['submit', '--help'], env)).toEqual({ kind: 'help', text: SUBMIT_USAGE });
    expect(parseBatchArgs(['results', '-h'], env)).toEqual({ kind: 'help', text: RESULTS_USAGE });
    expect(parseBatchArgs(['help', 'list'], env)).toEqual({ kind: 'help', text: LIST_USAGE });
    // Help wins over missing arguments.
    expect(parseBatchArgs(['status', '--help'], env)).toMatchObject({ kind: 'help' });
  });

  test('usage errors name the subcommand whose help applies', () => {
    expect(usageError([]).message).toMatch(/give a subcommand/);
    expect(usageError(['frobnicate']).message).toMatch(/unknown subcommand 'frobnicate'/);
    expect(usageError(['submit'])).toMatchObject({ subcommand: 'submit', message: 'give the JSONL file to submit' });
    expect(usageError(['status', 'a', 'b']).message).toMatch(/unexpected argument 'b'/);
    expect(usageError(['status', 'batch_1', '--bogus']).message).toMatch(/--bogus/);
    expect(usageError(['submit', 'x.jsonl', '--mode', 'fast']).message).toBe("--mode must be provider or queued, not 'fast'");
    expect(usageError(['submit', 'x.jsonl', '--webhook-url', 'ftp://x']).message).toMatch(/--webhook-url must be an http\(s\) URL/);
    expect(usageError(['list', 'extra']).message).toMatch(/unexpected argument 'extra'/);
    expect(usageError(['list', '--api', 'not a url']).message).toMatch(/--api must be an http\(s\) URL/);
    expect(usageError(['results', 'batch_1', '-o', ' ']).message).toBe('--output needs a file name');
  });
});

describe('option values', () => {
  test('completion window: whole hours or days from 1h to 7d', () => {
    expect(parseCompletionWindow('24h')).toBe('24h');
    expect(parseCompletionWindow(' 7D ')).toBe('7d');
    expect(parseCompletionWindow('1h')).toBe('1h');
    expect(parseCompletionWindow(undefined)).toBeUndefined();
    for (const bad of ['0h', '8d', '169h', '1.5h', '30m', '24', 'h']) expect(() => parseCompletionWindow(bad)).toThrow(BatchUsageError);
  });

  test('metadata: key=value, the value may hold `=`, the last value of a key wins', () => {
    expect(parseMetadata(['a=1', 'b=x=y', 'a=2', 'empty='])).toEqual({ a: '2', b: 'x=y', empty: '' });
    expect(() => parseMetadata(['novalue'])).toThrow("--metadata takes key=value, not 'novalue'");
    expect(() => parseMetadata(['=1'])).toThrow(BatchUsageError);
  });

  test('limit: a whole number from 1', () => {
    expect(parseLimit('20')).toBe(20);
    for (const bad of ['0', '-1', '2.5', 'ten']) expect(() => parseLimit(bad)).toThrow(BatchUsageError);
  });
});
