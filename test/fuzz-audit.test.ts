import { auditErrorResponses } from '../scripts/fuzz/problem-json-audit.js';

const entry = (status: number, contentType?: string) => ({
  request: { method: 'POST', url: `http://127.0.0.1/v1/x/${status}` },
  response: { status, headers: contentType === undefined ? [] : [{ name: 'Content-Type', value: contentType }] },
});

test('the fuzz audit flags every error response that is not problem+json, and counts 5xx', () => {
  const audit = auditErrorResponses({
    log: {
      entries: [
        entry(200, 'application/json'),
        entry(400, 'application/problem+json; charset=utf-8'),
        entry(404, 'application/json'),
        entry(500, 'application/problem+json'),
        entry(415),
      ],
    },
  });
  expect(audit).toEqual({
    responses: 5,
    errors: 4,
    serverErrors: 1,
    violations: [
      { method: 'POST', url: 'http://127.0.0.1/v1/x/404', status: 404, contentType: 'application/json' },
      { method: 'POST', url: 'http://127.0.0.1/v1/x/415', status: 415, contentType: '' },
    ],
  });
});
