/** What makes two SDK clients interchangeable: the same endpoint with the same key. */
export interface SdkClientKey {
  readonly baseURL: string;
  readonly apiKey: string;
}

/**
 * One SDK client per (baseURL, apiKey). A client owns its HTTP connection pool, so reusing
 * it keeps TLS connections warm across calls instead of paying a handshake per request.
 * The map stays small: its keys come from configured providers, not from requests.
 */
export class SdkClientCache<Client> {
  private readonly clients = new Map<string, Client>();

  constructor(private readonly createClient: (key: SdkClientKey) => Client) {}

  /** The shared client for this endpoint and key, created on first use. */
  get(key: SdkClientKey): Client {
    // JSON keeps the two parts apart whatever characters they contain.
    const mapKey = JSON.stringify([key.baseURL, key.apiKey]);
    let client = this.clients.get(mapKey);
    if (client === undefined) {
      client = this.createClient(key);
      this.clients.set(mapKey, client);
    }
    return client;
  }

  get size(): number {
    return this.clients.size;
  }

  /** Forgets every client, e.g. after keys were rotated. */
  clear(): void {
    this.clients.clear();
  }
}
