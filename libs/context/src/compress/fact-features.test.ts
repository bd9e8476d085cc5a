import { factKinds, figuresOf } from './fact-features.js';

describe('factKinds', () => {
  it.each([
    ['The Pro plan costs $39.99 per user per month.', ['money', 'number', 'name']],
    ['Uptime of at least 99.95% each month.', ['percent', 'number']],
    ['Refunds take 5–7 business days.', ['duration', 'number']],
    ['Follow-up on 2024-03-15 with Dr. Okafor.', ['date', 'number', 'name']],
    ['Orders placed before 2:00 PM ET ship today.', ['time', 'number']],
    ['Ship it to 1450 Industrial Pkwy, Suite 200.', ['place', 'number', 'name']],
    ['She said: "We will not reduce headcount this year."', ['quote']],
    ['The keynote is in Hall B on Thursday.', ['date', 'place']],
    ['please try again later.', []],
  ])('%s', (sentence, kinds) => {
    expect([...factKinds(sentence)].sort()).toEqual([...kinds].sort());
  });

  it('lists the literal figures of a sentence, trailing punctuation trimmed', () => {
    expect(figuresOf('Refunds within 14 days, or $49.99 on 2024-03-15.')).toEqual(['14', '$49.99', '2024-03-15']);
  });
});
