import { createEstimatingCounter } from '#libs/context';
import { extractQuestion } from './extract-question.js';

const counter = createEstimatingCounter('other');
const document = Array.from({ length: 40 }, (_, index) => `Clause ${index}: the supplier delivers within ${index + 2} days of the order.`).join(' ');

describe('extractQuestion', () => {
  test('finds a question after a pasted document', () => {
    const text = `${document}\n\nWithin how many days must clause 7 deliveries arrive?`;
    const span = extractQuestion(text, counter);
    expect(text.slice(span.start, span.end)).toBe('Within how many days must clause 7 deliveries arrive?');
  });

  test('finds an instruction before it', () => {
    const text = `Summarise the delivery terms below.\n\n${document}\n\nClause 99: governing law is Dutch.`;
    const span = extractQuestion(text, counter);
    expect(text.slice(span.start, span.end)).toBe('Summarise the delivery terms below.');
  });

  test('is empty when the whole message is one long paragraph', () => {
    expect(extractQuestion(document, counter)).toEqual({ start: 0, end: 0 });
  });
});
