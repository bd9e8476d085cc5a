/**
 * Non-negative integers below 2^30 packed into a JSON-safe string: each character is one of the
 * 64 of base64url and carries 5 bits of the number (least significant first) and, in its sixth
 * bit, whether more follow. Numbers below 32 take one character, below 1,024 two. Hashes, whose
 * bits are all alike, are written in fixed width instead: five characters of 6 bits for 30 bits.
 * Plain string operations, so it decodes anywhere (no Buffer, no atob); the reader works on the
 * string's bytes (`TextEncoder.encodeInto`, native) with small-integer arithmetic only, a few
 * nanoseconds a character.
 */

/** The 64 characters of base64url, each standing for its index (6 bits). */
export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const MORE = 32;
const PAYLOAD = 31;
/** Code unit → 6-bit value, -1 for anything outside the alphabet. */
export const VALUES = new Int8Array(128).fill(-1);
for (let index = 0; index < ALPHABET.length; index += 1) VALUES[ALPHABET.charCodeAt(index)] = index;
/** Numbers below this pack (30 bits: they stay small integers in the engine). */
export const PACKED_INTEGER_LIMIT = 2 ** 30;
/** Characters of a fixed-width 30-bit number. */
export const FIXED_WIDTH = 5;
// 30 bits: at most 6 characters of 5.
const MAX_SHIFT = 25;

/** Appends integers; `finish` gives the packed string. */
export class PackedIntegerWriter {
  private readonly parts: string[] = [];

  /** Appends `value`, an integer in [0, 2^30). */
  write(value: number): void {
    checkRange(value);
    let rest = value;
    for (;;) {
      const low = rest & PAYLOAD;
      rest >>>= 5;
      if (rest === 0) {
        this.parts.push(ALPHABET.charAt(low));
        return;
      }
      this.parts.push(ALPHABET.charAt(low | MORE));
    }
  }

  /** Appends `value`, an integer in [0, 2^30), in `FIXED_WIDTH` characters. */
  writeFixed(value: number): void {
    checkRange(value);
    for (let shift = 0; shift < FIXED_WIDTH * 6; shift += 6) this.parts.push(ALPHABET.charAt((value >>> shift) & 63));
  }

  finish(): string {
    return this.parts.join('');
  }
}

function checkRange(value: number): void {
  if (!Number.isInteger(value) || value < 0 || value >= PACKED_INTEGER_LIMIT) throw new RangeError(`only integers in [0, 2^30) pack, got ${value}`);
}

const encoder = new TextEncoder();

/**
 * The bytes of a packed string (its characters, which are ASCII), or a `RangeError` when it has
 * another character. Into `into` when it is large enough.
 */
export function packedBytes(packed: string, into?: Uint8Array): Uint8Array {
  const bytes = into !== undefined && into.length >= packed.length * 3 ? into : new Uint8Array(packed.length * 3);
  const { read, written } = encoder.encodeInto(packed, bytes);
  if (read !== packed.length || written !== packed.length) throw new RangeError('packed integers hold a character outside base64url');
  return bytes;
}

/** Reads integers back in order from the bytes of a packed string; throws a `RangeError` on malformed or exhausted input. */
export class PackedIntegerReader {
  private position: number;

  /** Reads `bytes[start, end)`. */
  constructor(
    private readonly bytes: Uint8Array,
    start: number,
    private readonly end: number,
  ) {
    this.position = start;
  }

  /** A reader of the whole of `packed`. */
  static of(packed: string): PackedIntegerReader {
    return new PackedIntegerReader(packedBytes(packed), 0, packed.length);
  }

  /** Whether every integer has been read. */
  get done(): boolean {
    return this.position >= this.end;
  }

  /** The next integer. */
  read(): number {
    const { bytes, end } = this;
    let position = this.position;
    let value = 0;
    let shift = 0;
    let digit: number | undefined;
    do {
      // Past the end, and anything outside the alphabet, is malformed.
      digit = position < end ? VALUES[bytes[position] ?? 255] : -1;
      position += 1;
      if (digit === undefined || digit < 0) throw new RangeError(`malformed packed integers at ${position - 1}`);
      value |= (digit & PAYLOAD) << shift;
      shift += 5;
    } while ((digit & MORE) !== 0 && shift <= MAX_SHIFT);
    if ((digit & MORE) !== 0) throw new RangeError(`packed integer too long at ${position}`);
    this.position = position;
    return value;
  }

  /** The next fixed-width integer (`writeFixed`). */
  readFixed(): number {
    const { bytes } = this;
    const position = this.position;
    if (position + FIXED_WIDTH > this.end) throw new RangeError(`packed integers end at ${this.end}`);
    let value = 0;
    for (let index = 0; index < FIXED_WIDTH; index += 1) {
      const digit = VALUES[bytes[position + index] ?? 255];
      if (digit === undefined || digit < 0) throw new RangeError(`malformed packed integers at ${position + index}`);
      value |= digit << (6 * index);
    }
    this.position = position + FIXED_WIDTH;
    return value;
  }
}
