import { buildWeeklyReview } from './build-weekly-review.js';
import type { ReviewRow, WeeklyReviewInput } from './weekly-review-types.js';

const base: Omit<ReviewRow, 'route'> = {
  requests: 100,
  answers: 100,
  meanGroundedness: 0.9,
  lowGroundednessShare: 0.02,
  costUsd: 1,
  p95Ms: 1000,
  fallbacks: 0,
  retries: 0,
  errors: 0,
  cacheHits: 0,
};
const group = (route: string, overrides: Partial<ReviewRow> = {}): ReviewRow => ({ ...base, route, ...overrides });

const input: WeeklyReviewInput = {
  periodStart: '2024-02-05T00:00:00.000Z',
  periodEnd: '2024-02-12T00:00:00.000Z',
  limit: 2,
  rows: [
    group('support', { promptTemplate: { id: 'faq', version: 3 }, requests: 1200, answers: 1180, meanGroundedness: 0.41, lowGroundednessShare: 0.32, costUsd: 50.4, p95Ms: 4200, fallbacks: 216, retries: 40, errors: 12, cacheHits: 36 }),
    group('billing', { requests: 300, answers: 300, meanGroundedness: null, lowGroundednessShare: null, costUsd: 3, p95Ms: 900 }),
    group('search', { requests: 500, answers: 500, meanGroundedness: 0.62, lowGroundednessShare: 0.18, costUsd: 2, p95Ms: 1800, fallbacks: 5 }),
    group('legal', { requests: 200, answers: 180, meanGroundedness: 0.62, lowGroundednessShare: 0.2, costUsd: 9, p95Ms: 4200, fallbacks: 10 }),
    group('tiny', { requests: 4, answers: 4, meanGroundedness: 0.05, costUsd: 40, p95Ms: 30_000, fallbacks: 4 }),
  ],
};

test('each section ranks the eligible groups by its figure, tie-broken by name, cut at the limit', () => {
  const review = buildWeeklyReview(input);
  expect(review.sections.lowestGroundedness.map((entry) => [entry.rank, entry.group, entry.figures.meanGroundedness])).toEqual([
    [1, 'support · faq v3', 0.41],
    [2, 'legal', 0.62],
  ]);
  expect(review.sections.highestCostPerAnswer.map((entry) => [entry.group, entry.figures.costPerAnswerUsd])).toEqual([
    ['legal', 0.05],
    ['support · faq v3', expect.closeTo(50.4 / 1180, 12)],
  ]);
  expect(review.sections.mostFallbacks.map((entry) => [entry.group, entry.figures.fallbackRate])).toEqual([
    ['support · faq v3', 0.18],
    ['legal', 0.05],
  ]);
  expect(review.sections.slowest.map((entry) => [entry.group, entry.figures.p95Ms])).toEqual([
    ['legal', 4200],
    ['support · faq v3', 4200],
  ]);
});

test('entries carry route, prompt template and a sentence on what to look at', () => {
  const [top] = buildWeeklyReview(input).sections.lowestGroundedness;
  expect(top).toEqual({
    rank: 1,
    group: 'support · faq v3',
    route: 'support',
    promptTemplate: { id: 'faq', version: 3 },
    figures: { meanGroundedness: 0.41, lowGroundednessShare: 0.32, answers: 1180 },
    lookAt:
      '**support · faq v3**: mean groundedness 0.41 over 1,180 answers, 32% of them below the threshold. Check what retrieval returns for these questions (collections, topK, minScore) and whether the prompt tells the model to answer only from its sources.',
  });
});

test('small groups count in the totals but not in the rankings, and groups without scores leave only that section', () => {
  const review = buildWeeklyReview(input);
  expect(review.totals).toEqual({ groups: 5, requests: 2204, answers: 2164, costUsd: expect.closeTo(104.4, 9) });
  expect(review.omitted).toEqual({ belowMinRequests: ['tiny'], withoutGroundedness: ['billing'] });
  const everyRanked = Object.values(review.sections).flatMap((entries) => entries.map((entry: { group: string }) => entry.group));
  expect(everyRanked).not.toContain('tiny');
  expect(buildWeeklyReview({ ...input, limit: 5 }).sections.slowest.map((entry) => entry.group)).toContain('billing');
});

test('the minimum can be lowered, and then small groups rank', () => {
  const review = buildWeeklyReview({ ...input, minRequests: 1 });
  expect(review.omitted.belowMinRequests).toEqual([]);
  expect(review.sections.slowest[0]?.group).toBe('tiny');
});

test('the ranking does not depend on the order of the rows', () => {
  const reversed = buildWeeklyReview({ ...input, rows: [...input.rows].reverse() });
  expect(reversed).toEqual(buildWeeklyReview(input));
});

test('the markdown has the period, the totals, the omissions and one table per section', () => {
  const { markdown } = buildWeeklyReview(input);
  expect(markdown).toContain('# Ballast weekly review: 2024-02-05 to 2024-02-11\n');
  expect(markdown).toContain('2,204 requests, 2,164 answers and $104.40 spent across 5 route and prompt groups');
  expect(markdown).toContain('1 group has fewer than 10 requests and is left out of the rankings: tiny.');
  expect(markdown).toContain('1 group has no groundedness scores and is not ranked here: billing.');
  expect(markdown).toContain(
    [
      '## Lowest groundedness',
      '',
      '| # | Route | Prompt | Mean groundedness | Below threshold | Answers |',
      '| ---: | --- | --- | ---: | ---: | ---: |',
      '| 1 | support | faq v3 | 0.41 | 32% | 1,180 |',
      '| 2 | legal | – | 0.62 | 20% | 180 |',
      '',
      'What to look at: **support · faq v3**: mean groundedness 0.41 over 1,180 answers, 32% of them below the threshold.',
    ].join('\n'),
  );
  expect(markdown).toContain('(2024-02-05 00:00 to 2024-02-12 00:00 UTC)');
  expect(markdown).toContain('| 1 | legal | – | $0.05 | $9.00 | 180 | 0% |');
  expect(markdown).toContain('| 2 | support | faq v3 | $0.0427 | $50.40 | 1,180 | 3% |');
  expect(markdown.match(/^What to look at: /gm)).toHaveLength(4);
  expect(markdown).toContain('| 1 | support | faq v3 | 18% | 216 | 40 | 12 | 1,200 |');
  expect(markdown).toContain('| 1 | legal | – | 4,200 ms | 200 |');
  expect(markdown.match(/^## /gm)).toHaveLength(4);
});

test('an empty section says so, and pipes in names do not break tables', () => {
  const { markdown, sections } = buildWeeklyReview({ ...input, rows: [group('a|b')] });
  expect(sections.mostFallbacks).toEqual([]);
  expect(markdown).toContain('## Most fallbacks\n\nNo group qualifies.');
  expect(markdown).toContain('| 1 | a\\|b | – | 1,000 ms | 100 |');
});

test.each([
  [{ ...input, periodEnd: input.periodStart }, 'start before end; got 2024-02-05T00:00:00.000Z to 2024-02-05T00:00:00.000Z'],
  [{ ...input, periodStart: 'last monday' }, 'review period must be two ISO instants'],
  [{ ...input, limit: 0 }, 'review limit must be a positive whole number, got 0'],
  [{ ...input, minRequests: 0.5 }, 'review minRequests must be a positive whole number, got 0.5'],
  [{ ...input, rows: [group('support'), group('support')] }, "review rows list group 'support' twice"],
])('bad input is refused with its facts: %#', (bad, message) => {
  expect(() => buildWeeklyReview(bad)).toThrow(message);
});
