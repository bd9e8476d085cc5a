import { evaluateQuery } from './evaluate-query.js';
import { loadSuite } from './load-suite.js';
import { type Observation, type RubricGrader } from './observation.js';
import { type Assertion, type EvalQuery } from './suite-schema.js';
import { SAMPLE_SUITE_YAML } from './testing/sample-suite.js';

const suite = loadSuite(SAMPLE_SUITE_YAML);
const [refundWindow, ceoSalary, followUp] = suite.queries as [EvalQuery, EvalQuery, EvalQuery];

const observed = (overrides: Partial<Observation> = {}): Observation => ({
  answer: 'You can return items within 30 days with the original receipt [1].',
  groundedness: 0.92,
  citations: [{ index: 1 }, { index: 1 }, { index: 2 }],
  latencyMs: 1800,
  costUsd: 0.002,
  route: 'rag',
  model: 'gpt-4o-mini',
  ...overrides,
});

const query = (assert: Assertion[]): EvalQuery => ({ id: 'q', tags: [], question: 'Q?', messages: [{ role: 'user', content: 'Q?' }], assert });

describe('evaluateQuery', () => {
  it('passes a correct answer, with a result per assertion', async () => {
    const result = await evaluateQuery(refundWindow, observed());
    expect(result).toMatchObject({ id: 'refund-window', status: 'pass', pass: true, citations: 2, latencyMs: 1800, costUsd: 0.002, groundedness: 0.92, route: 'rag', graderCostUsd: 0 });
    expect(result.reason).toBeUndefined();
    expect(result.assertions.map((assertion) => [assertion.type, assertion.status])).toEqual([
      ['contains-all', 'pass'],
      ['contains-any', 'pass'],
      ['not-contains', 'pass'],
      ['regex', 'pass'],
      ['groundedness', 'pass'],
      ['citations', 'pass'],
      ['latency', 'pass'],
      ['cost', 'pass'],
    ]);
  });

  it('fails a wrong answer, giving the first failure as the reason', async () => {
    const result = await evaluateQuery(refundWindow, observed({ answer: 'You can return items within 60 days [1].', groundedness: 0.5 }));
    expect(result).toMatchObject({ status: 'fail', pass: false, reason: 'contains-all: missing "30 days", "receipt"' });
    const byType = Object.fromEntries(result.assertions.map((assertion) => [assertion.type, assertion]));
    expect(byType['contains-any']).toMatchObject({ status: 'fail', actual: 'none found' });
    expect(byType['not-contains']).toMatchObject({ status: 'fail', expected: 'none of "60 days"', actual: 'found "60 days"' });
    expect(byType['regex']).toMatchObject({ status: 'fail', reason: 'no match for /\\b30\\b/i' });
    expect(byType['groundedness']).toMatchObject({ status: 'fail', expected: '≥ 0.80', actual: '0.50' });
  });

  it('checks latency, cost and citations bounds', async () => {
    const result = await evaluateQuery(
      query([
        { type: 'latency', threshold: 1000 },
        { type: 'cost', threshold: 0.001 },
        { type: 'citations', min: 3 },
        { type: 'citations' },
      ]),
      observed({ latencyMs: 1500, costUsd: 0.0042, citations: 2 }),
    );
    expect(result.assertions).toEqual([
      expect.objectContaining({ type: 'latency', status: 'fail', expected: '≤ 1,000 ms', actual: '1,500 ms' }),
      expect.objectContaining({ type: 'cost', status: 'fail', actual: '$0.0042' }),
      expect.objectContaining({ type: 'citations', status: 'fail', reason: 'cites 2 sources, wants at least 3' }),
      expect.objectContaining({ type: 'citations', status: 'pass' }),
    ]);
    expect((await evaluateQuery(query([{ type: 'latency', threshold: 1500 }]), observed({ latencyMs: 1500 }))).status).toBe('pass');
  });

  it('grades refusals', async () => {
    const refused = await evaluateQuery(ceoSalary, observed({ answer: 'I could not find a reliable answer to that in the available sources.', groundedness: undefined, citations: [] }));
    expect(refused.status).toBe('pass');
    const hallucinated = await evaluateQuery(ceoSalary, observed({ answer: 'The CEO earns $450,000 a year.', citations: [] }));
    expect(hallucinated).toMatchObject({ status: 'fail', reason: 'refusal: answers: "The CEO earns $450,000 a year."' });
  });

  it('skips llm-rubric without a grader, so the query is incomplete, never passed', async () => {
    const result = await evaluateQuery(followUp, observed({ answer: 'Yes, the deposit is refundable.' }));
    expect(result).toMatchObject({ status: 'incomplete', pass: false, reason: 'llm-rubric skipped: no rubric grader configured' });
    expect(result.assertions[1]).toMatchObject({ type: 'llm-rubric', status: 'skipped', required: true });
    const optional = await evaluateQuery(query([{ type: 'llm-rubric', value: 'Polite.', required: false }, { type: 'refusal' }]), observed({ answer: 'The sources do not mention it.' }));
    expect(optional).toMatchObject({ status: 'pass', pass: true });
  });

  it('grades llm-rubric with the grader port, counting its cost', async () => {
    const calls: string[][] = [];
    const grader: RubricGrader = async (rubric, question, answer) => {
      calls.push([rubric, question, answer]);
      return { pass: answer.includes('refundable'), reason: 'judge says so', costUsd: 0.0005 };
    };
    const result = await evaluateQuery(followUp, observed({ answer: 'Yes, the deposit is refundable.' }), { rubricGrader: grader });
    expect(result).toMatchObject({ status: 'pass', graderCostUsd: 0.0005 });
    expect(calls).toEqual([['Says the deposit is refundable.', 'And is it refundable?', 'Yes, the deposit is refundable.']]);
    const failing = await evaluateQuery(followUp, observed({ answer: 'Yes.' }), { rubricGrader: grader });
    expect(failing).toMatchObject({ status: 'fail', reason: 'llm-rubric: judge says so' });
    const broken = await evaluateQuery(followUp, observed({ answer: 'Yes.' }), {
      rubricGrader: async () => {
        throw new Error('judge timed out');
      },
    });
    expect(broken).toMatchObject({ status: 'incomplete', reason: 'llm-rubric skipped: rubric grader failed: judge timed out' });
  });

  it('skips groundedness when validation did not run', async () => {
    const result = await evaluateQuery(query([{ type: 'groundedness', threshold: 0.8 }]), observed({ groundedness: undefined }));
    expect(result).toMatchObject({ status: 'incomplete', reason: 'groundedness skipped: no groundedness score (answer validation did not run)' });
  });

  it('fails an errored request with the error as the reason, without grading', async () => {
    let graded = 0;
    const grader: RubricGrader = async () => {
      graded += 1;
      return { pass: true, reason: '', costUsd: 1 };
    };
    const result = await evaluateQuery(followUp, observed({ answer: '', error: { code: 'PROVIDER_TIMEOUT', message: 'upstream timed out' } }), { rubricGrader: grader });
    expect(result).toMatchObject({ status: 'error', pass: false, reason: 'request failed: PROVIDER_TIMEOUT: upstream timed out', error: { code: 'PROVIDER_TIMEOUT' }, graderCostUsd: 0 });
    expect(result.assertions.every((assertion) => assertion.status === 'fail')).toBe(true);
    expect(graded).toBe(0);
  });

  it('passes a query whose optional assertions are all that was skipped', async () => {
    const result = await evaluateQuery(query([{ type: 'groundedness', threshold: 0.8, required: false }]), observed({ groundedness: undefined }));
    expect(result.status).toBe('pass');
  });
});
