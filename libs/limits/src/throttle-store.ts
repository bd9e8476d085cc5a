import type { ThrottleState } from './adaptive-level.js';

/** Where egress buckets' adaptive state lives: this process, or the store (shared by all workers). */
export interface ThrottleStore {
  /** The bucket's state; undefined while it has never been cut (full rate). */
  read(bucket: string): Promise<ThrottleState | undefined>;
  /** Replaces the state with `change(current)` atomically (no concurrent update is lost); returns it. */
  update(bucket: string, change: (current: ThrottleState | undefined) => ThrottleState): Promise<ThrottleState>;
}

/** Adaptive state in this process's memory. */
export class MemoryThrottleStore implements ThrottleStore {
  private readonly states = new Map<string, ThrottleState>();

  read(bucket: string): Promise<ThrottleState | undefined> {
    return Promise.resolve(this.states.get(bucket));
  }

  update(bucket: string, change: (current: ThrottleState | undefined) => ThrottleState): Promise<ThrottleState> {
    const next = change(this.states.get(bucket));
    this.states.set(bucket, next);
    return Promise.resolve(next);
  }
}
