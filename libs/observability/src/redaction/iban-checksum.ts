/**
 * True when `iban` (no spaces, upper case) has a country code, two check digits and a body whose
 * ISO 13616 checksum holds: moved to the end and read as a number with A=10 … Z=35, it is 1 mod 97.
 */
export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let index = 0; index < rearranged.length; index += 1) {
    const code = rearranged.charCodeAt(index);
    // Letters are two digits (10–35); folding them in one step keeps the running number small.
    remainder = code >= 65 ? (remainder * 100 + (code - 55)) % 97 : (remainder * 10 + (code - 48)) % 97;
  }
  return remainder === 1;
}
