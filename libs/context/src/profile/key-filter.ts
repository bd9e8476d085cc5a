import { fnv1a } from '../shared/fnv1a.js';
import { ALPHABET, VALUES } from './packed-integers.js';

/**
 * A Bloom filter over a chunk's keys, written as base64url characters of 6 bits each, so a
 * request can tell from two characters that a query key is not in the chunk without searching
 * its keys (most query keys are in few chunks). 8 bits a key and two probes: about 5% of absent
 * keys pass and are then searched for; a present key always passes.
 */

const BITS_PER_KEY = 8;
const BITS_PER_CHARACTER = 6;

/** The filter of `keys`, given by their `fnv1a` hashes. */
export function buildKeyFilter(hashes: readonly number[]): string {
  const characters = Math.max(1, Math.ceil((hashes.length * BITS_PER_KEY) / BITS_PER_CHARACTER));
  const bits = characters * BITS_PER_CHARACTER;
  const values = new Uint8Array(characters);
  for (const hash of hashes) {
    for (const bit of [firstProbe(hash) % bits, secondProbe(hash) % bits]) values[Math.floor(bit / BITS_PER_CHARACTER)] = (values[Math.floor(bit / BITS_PER_CHARACTER)] ?? 0) | (1 << bit % BITS_PER_CHARACTER);
  }
  return Array.from(values, (value) => ALPHABET.charAt(value)).join('');
}

/** Whether the key whose `fnv1a` hash is `hash` may be among the filter's keys (false: it is not). */
export function mayHoldKey(filter: string, hash: number): boolean {
  const bits = filter.length * BITS_PER_CHARACTER;
  return hasBit(filter, firstProbe(hash) % bits) && hasBit(filter, secondProbe(hash) % bits);
}

/** The hash a key is filtered by. */
export function keyFilterHash(key: string): number {
  return fnv1a(key);
}

function hasBit(filter: string, bit: number): boolean {
  const code = filter.charCodeAt(Math.floor(bit / BITS_PER_CHARACTER));
  const value = code < 128 ? (VALUES[code] ?? -1) : -1;
  // A character outside the alphabet (a damaged filter) passes every key: the search decides.
  return value < 0 || (value & (1 << bit % BITS_PER_CHARACTER)) !== 0;
}

// Positions are 30-bit, so the engine divides small integers.
function firstProbe(hash: number): number {
  return hash >>> 2;
}

// A second, independent-enough position from the same hash (murmur3's finaliser).
function secondProbe(hash: number): number {
  let mixed = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
  return (mixed ^ (mixed >>> 16)) >>> 2;
}
