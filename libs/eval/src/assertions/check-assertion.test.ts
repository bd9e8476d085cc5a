import { type Observation } from '../observation.js';
import { checkAssertion } from './check-assertion.js';

const observation = (answer: string, overrides: Partial<Observation> = {}): Observation => ({ answer, citations: 0, latencyMs: 10, costUsd: 0, ...overrides });

describe('checkAssertion', () => {
  it('reads a single not-contains value and reports what it found', async () => {
    const result = await checkAssertion({ type: 'not-contains', value: ['non-refundable'] }, 'Q?', observation('The deposit is non‑refundable.'));
    expect(result).toEqual({ type: 'not-contains', status: 'fail', required: true, expected: 'none of "non-refundable"', actual: 'found "non-refundable"', reason: 'states "non-refundable"' });
  });

  it('matches regexes on the raw answer with their flags', async () => {
    expect((await checkAssertion({ type: 'regex', value: 'THIRTY', flags: 'i' }, 'Q?', observation('thirty days'))).status).toBe('pass');
    expect((await checkAssertion({ type: 'regex', value: 'THIRTY' }, 'Q?', observation('thirty days'))).status).toBe('fail');
  });

  it('counts distinct cited sources', async () => {
    const cited = observation('x [1] [1] [3]', { citations: [{ index: 1 }, { index: 1 }, { index: 3 }] });
    expect(await checkAssertion({ type: 'citations', min: 2 }, 'Q?', cited)).toMatchObject({ status: 'pass', actual: '2 cited' });
    expect(await checkAssertion({ type: 'citations' }, 'Q?', observation('x'))).toMatchObject({ status: 'fail', expected: '≥ 1 cited source' });
  });

  it('skips a bound that was not measured', async () => {
    expect(await checkAssertion({ type: 'latency', threshold: 100 }, 'Q?', observation('x', { latencyMs: Number.NaN }))).toMatchObject({ status: 'skipped', reason: 'no latency measured' });
  });

  it('keeps `required: false`', async () => {
    expect(await checkAssertion({ type: 'llm-rubric', value: 'Polite', required: false }, 'Q?', observation('x'))).toMatchObject({ status: 'skipped', required: false });
  });
});
