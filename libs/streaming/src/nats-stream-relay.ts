import { connect, Events, type NatsConnection, type Subscription } from 'nats';
import type { ChatStreamEvent } from './chat-stream-event.js';
import type { ChatStreamListener, StreamRelay, StreamSubscription } from './stream-relay.js';

export interface NatsStreamRelayOptions {
  /** `nats://host:port`, or several separated by commas (one cluster). */
  readonly url: string;
  /** Client name the server's monitoring shows (`ballast-api`, `ballast-worker`). */
  readonly name?: string;
  /** Subjects are `<prefix>.<request id>`; default `ballast.stream`. */
  readonly subjectPrefix?: string;
  /** How long {@link NatsStreamRelay.connect} waits for the first connection before it goes on without one. */
  readonly connectTimeoutMs?: number;
  /** How long `subscribe` waits for the server to confirm the subscription. */
  readonly subscribeTimeoutMs?: number;
  /** Between attempts while the first connection fails (later reconnects are the client's own). */
  readonly retryIntervalMs?: number;
  /** Connection changes and dropped events (default: console.warn). */
  readonly log?: (line: string) => void;
}

const DEFAULT_PREFIX = 'ballast.stream';

/**
 * The relay for an API and workers in separate processes (ADR 0012): each event is a JSON
 * message on the core NATS subject `ballast.stream.<requestId>`. At most once: no JetStream, no
 * buffering while disconnected — a lost event only costs latency, since the API ends every stream
 * with the workflow's recorded answer (`source-changed` when the streamed text differs).
 *
 * Never fails its callers: `publish` drops what it cannot send, `subscribe` resolves (with a
 * subscription that receives nothing) when the server is unreachable, and a NATS server that is
 * down at start is retried in the background.
 */
export class NatsStreamRelay implements StreamRelay {
  private connection: NatsConnection | undefined;
  private connected = false;
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private firstConnection: Promise<void>;
  private dropped = 0;
  private lastConnectError: string | undefined;
  private readonly prefix: string;
  private readonly log: (line: string) => void;
  private readonly subscriptions = new Set<Subscription>();

  private constructor(private readonly options: NatsStreamRelayOptions) {
    this.prefix = options.subjectPrefix ?? DEFAULT_PREFIX;
    this.log = options.log ?? ((line) => console.warn(line));
    this.firstConnection = new Promise((resolveConnected) => this.attempt(resolveConnected));
  }

