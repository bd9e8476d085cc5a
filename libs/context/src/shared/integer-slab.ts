/**
 * Integer arrays handed out as views of one large buffer, all of them given up at once by
 * `reset`. Compression reads a request's recorded analyses (a few hundred small arrays) into one,
 * so a request allocates almost nothing for them: the buffer is made once and grows when a
 * request needs more. Whoever resets it must be done with every array handed out before; a call
 * that resets one at its start and lets none of its arrays escape (`compressContext`) is safe, as
 * calls are synchronous.
 */
export class IntegerSlab {
  private buffer: Int32Array;
  private used = 0;

  constructor(initialSize = 1 << 16) {
    this.buffer = new Int32Array(initialSize);
  }

  /** An array of `length` integers to fill (it may hold old values), good until the next `reset`. */
  take(length: number): Int32Array {
    if (this.used + length > this.buffer.length) {
      // Arrays handed out keep the old buffer alive; new ones come from a larger one.
      this.buffer = new Int32Array(Math.max(this.buffer.length * 2, length));
      this.used = 0;
    }
    const view = this.buffer.subarray(this.used, this.used + length);
    this.used += length;
    return view;
  }

  /** Gives every array handed out up: later ones reuse their room. */
  reset(): void {
    this.used = 0;
  }
}
