import { applyDetector } from './detector.js';
import { SECRET_DETECTORS } from './secret-detectors.js';

function detector(name: string) {
  const found = SECRET_DETECTORS.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no secret detector named ${name}`);
  return found;
}

function redactWith(name: string, text: string): string {
  return applyDetector(detector(name), text).text;
}

const OPENAI = 'sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z';
const ANTHROPIC = 'sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe-AbCd_EfGh';
const BALLAST = 'sk-ballast-ABCDefgh0123456789ABCDefgh0123456789WXYZ';
const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

test.each([
  ['private-key', `key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----\ndone`, 'key:\n[REDACTED:private-key]\ndone'],
  ['private-key', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAA (log cut off', '[REDACTED:private-key]'],
  ['private-key', '-----BEGIN PGP PRIVATE KEY BLOCK-----\nlQOYBF\n-----END PGP PRIVATE KEY BLOCK----- ok', '[REDACTED:private-key] ok'],
  ['url-password', 'postgres://ballast:s3cr3t@db.internal:5432/ballast', 'postgres://ballast:[REDACTED:url-password]@db.internal:5432/ballast'],
  ['url-password', 'redis://default:p@ss@cache:6379', 'redis://default:[REDACTED:url-password]@cache:6379'],
  ['jwt', `cookie session=${JWT}; path=/`, 'cookie session=[REDACTED:jwt]; path=/'],
  ['jwt', 'unsigned eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0. token', 'unsigned [REDACTED:jwt] token'],
  ['anthropic-key', `ANTHROPIC_API_KEY=${ANTHROPIC}`, 'ANTHROPIC_API_KEY=[REDACTED:anthropic-key]'],
  ['ballast-key', `key ${BALLAST} and sk-ballast-dev-0000.`, 'key [REDACTED:ballast-key] and [REDACTED:ballast-key].'],
  ['openai-key', `use ${OPENAI} here`, 'use [REDACTED:openai-key] here'],
  ['openai-key', '"sk-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb3dEf6h"', '"[REDACTED:openai-key]"'],
  ['stripe-key', 'stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc and rk_live_51H8wTUiX0rkX9c2bD', 'stripe [REDACTED:stripe-key] and [REDACTED:stripe-key]'],
  ['aws-access-key-id', 'id AKIAIOSFODNN7EXAMPLE, session ASIAY34FZKBOKMUTVV7A', 'id [REDACTED:aws-access-key-id], session [REDACTED:aws-access-key-id]'],
  ['aws-secret-access-key', `aws_secret_access_key = ${AWS_SECRET}`, 'aws_secret_access_key = [REDACTED:aws-secret-access-key]'],
  ['aws-secret-access-key', `{"SecretAccessKey": "${AWS_SECRET}"}`, '{"SecretAccessKey": "[REDACTED:aws-secret-access-key]"}'],
  ['github-token', 'ghp_1234567890abcdefghijklmnopqrstuvwxyz12 and gho_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', '[REDACTED:github-token] and [REDACTED:github-token]'],
  ['github-token', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', '[REDACTED:github-token]'],
  ['slack-token', 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx', '[REDACTED:slack-token]'],
  ['google-api-key', 'key=AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe&q=1', 'key=[REDACTED:google-api-key]&q=1'],
  ['bearer-token', 'Authorization: Bearer abc123.def456-ghi789', 'Authorization: Bearer [REDACTED:bearer-token]'],
  ['bearer-token', 'authorization: bearer mF_9.B5f-4.1JqM', 'authorization: bearer [REDACTED:bearer-token]'],
  ['key-value-secret', 'DB_PASSWORD=hunter2 PORT=5432', 'DB_PASSWORD=[REDACTED:key-value-secret] PORT=5432'],
  ['key-value-secret', 'https://x.test/cb?code=1&access_token=abc&state=2', 'https://x.test/cb?code=1&access_token=[REDACTED:key-value-secret]&state=2'],
  ['key-value-secret', '{"client_secret": "a b c", "apiKey":"k"}', '{"client_secret": "[REDACTED:key-value-secret]", "apiKey":"[REDACTED:key-value-secret]"}'],
  ['key-value-secret', "password: 'correct horse'", "password: '[REDACTED:key-value-secret]'"],
  ['key-value-secret', 'password: hunter2', 'password: [REDACTED:key-value-secret]'],
  ['key-value-secret', 'secret_key = d8f7a6s5d4f3', 'secret_key = [REDACTED:key-value-secret]'],
])('%s finds the secret in %j', (name, input, expected) => {
  const result = applyDetector(detector(name), input);
  expect(result.text).toBe(expected);
  expect(result.count).toBeGreaterThan(0);
});

test.each([
  ['private-key', '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----'],
  ['private-key', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'],
  ['url-password', 'https://user@example.com/path and https://example.com:8443/a:b@c'],
  ['jwt', 'eyJhbGciOiJIUzI1NiJ9 alone, and keyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIx.abc'],
  ['anthropic-key', 'sk-ant-short'],
  ['ballast-key', 'the sk-ballast- prefix'],
  ['openai-key', 'a risk-assessment-framework-for-everyone, sk-short, task-sk-Ab3dEf6hIj9kLm2nOp5qRs8t'],
  ['stripe-key', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc is a test key; sk_live_ alone'],
  ['aws-access-key-id', 'AKIA is a prefix; AKIAIOSFODNN7EXAMPLEXX is too long; akiaiosfodnn7example'],
  ['aws-secret-access-key', 'aws_secret_access_key = short, secret access key docs'],
  ['github-token', 'ghp_short and github_pat_ and ghx_1234567890abcdefghijklmnopqrstuvwxyz12'],
  ['slack-token', 'xoxz-1234567890-abc and xoxb-short'],
  ['google-api-key', 'AIza is how Google keys start; AIzaShort'],
  ['bearer-token', 'the bearer of bad news; Bearer instruments; bearer tokens are described in RFC 6750'],
  ['key-value-secret', 'max_tokens=100 tokenizer=cl100k token_count: 12 "tokens": 5'],
  ['key-value-secret', 'const CHARACTERS_PER_TOKEN = 4; const apiKey = provider.apiKey; apiKey: string;'],
  ['key-value-secret', 'The next token: the model picks it. Password: see the vault.'],
])('%s leaves %j alone', (name, input) => {
  expect(redactWith(name, input)).toBe(input);
});

test('a value already redacted by a more specific detector is not redacted again', () => {
  const once = redactWith('aws-secret-access-key', `aws_secret_access_key=${AWS_SECRET}`);
  expect(redactWith('key-value-secret', once)).toBe(once);
});

test('every secret detector has a distinct name', () => {
  const names = SECRET_DETECTORS.map((candidate) => candidate.name);
  expect(new Set(names).size).toBe(names.length);
});
