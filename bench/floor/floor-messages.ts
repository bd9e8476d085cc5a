import { defineUpdate } from '@temporalio/workflow';

/** Returns the floor workflow's result to an Update-with-Start caller. */
export const floorResultUpdate = defineUpdate<string>('floorResult');
