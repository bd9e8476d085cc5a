import { detectRefusal, isRefusal } from './detect-refusal.js';

const REFUSALS = [
  'I could not find a reliable answer to that in the available sources.',
  'The provided documents do not mention a parental leave policy.',
  "I couldn't find any information about the CEO's salary, bonus, or stock options in the sources.",
  'This is not covered in the available information.',
  "The sources don't say how many employees the company has.",
  'Unfortunately, the documentation does not contain details about pricing in Japan. You may want to contact sales.',
  "I'm sorry, but the available documents don’t specify the warranty for refurbished items.",
  'There is no information about the Berlin office in the provided context.',
  'The documents only cover the return policy and shipping times; they do not mention gift cards.',
  "I don't know. The sources do not address this question.",
  'Based on the available sources, I cannot answer that question.',
  "The knowledge base doesn't include anything about remote work stipends. Would you like me to help with something else?",
  'None of the documents mention a loyalty program.',
  "That information isn't available in the documents I have access to.",
  'I was unable to find the answer in the provided sources.',
  'The sources are silent on this.',
  'The sources do not mention gift cards. They only cover returns and shipping.',
  'The documents mention the refund policy but do not say how long a refund takes.',
  'The context you gave does not specify the launch date [1].',
  "**I couldn't find this** in the available sources. Please check with HR for the latest details.",
  'The documents provided do not explicitly state the maximum file size.',
  'Nothing in the sources covers international shipping.',
  'The sources do not say so.',
];

const ANSWERS = [
  'Refunds are accepted within 30 days with a receipt [1].',
  'The documents do not mention a restocking fee, so returns are free within 30 days [1].',
  'I could not find this in the documents, but generally refunds take 30 days.',
  "The sources don't mention it. However, the standard warranty is two years.",
  'The warranty lasts two years; it does not cover water damage.',
  'The policy does not mention weekends, but support is open Monday to Friday.',
  'Yes. According to the handbook, employees get 25 days of vacation [2].',
  'Returns are not covered by the warranty.',
  'The documents state that refunds take 30 days [1].',
  '',
  'While the sources do not specify an exact date, the launch is planned for Q3 2025 [3].',
  'Personal information does not include your order history.',
  'Scanned documents do not include signatures.',
  'Refunds take 30 days. The sources do not mention exchanges.',
  "The sources don't say, but it is probably 30 days.",
  "The documents don't state the fee directly. Typically, the fee is 5 EUR per order.",
  'There is no fee for returns within 30 days.',
  'The sources do not mention whether refunds are still possible, so I would assume they are accepted within 30 days.',
];

describe('detectRefusal', () => {
  it.each(REFUSALS)('refusal: %j', (answer) => {
    const detection = detectRefusal(answer);
    expect(detection).toMatchObject({ refusal: true });
    expect(detection.refusing).toBeDefined();
  });

  it.each(ANSWERS)('not a refusal: %j', (answer) => {
    expect(detectRefusal(answer).refusal).toBe(false);
  });

  it('says which sentence refused and which answered anyway', () => {
    const detection = detectRefusal("The sources don't mention it. However, the standard warranty is two years.");
    expect(detection).toMatchObject({ refusal: false, refusing: "The sources don't mention it.", answering: 'However, the standard warranty is two years.' });
    expect(detection.reason).toContain('answers anyway');
    expect(detectRefusal('').reason).toBe('the answer is empty');
    expect(isRefusal('I could not find a reliable answer to that in the available sources.')).toBe(true);
  });
});
