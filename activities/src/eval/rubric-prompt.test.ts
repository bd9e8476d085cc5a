import { buildRubricPrompt, parseRubricVerdict } from './rubric-prompt.js';

test('the verdict is read from the first JSON object of the reply, prose around it ignored', () => {
  expect(parseRubricVerdict('Sure.\n{"pass": false, "reason": "It says 18 months."}\n')).toEqual({ pass: false, reason: 'It says 18 months.' });
  expect(parseRubricVerdict('{"pass": true}')).toEqual({ pass: true, reason: '' });
});

test('a reply without a usable verdict throws saying why (the rubric is then not graded)', () => {
  expect(() => parseRubricVerdict('Looks good to me!')).toThrow('did not reply with JSON');
  expect(() => parseRubricVerdict('{"pass": "yes"}')).toThrow('no boolean "pass"');
  expect(() => parseRubricVerdict('{pass: true}')).toThrow('does not parse');
});

test('the prompt carries the question, the answer and the rubric', () => {
  const [system, user] = buildRubricPrompt('Says no.', 'Can it?', 'It cannot [1].');
  expect(system?.content).toContain('{"pass": true or false');
  expect(user?.content).toBe('Question:\nCan it?\n\nAnswer:\nIt cannot [1].\n\nRubric:\nSays no.');
});
