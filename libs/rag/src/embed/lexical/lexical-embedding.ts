import { forEachWordHash, wordHash } from './lexical-tokens.js';

/** Words too common to say what a text is about; they still count, at a tenth of the weight. */
const STOP_WORDS = (
  'a about above after again against all am an and any are as at be because been before being below between both but by ' +
  'can could did do does doing down during each few for from further had has have having he her here hers him his how i ' +
  'if in into is it its just me more most my no nor not now of off on once only or other our ours out over own same she ' +
  'should so some such than that the their them then there these they this those through to too under until up very was ' +
  'we were what when where which while who whom why will with would you your yours also may must shall per via'
).split(' ');

const STOP_WORD_HASHES = new Set(STOP_WORDS.map(wordHash));

const STOP_WORD_WEIGHT = 0.1;
const SHORT_WORD_WEIGHT = 0.5;
const BIGRAM_WEIGHT = 0.7;
/** Each feature lands in two dimensions at 1/√2, which halves the noise of hash collisions. */
const PROJECTIONS = 2;
const PROJECTION_WEIGHT = Math.SQRT1_2;

/** Murmur3's finaliser: spreads a 32-bit hash over all bits. */
function mix(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Counts of each distinct feature of one text, in an open-addressing table reused across texts. */
class FeatureCounts {
  private capacity = 1024;
  private keys = new Uint32Array(this.capacity);
  private counts = new Uint32Array(this.capacity);
  private weights = new Float32Array(this.capacity);
  private used = new Uint8Array(this.capacity);
  readonly slots: number[] = [];

  add(key: number, weight: number): void {
    const mask = this.capacity - 1;
    let slot = mix(key) & mask;
    while (this.used[slot] === 1 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    if (this.used[slot] === 1) {
      this.counts[slot] = (this.counts[slot] ?? 0) + 1;
      return;
    }
    this.used[slot] = 1;
    this.keys[slot] = key;
    this.counts[slot] = 1;
    this.weights[slot] = weight;
    this.slots.push(slot);
    if (this.slots.length * 2 > this.capacity) this.grow();
  }

  /** Calls `visit` once per distinct feature with its sublinear term weight, weight × (1 + ln count). */
  forEach(visit: (key: number, weight: number) => void): void {
    for (const slot of this.slots) visit(this.keys[slot] ?? 0, (this.weights[slot] ?? 0) * (1 + Math.log(this.counts[slot] ?? 1)));
  }

  clear(): void {
    for (const slot of this.slots) this.used[slot] = 0;
    this.slots.length = 0;
  }

  private grow(): void {
    const entries = this.slots.map((slot) => [this.keys[slot] ?? 0, this.counts[slot] ?? 0, this.weights[slot] ?? 0] as const);
    this.capacity *= 2;
    this.keys = new Uint32Array(this.capacity);
    this.counts = new Uint32Array(this.capacity);
    this.weights = new Float32Array(this.capacity);
    this.used = new Uint8Array(this.capacity);
    this.slots.length = 0;
    for (const [key, count, weight] of entries) {
      this.add(key, weight);
      const mask = this.capacity - 1;
      let slot = mix(key) & mask;
      while (this.keys[slot] !== key) slot = (slot + 1) & mask;
      this.counts[slot] = count;
    }
  }
}

const features = new FeatureCounts();

/**
 * A deterministic lexical embedding: word unigrams and adjacent-word bigrams (stop words left
 * out of bigrams), weighted by a fixed IDF stand-in (stop words 0.1, words of two letters 0.5,
 * bigrams 0.7) and sublinear term frequency, hashed with random signs into `dimensions`
 * dimensions and L2-normalised, so a dot product is a cosine. Texts sharing words (after
 * folding case, accents and plural/-ing/-ed endings) score high; it knows nothing of synonyms.
 */
export function lexicalEmbedding(text: string, dimensions: number): Float32Array {
  const vector = new Float32Array(dimensions);
  let previous = 0;
  let previousIsContent = false;
  forEachWordHash(text, (hash, length) => {
    const isStopWord = STOP_WORD_HASHES.has(hash);
    features.add(hash, isStopWord ? STOP_WORD_WEIGHT : length <= 2 ? SHORT_WORD_WEIGHT : 1);
    if (!isStopWord && previousIsContent) features.add(mix(Math.imul(previous, 0x9e3779b1) + hash) ^ 0x27d4eb2d, BIGRAM_WEIGHT);
    previous = hash;
    previousIsContent = !isStopWord;
  });
  features.forEach((key, weight) => {
    let hash = key;
    for (let projection = 0; projection < PROJECTIONS; projection += 1) {
      hash = mix(hash + projection);
      const dimension = hash % dimensions;
      vector[dimension] = (vector[dimension] ?? 0) + ((hash >>> 31) === 1 ? PROJECTION_WEIGHT : -PROJECTION_WEIGHT) * weight;
    }
  });
  const hadFeatures = features.slots.length > 0;
  features.clear();
  if (!hadFeatures) fillFromTextHash(vector, text);
  return normalize(vector);
}

/** Text with no words (punctuation, emoji) still gets a stable, distinct unit vector. */
function fillFromTextHash(vector: Float32Array, text: string): void {
  let state = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) state = Math.imul(state ^ text.charCodeAt(index), 0x01000193);
  for (let index = 0; index < vector.length; index += 1) {
    state = mix(state + index);
    vector[index] = state / 0xffffffff - 0.5;
  }
}

function normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let index = 0; index < vector.length; index += 1) vector[index] = (vector[index] ?? 0) / norm;
  return vector;
}
