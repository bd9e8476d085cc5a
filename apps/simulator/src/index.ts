export { startSimulator, type SimulatorHandle, type SimulatorOptions } from './simulator.js';
export type { BatchBehaviour, BatchLineFailure, CutStreamFault, Fault, HangFault, LatencySpec, MalformedFault, Scenario, StatusFault } from './scenario.js';
export type { ModelStats, SimulatorStats } from './simulator-stats.js';
