import { randomUUID } from 'node:crypto';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import type { floorWorkflow, FloorStep } from './floor.workflow.js';
import { floorResultUpdate } from './floor-messages.js';

/** Starts floor workflows the two ways the API starts chat workflows. */
export class FloorStarter {
  private constructor(
    private readonly connection: Connection,
    private readonly client: Client,
    private readonly taskQueue: string,
  ) {}

  static async connect(address: string, taskQueue: string): Promise<FloorStarter> {
    const connection = await Connection.connect({ address });
    return new FloorStarter(connection, new Client({ connection }), taskQueue);
  }

  async run(step: FloorStep, startMode: 'update-with-start' | 'start-and-wait'): Promise<void> {
    const options = { workflowId: `floor-${randomUUID()}`, taskQueue: this.taskQueue, args: [step] as [FloorStep] };
    if (startMode === 'update-with-start') {
      const operation = new WithStartWorkflowOperation<typeof floorWorkflow>('floorWorkflow', { ...options, workflowIdConflictPolicy: 'USE_EXISTING' });
      await this.client.workflow.executeUpdateWithStart(floorResultUpdate, { startWorkflowOperation: operation });
      return;
    }
    await this.client.workflow.execute<typeof floorWorkflow>('floorWorkflow', options);
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
