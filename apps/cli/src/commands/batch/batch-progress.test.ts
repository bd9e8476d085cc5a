import { batchProgressLine, createBatchProgress, EtaEstimator, type BatchProgressSnapshot } from './batch-progress.js';

const snapshot: BatchProgressSnapshot = { status: 'in_progress', done: 12, expected: 40, failed: 2, costUsd: 0.0123, elapsedMs: 185_000, etaMs: 450_000 };

function capture(columns?: number) {
  const chunks: string[] = [];
  return { stream: { write: (text: string) => chunks.push(text), isTTY: columns !== undefined, columns }, text: () => chunks.join('') };
}

describe('batchProgressLine', () => {
  test('status, done of expected, failed, a bar, cost, elapsed and ETA', () => {
    expect(batchProgressLine(snapshot, 100)).toBe('in_progress  12/40 (2 failed) [########--------------------] $0.0123  3m 05s  ETA 7m 30s');
  });

  test('no bar without a width (logs), nor when the terminal is narrow', () => {
    expect(batchProgressLine(snapshot)).toBe('in_progress  12/40 (2 failed)  $0.0123  3m 05s  ETA 7m 30s');
    expect(batchProgressLine({ ...snapshot, failed: 0, etaMs: undefined }, 45)).toBe('in_progress  12/40  $0.0123  3m 05s  ETA -');
    expect(batchProgressLine({ ...snapshot, failed: 0, etaMs: undefined }, 60)).toBe('in_progress  12/40 [####----------] $0.0123  3m 05s  ETA -');
    expect(batchProgressLine(snapshot, 30)).toHaveLength(30);
  });

  test('an empty batch draws an empty bar', () => {
    expect(batchProgressLine({ ...snapshot, done: 0, expected: 0, failed: 0 }, 80)).toContain('0/0 [---');
  });
});

describe('EtaEstimator', () => {
  test('from the rate seen while following', () => {
    const eta = new EtaEstimator();
    expect(eta.estimate(0, 10, 40, 60_000)).toBe(180_000); // nothing seen yet: 10 in 60 s since creation
    expect(eta.estimate(10_000, 20, 40, 70_000)).toBe(20_000); // 10 more in 10 s: 20 left at 1/s
  });

  test('unknown before anything finished; 0 once everything has', () => {
    const eta = new EtaEstimator();
    expect(eta.estimate(0, 0, 40, 5000)).toBeUndefined();
    expect(eta.estimate(5000, 40, 40, 10_000)).toBe(0);
  });
});

describe('createBatchProgress', () => {
  test('a terminal: one line redrawn in place, ended with a newline', () => {
    const output = capture(80);
    const progress = createBatchProgress(output.stream);
    progress.update(snapshot, 0);
    progress.update({ ...snapshot, done: 40, etaMs: 0, status: 'finalizing' }, 1000);
    progress.finish({ ...snapshot, done: 40, etaMs: 0, status: 'completed' });
    const text = output.text();
    expect(text.startsWith('\rin_progress  12/40')).toBe(true);
    expect(text).toContain('\rfinalizing  40/40');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(2);
  });

  test('logs: a line on each status change, and on progress at most every interval', () => {
    const output = capture();
    const progress = createBatchProgress(output.stream, 10_000);
    progress.update(snapshot, 0);
    progress.update({ ...snapshot, done: 13 }, 5000); // too soon
    progress.update({ ...snapshot, done: 14 }, 10_000);
    progress.update({ ...snapshot, done: 14 }, 30_000); // no change
    progress.update({ ...snapshot, done: 14, status: 'finalizing' }, 30_001);
    progress.finish();
    expect(output.text()).not.toContain('\r');
    expect(output.text().split('\n').filter(Boolean).map((line) => line.split('  ').slice(0, 2).join(' '))).toEqual(['in_progress 12/40 (2 failed)', 'in_progress 14/40 (2 failed)', 'finalizing 14/40 (2 failed)']);
  });
});
