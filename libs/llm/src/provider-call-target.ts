/** What one provider call needs besides its options: the SDK client and how to call it. */
export interface ProviderCallTarget<Client> {
  readonly client: Client;
  readonly provider: string;
  readonly modelId: string;
  readonly timeoutMs: number;
  readonly headers: Readonly<Record<string, string>>;
}
