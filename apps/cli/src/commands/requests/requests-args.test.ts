import { parseRequestsArgs, RequestsUsageError } from './requests-args.js';

const env = { BALLAST_API_URL: 'http://127.0.0.1:9999/v1', BALLAST_API_KEY: 'sk-env' };

test('requests list passes its filters through as query parameters', () => {
  expect(parseRequestsArgs(['requests', 'list', '--status', 'failed', '--since', '2031-01-01', '--limit', '5'], env)).toEqual({
    kind: 'list',
    query: { status: 'failed', since: '2031-01-01', limit: '5' },
    json: false,
    connection: { apiUrl: 'http://127.0.0.1:9999', apiKey: 'sk-env' },
  });
});

test('replay and reset take one id; flags win over the environment', () => {
  expect(parseRequestsArgs(['replay', 'req_1', '--model', 'gpt-4.1', '--key', 'sk-flag'], env)).toMatchObject({ kind: 'replay', id: 'req_1', body: { model: 'gpt-4.1' }, connection: { apiKey: 'sk-flag' } });
  expect(parseRequestsArgs(['requests', 'reset', 'req_1', '--to', 'first-step'], env)).toMatchObject({ kind: 'reset', id: 'req_1', body: { to: 'first-step' } });
});

test.each([
  [['replay'], /exactly one request id/],
  [['replay', 'a', 'b'], /exactly one request id/],
  [['replay', 'a', '--route', 'x', '--model', 'y'], /not both/],
  [['requests', 'list', '--colour', 'red'], /colour/],
  [['requests', 'frobnicate'], /unknown subcommand/],
  [['reset', 'a', '--api', 'ftp://x'], /http\(s\) URL/],
])('%j is a usage error', (argv, message) => {
  expect(() => parseRequestsArgs(argv, env)).toThrow(RequestsUsageError);
  expect(() => parseRequestsArgs(argv, env)).toThrow(message);
});
