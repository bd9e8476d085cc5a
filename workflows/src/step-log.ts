import type { AttemptRecord, StepName, StepRecord } from '#libs/contracts';

/** The steps of one request with their timing; workflow time, so replay-safe. */
export class StepLog {
  private readonly steps: StepRecord[] = [];

  start(name: StepName, summary: string): void {
    this.steps.push({ name, status: 'running', startedAt: new Date().toISOString(), summary, attempts: [] });
  }

  complete(name: StepName, summary: string): void {
    this.finish(name, 'completed', summary);
  }

  fail(name: StepName, summary: string): void {
    this.finish(name, 'failed', summary);
  }

  setAttempts(name: StepName, attempts: readonly AttemptRecord[]): void {
    this.update(name, (step) => ({ ...step, attempts }));
  }

  list(): StepRecord[] {
    return [...this.steps];
  }

  private finish(name: StepName, status: 'completed' | 'failed', summary: string): void {
    const completedAt = new Date();
    this.update(name, (step) => ({
      ...step,
      status,
      summary,
      completedAt: completedAt.toISOString(),
      durationMs: completedAt.getTime() - Date.parse(step.startedAt),
    }));
  }

  private update(name: StepName, change: (step: StepRecord) => StepRecord): void {
    const index = this.steps.findLastIndex((step) => step.name === name);
    const step = this.steps[index];
    if (step) this.steps[index] = change(step);
  }
}
