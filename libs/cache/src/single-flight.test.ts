import { SingleFlight } from './single-flight.js';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

test('identical calls arriving together make one call and share its result', async () => {
  const flight = new SingleFlight<string, string>();
  const provider = deferred<string>();
  let calls = 0;
  const work = () => {
    calls += 1;
    return provider.promise;
  };
  const first = flight.run('key', work);
  const second = flight.run('key', work);
  expect(flight.has('key')).toBe(true);
  provider.resolve('answer');
  await expect(first).resolves.toEqual({ value: 'answer', joined: false });
  await expect(second).resolves.toEqual({ value: 'answer', joined: true });
  expect(calls).toBe(1);
  expect(flight.size).toBe(0);
});

test('different keys run separately', async () => {
  const flight = new SingleFlight<string, number>();
  const [a, b] = await Promise.all([flight.run('a', async () => 1), flight.run('b', async () => 2)]);
  expect([a.value, b.value]).toEqual([1, 2]);
});

test('a failure reaches every joined caller and is not remembered', async () => {
  const flight = new SingleFlight<string, string>();
  const provider = deferred<string>();
  const first = flight.run('key', () => provider.promise);
  const second = flight.run('key', () => provider.promise);
  provider.reject(new Error('rate limited'));
  await expect(first).rejects.toThrow('rate limited');
  await expect(second).rejects.toThrow('rate limited');
  await expect(flight.run('key', async () => 'retry')).resolves.toEqual({ value: 'retry', joined: false });
});

test('work that throws synchronously rejects instead of escaping', async () => {
  const flight = new SingleFlight<string, string>();
  await expect(
    flight.run('key', () => {
      throw new Error('boom');
    }),
  ).rejects.toThrow('boom');
  expect(flight.has('key')).toBe(false);
});
