import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ChatProgress, ChatResult, IngestProgress, TargetAttempt } from '#libs/contracts';

/** Waits for the request's answer; with Update-with-Start, one round trip starts and answers. */
export const awaitChatResultUpdate = defineUpdate<ChatResult>('awaitChatResult');

/** Status, steps and attempts so far, for `GET /v1/requests/:id`. */
export const chatProgressQuery = defineQuery<ChatProgress>('chatProgress');

/** Sent by a failing provider attempt so every attempt lands in history, not only the last. */
export const attemptRecordedSignal = defineSignal<[TargetAttempt]>('attemptRecorded');

/** Chunks embedded so far, for `GET /v1/collections/:c/documents/:id` while a version ingests. */
export const ingestProgressQuery = defineQuery<IngestProgress>('ingestProgress');

/** Asks a batch to stop: provider jobs are cancelled, lines not yet answered end as cancelled. */
export const cancelBatchSignal = defineSignal('cancelBatch');
