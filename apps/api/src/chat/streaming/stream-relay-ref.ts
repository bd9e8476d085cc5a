import type { StreamRelay } from '#libs/streaming';

/** Nest injection token (a class) for the relay streamed text arrives on (ADR 0012). */
export class StreamRelayRef {
  constructor(readonly relay: StreamRelay) {}
}
