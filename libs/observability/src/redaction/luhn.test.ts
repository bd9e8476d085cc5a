import { passesLuhn } from './luhn.js';

test.each(['4111111111111111', '5500005555555559', '378282246310005', '6011111111111117', '79927398713'])('%s passes', (digits) => {
  expect(passesLuhn(digits)).toBe(true);
});

test.each(['4111111111111112', '1234567812345678', '79927398710', '', '4111-1111'])('%j fails', (digits) => {
  expect(passesLuhn(digits)).toBe(false);
});
