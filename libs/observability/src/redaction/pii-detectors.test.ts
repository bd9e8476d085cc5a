import { applyDetector } from './detector.js';
import { PII_DETECTORS } from './pii-detectors.js';
import type { PiiKind } from './redaction-policy.js';

function redactWith(name: PiiKind, text: string): string {
  const detector = PII_DETECTORS.find((candidate) => candidate.name === name);
  if (!detector) throw new Error(`no PII detector named ${name}`);
  return applyDetector(detector, text).text;
}

test.each<[PiiKind, string, string]>([
  ['email', 'write to ana.lopez+ballast@mail.example.co.uk today', 'write to [REDACTED:email] today'],
  ['email', 'mailto:bob@example.com,carol_1@example.org', 'mailto:[REDACTED:email],[REDACTED:email]'],
  ['iban', 'IBAN DE89 3704 0044 0532 0130 00 please', 'IBAN [REDACTED:iban] please'],
  ['iban', 'GB82WEST12345698765432', '[REDACTED:iban]'],
  ['iban', 'pay DE89 3704 0044 0532 0130 00 EUR', 'pay [REDACTED:iban] EUR'],
  ['credit-card', 'card 4111 1111 1111 1111 exp 12/27', 'card [REDACTED:credit-card] exp 12/27'],
  ['credit-card', 'card 5500-0055-5555-5559.', 'card [REDACTED:credit-card].'],
  ['credit-card', 'amex 3782 822463 10005 and 6011111111111117', 'amex [REDACTED:credit-card] and [REDACTED:credit-card]'],
  ['ssn', 'SSN 123-45-6789.', 'SSN [REDACTED:ssn].'],
  ['phone', 'call +1 (415) 555-2671 now', 'call [REDACTED:phone] now'],
  ['phone', '+14155552671 or +44 20 7946 0958 or +33 6 12 34 56 78', '[REDACTED:phone] or [REDACTED:phone] or [REDACTED:phone]'],
  ['phone', '(415) 555-2671, 415-555-2671, 415.555.2671, 020 7946 0958, 06.12.34.56.78', Array(5).fill('[REDACTED:phone]').join(', ')],
  ['ip-address', 'from 192.168.1.20 via 10.0.0.1:8080', 'from [REDACTED:ip-address] via [REDACTED:ip-address]:8080'],
])('%s is found in %j', (name, input, expected) => {
  expect(redactWith(name, input)).toBe(expected);
});

test.each<[PiiKind, string]>([
  ['email', 'no address @ here, user@localhost, @mention and a@b'],
  ['iban', 'DE89 3704 0044 0532 0130 01 fails its checksum; DE89370400 is too short'],
  ['credit-card', '4111 1111 1111 1112 fails Luhn; 1234567812345670 starts with 1; order 123456789'],
  ['credit-card', 'prices $4111111111111111 and 4111111111111111.50'],
  ['ssn', 'areas 000-12-3456, 666-12-3456 and 912-34-5678; group 123-00-4567; serial 123-45-0000; 1234-56-7890'],
  ['phone', 'The total is $1,299.00 on 2024-02-08 for order 123456789 in 2024.'],
  ['phone', 'dated 08.02.2024 at 10:30:15, version 1.22.333, ip 192.168.100.200, 1 234 567, 123 456 789 units'],
  ['phone', 'ids 555-2671 and 12-34; +12 34; 2024-02-08 10:30'],
  ['ip-address', 'version 1.2.3, 999.1.1.1, 1.2.3.4.5 and 01.2.3.4x'],
])('%s leaves %j alone', (name, input) => {
  expect(redactWith(name, input)).toBe(input);
});

test('every PII kind has exactly one detector', () => {
  expect(PII_DETECTORS.map((detector) => detector.name).sort()).toEqual(['credit-card', 'email', 'iban', 'ip-address', 'phone', 'ssn']);
});
