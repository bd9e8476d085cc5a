import { TopK } from './top-k.js';

test('keeps the k best items, best first, whatever order they arrive in', () => {
  const top = new TopK<string>(3);
  for (const [item, score] of [['a', 0.1], ['b', 0.9], ['c', 0.5], ['d', 0.7], ['e', 0.2]] as const) top.offer(item, score);
  expect(top.items).toEqual(['b', 'd', 'c']);
  expect(top.scores).toEqual([0.9, 0.7, 0.5]);
  expect(top.floor).toBe(0.5);
});

test('with fewer than k offers everything is kept; k = 0 keeps nothing', () => {
  const top = new TopK<number>(5);
  top.offer(1, 0.3);
  top.offer(2, 0.4);
  expect(top.items).toEqual([2, 1]);
  expect(top.floor).toBe(Number.NEGATIVE_INFINITY);
  const none = new TopK<number>(0);
  none.offer(1, 1);
  expect(none.items).toEqual([]);
});
