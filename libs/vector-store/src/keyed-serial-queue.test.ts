import { KeyedSerialQueue } from './keyed-serial-queue.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('KeyedSerialQueue', () => {
  test('runs tasks of one key one at a time in order, and other keys alongside', async () => {
    const queue = new KeyedSerialQueue();
    const events: string[] = [];
    const gate = deferred();
    const first = queue.run('table', async () => {
      events.push('first start');
      await gate.promise;
      events.push('first end');
    });
    const second = queue.run('table', async () => {
      events.push('second');
    });
    const other = queue.run('other-table', async () => {
      events.push('other');
    });
    await other;
    expect(events).toEqual(['first start', 'other']);
    gate.resolve();
    await Promise.all([first, second]);
    expect(events).toEqual(['first start', 'other', 'first end', 'second']);
  });

  test('a failed task rejects its caller but does not block the next one', async () => {
    const queue = new KeyedSerialQueue();
    const failed = queue.run('table', async () => {
      throw new Error('disk full');
    });
    const next = queue.run('table', async () => 'written');
    await expect(failed).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('written');
    await queue.idle();
  });
});
