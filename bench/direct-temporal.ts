import { randomUUID } from 'node:crypto';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { chatWorkflowId, SEARCH_ATTRIBUTES, type ChatResult, type ChatWorkflowInput } from '#libs/contracts';
import type { chatWorkflow } from '#workflows';
import { awaitChatResultUpdate } from '#workflows/messages';
import type { CallModelAs, StartMode } from './variants.js';

/**
 * Runs chat workflows straight from this process — what the API's ChatStarter does, without
 * HTTP, Nest, auth or validation — so the API's share of the added latency can be told apart.
 */
export class DirectTemporalStarter {
  private constructor(
    private readonly connection: Connection,
    private readonly client: Client,
    private readonly options: { taskQueue: string; startMode: Exclude<StartMode, 'eager'>; callModelAs: CallModelAs; model: string },
  ) {}

  static async connect(address: string, options: DirectTemporalStarter['options']): Promise<DirectTemporalStarter> {
    const connection = await Connection.connect({ address });
    return new DirectTemporalStarter(connection, new Client({ connection }), options);
  }

  async run(): Promise<ChatResult> {
    const requestId = `req_${randomUUID().replaceAll('-', '')}`;
    const input: ChatWorkflowInput = {
      request: {
        requestId,
        model: this.options.model,
        messages: [{ role: 'user', content: 'What is the capital of France?' }],
        settings: {},
        caller: { tenantId: 'bench', userId: 'bench', keyId: 'bench' },
        receivedAt: new Date().toISOString(),
      },
      retry: { initialIntervalMs: 200, backoffCoefficient: 2, maximumIntervalMs: 10_000, maxRetryAfterMs: 30_000 },
      timeouts: { attemptTimeoutMs: 60_000, heartbeatTimeoutMs: 10_000 },
      callModelAs: this.options.callModelAs,
    };
    const options = {
      workflowId: chatWorkflowId(requestId),
      taskQueue: this.options.taskQueue,
      args: [input] as [ChatWorkflowInput],
      staticSummary: `chat ${this.options.model} for bench/bench`,
      typedSearchAttributes: [
        { key: SEARCH_ATTRIBUTES.tenant, value: 'bench' },
        { key: SEARCH_ATTRIBUTES.user, value: 'bench' },
        { key: SEARCH_ATTRIBUTES.model, value: this.options.model },
        { key: SEARCH_ATTRIBUTES.status, value: 'running' },
      ],
    };
    if (this.options.startMode === 'update-with-start') {
      const operation = new WithStartWorkflowOperation<typeof chatWorkflow>('chatWorkflow', { ...options, workflowIdConflictPolicy: 'USE_EXISTING' });
      return this.client.workflow.executeUpdateWithStart(awaitChatResultUpdate, { startWorkflowOperation: operation });
    }
    return this.client.workflow.execute<typeof chatWorkflow>('chatWorkflow', options);
  }

  /** One cheap RPC: the floor of any Temporal call from this process. */
  async systemInfo(): Promise<void> {
    await this.connection.workflowService.getSystemInfo({});
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
