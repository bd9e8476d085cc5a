import { isValidIban } from './iban-checksum.js';

test.each(['DE89370400440532013000', 'GB82WEST12345698765432', 'FR1420041010050500013M02606', 'NL91ABNA0417164300', 'CH9300762011623852957'])('%s is valid', (iban) => {
  expect(isValidIban(iban)).toBe(true);
});

test.each([
  ['DE89370400440532013001', 'wrong checksum'],
  ['GB82WEST12345698765433', 'wrong checksum'],
  ['DE8937040044', 'too short'],
  ['de89370400440532013000', 'lower case'],
  ['1289370400440532013000', 'no country code'],
])('%s is refused (%s)', (iban) => {
  expect(isValidIban(iban)).toBe(false);
});