  /**
   * Connects to `url`, waiting at most `connectTimeoutMs` (default 5 s): past it the relay is
   * returned anyway, keeps trying in the background, and drops events until it is connected.
   */
  static async connect(options: NatsStreamRelayOptions): Promise<NatsStreamRelay> {
    const relay = new NatsStreamRelay(options);
    const timeoutMs = options.connectTimeoutMs ?? 5_000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolveTimeout) => {
      timer = setTimeout(() => resolveTimeout('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([relay.firstConnection.then(() => 'connected' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      const reason = relay.lastConnectError ? ` (${relay.lastConnectError})` : '';
      relay.log(`[stream-relay] NATS at ${redact(options.url)} not reachable after ${timeoutMs} ms${reason}; streamed text falls back to the whole answer at the end until it is (retrying)`);
    }
    return relay;
  }

  /** True while the connection is up (events published now are sent). */
  get isConnected(): boolean {
    return this.connected && !this.closed;
  }

  /** Events dropped because there was no connection or the client refused them. */
  get droppedEvents(): number {
    return this.dropped;
  }

  /** The subject of a request's events: request ids are escaped so `.`, `*`, `>` and spaces cannot change it. */
  subjectOf(requestId: string): string {
    return `${this.prefix}.${requestId.replace(/[^A-Za-z0-9_-]/g, (character) => `%${character.codePointAt(0)?.toString(16).toUpperCase() ?? ''}`)}`;
  }

  publish(requestId: string, event: ChatStreamEvent): void {
    const connection = this.connection;
    if (!connection || !this.isConnected) {
      this.dropped++;
      return;
    }
    try {
      connection.publish(this.subjectOf(requestId), JSON.stringify(event));
    } catch (error) {
      // Closed connection, payload over the server's max_payload, ...: the model call goes on.
      this.dropped++;
      this.log(`[stream-relay] NATS publish for ${requestId} dropped: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async subscribe(requestId: string, listener: ChatStreamListener): Promise<StreamSubscription> {
    const connection = this.connection;
    if (!connection || this.closed) return { close: () => Promise.resolve() };
    let subscription: Subscription;
    try {
      subscription = connection.subscribe(this.subjectOf(requestId), {
        callback: (error, message) => {
          if (error) return;
          let event: ChatStreamEvent;
          try {
            event = message.json<ChatStreamEvent>();
          } catch {
            return;
          }
          try {
            listener(event);
          } catch {
            // A subscriber's fault (a closed socket) stays with it.
          }
        },
      });
    } catch {
      return { close: () => Promise.resolve() };
    }
    this.subscriptions.add(subscription);
    // The server has the subscription once it answers a PING sent after it: from then on no
    // event of this request can be missed (the API starts the workflow only after this). While
    // reconnecting the client sends it on reconnection; the request does not wait for that.
    if (this.isConnected) await withTimeout(connection.flush(), this.options.subscribeTimeoutMs ?? 2_000).catch(() => undefined);
    let open = true;
    return {
      close: async () => {
        if (!open) return;
        open = false;
        this.subscriptions.delete(subscription);
        try {
          subscription.unsubscribe();
        } catch {
          // Already closed with its connection.
        }
        await Promise.resolve();
      },
    };
  }

  /** Subscriptions open now (leak checks in tests). */
  get activeSubscriptions(): number {
    return this.subscriptions.size;
  }

  /** Sends what is buffered and closes (drain, at most `timeoutMs`); stops retrying a first connection. */
  async close(timeoutMs = 5_000): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.retryTimer);
    const connection = this.connection;
    this.subscriptions.clear();
    if (!connection || connection.isClosed()) return;
    try {
      await withTimeout(connection.drain(), timeoutMs);
    } catch {
      await connection.close().catch(() => undefined);
    }
  }

  private attempt(resolveConnected: () => void): void {
    if (this.closed) return;
    connect({
      servers: this.options.url.split(',').map((server) => server.trim()).filter(Boolean),
      name: this.options.name ?? 'ballast',
      // Once connected, reconnect for ever: a NATS restart must not need an API restart.
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1_000,
      timeout: 2_000,
    }).then(
      (connection) => {
        if (this.closed) {
          void connection.close();
          return;
        }
        this.connection = connection;
        this.connected = true;
        void this.watch(connection);
        resolveConnected();
      },
      (error: unknown) => {
        if (this.closed) return;
        this.lastConnectError = error instanceof Error ? error.message : String(error);
        this.retryTimer = setTimeout(() => this.attempt(resolveConnected), this.options.retryIntervalMs ?? 2_000);
        this.retryTimer.unref();
      },
    );
  }

  /** Follows the connection: events are dropped, not buffered, while it is down. */
  private async watch(connection: NatsConnection): Promise<void> {
    for await (const status of connection.status()) {
      if (status.type === Events.Disconnect) {
        this.connected = false;
        if (!this.closed) this.log(`[stream-relay] NATS connection lost (${redact(this.options.url)}); streamed text falls back to the whole answer at the end until it is back`);
      } else if (status.type === Events.Reconnect) {
        this.connected = true;
        if (!this.closed) this.log('[stream-relay] NATS connection back');
      }
    }
    this.connected = false;
  }
}

/** The URL without credentials (`nats://user:pass@host` → `nats://***@host`). */
function redact(url: string): string {
  return url.replace(/\/\/[^@/]+@/g, '//***@');
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** What {@link probeNatsServer} found. */
export type NatsProbe = { readonly ok: true; readonly serverVersion: string; readonly rttMs: number } | { readonly ok: false; readonly error: string };

/** Connects once (no retries), measures a round trip and disconnects: `ballast doctor`'s check. */
export async function probeNatsServer(url: string, timeoutMs = 3_000): Promise<NatsProbe> {
  let connection: NatsConnection | undefined;
  try {
    connection = await connect({
      servers: url.split(',').map((server) => server.trim()).filter(Boolean),
      name: 'ballast-doctor',
      reconnect: false,
      maxReconnectAttempts: 0,
      timeout: timeoutMs,
    });
    const rttMs = await withTimeout(connection.rtt(), timeoutMs);
    return { ok: true, serverVersion: connection.info?.version ?? 'unknown', rttMs };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${(error as { code?: string }).code ? `${(error as { code?: string }).code}: ` : ''}${error.message}` : String(error) };
  } finally {
    await connection?.close().catch(() => undefined);
  }
}
