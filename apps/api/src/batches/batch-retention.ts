import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppSettings } from '../app-settings.js';
import { RagRuntimeRef } from '../rag-runtime-ref.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Deletes finished batches (their lines and results with them) older than `batch.retentionDays`, hourly. */
@Injectable()
export class BatchRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly settings: AppSettings,
    private readonly rag: RagRuntimeRef,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), HOUR_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Returns how many batches were deleted; a failing sweep is logged and tried again next hour. */
  async sweep(now = Date.now()): Promise<number> {
    try {
      return await this.rag.runtime.batches.deleteOlderThan(new Date(now - this.settings.config.batch.retentionDays * DAY_MS));
    } catch (error) {
      console.warn(`[ballast] batch retention sweep failed: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    }
  }
}
