import { decideAdmission } from './admission.js';

test('a complete answer from a provider is admitted', () => {
  expect(decideAdmission({ finishReason: 'stop', content: 'Go to Orders → Cancel.' })).toEqual({ admit: true });
});

test.each([
  [{ finishReason: 'length' as const, content: 'Go to Ord' }, 'finish reason length'],
  [{ finishReason: 'content-filter' as const, content: 'x' }, 'finish reason content-filter'],
  [{ finishReason: 'tool-calls' as const, content: '' }, 'finish reason tool-calls'],
  [{ finishReason: 'error' as const, content: 'x' }, 'finish reason error'],
  [{ finishReason: 'stop' as const, content: '  \n' }, 'empty answer'],
  [{ finishReason: 'stop' as const, content: 'x', simulated: true }, 'simulated answer'],
])('anything else is turned away: %j', (candidate, reason) => {
  expect(decideAdmission(candidate)).toEqual({ admit: false, reason });
});
