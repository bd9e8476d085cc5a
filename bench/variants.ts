/** How the API starts a chat workflow (config `temporal.startMode`). */
export type StartMode = 'update-with-start' | 'start-and-wait' | 'eager';
/** How the workflow calls the model (config `temporal.callModelAs`). */
export type CallModelAs = 'activity' | 'local-activity';
/**
 * How the API and worker run: `split` = the real `apps/api` and `apps/worker` mains as two
 * processes; `combined` = one process sharing a NativeConnection (needed for eager start);
 * `native-api` = split, but the API's Client uses a NativeConnection instead of grpc-js.
 */
export type Topology = 'split' | 'combined' | 'native-api';

/** One way of running the durable path. */
export interface Variant {
  readonly id: string;
  readonly startMode: StartMode;
  readonly callModelAs: CallModelAs;
  readonly topology: Topology;
  /** Worker option overrides (JSON-able), for experiments; run through the bench entry. */
  readonly workerOptions?: Readonly<Record<string, unknown>>;
  /** Extra node flags for the API and worker processes, for experiments. */
  readonly nodeArgs?: readonly string[];
  /** Which Temporal dev server it runs against: `default` or a key of SERVER_PROFILES. */
  readonly serverProfile: string;
}

/** A Temporal dev server set-up; each profile used in a run gets its own server, started once. */
export interface ServerProfile {
  /** Overrides the run's --store. */
  readonly store?: 'memory' | 'sqlite';
  readonly dynamicConfig?: Readonly<Record<string, string | number | boolean>>;
  /** Environment of the server process (Go runtime settings). */
  readonly env?: Readonly<Record<string, string>>;
}

const ONE_PARTITION = { 'matching.numTaskqueueReadPartitions': 1, 'matching.numTaskqueueWritePartitions': 1 };

/** Dev server set-ups for experiments, appended to an id as `@name` (e.g. `uws-local@p1`). */
export const SERVER_PROFILES: Record<string, ServerProfile> = {
  /** The product's dev server flags (libs/temporal-cli startDevServer). */
  default: {},
  /** State in memory instead of the SQLite file. */
  mem: { store: 'memory' },
  /** One task-queue partition instead of four: every poller and task meet on one partition. */
  p1: { dynamicConfig: ONE_PARTITION },
  /** Activities handed to the worker in the workflow task completion response (eager activity execution). */
  'eager-act': { dynamicConfig: { 'system.enableActivityEagerExecution': true } },
  'p1-eager-act': { dynamicConfig: { ...ONE_PARTITION, 'system.enableActivityEagerExecution': true } },
  'p1-mem': { store: 'memory', dynamicConfig: ONE_PARTITION },
  /** Go garbage collector runs 4× less often (memory is plentiful here). */
  gogc: { env: { GOGC: '400' } },
  /** One OS thread runs Go code: fewer cross-thread wake-ups, which are costly on this VM. */
  gomax1: { env: { GOMAXPROCS: '1' } },
};

const MODES: Record<string, StartMode> = { uws: 'update-with-start', saw: 'start-and-wait', eager: 'eager' };
const CALLS: Record<string, CallModelAs> = { activity: 'activity', local: 'local-activity' };
const TOPOLOGIES: Record<string, Topology> = { split: 'split', combined: 'combined', native: 'native-api' };

/** A process set-up for experiments: worker options (run through the bench entry) and/or node flags. */
export interface ProcessPreset {
  readonly workerOptions?: Readonly<Record<string, unknown>>;
  readonly nodeArgs?: readonly string[];
}

/** Process presets, appended to an id as `+name` (e.g. `uws-local+debug`). */
export const PROCESS_PRESETS: Record<string, ProcessPreset> = {
  /** A fresh V8 context per workflow (the SDK's legacy model; two workflow threads). */
  'reuse-off': { workerOptions: { reuseV8Context: false } },
  /** Workflows on the main thread, no deadlock timeout: NOT for production, shows the worker-thread hop's cost. */
  debug: { workerOptions: { debugMode: true } },
  /** Fewer workflow-task pollers: fewer concurrent long polls against the server. */
  'pollers-2': { workerOptions: { maxConcurrentWorkflowTaskPolls: 2 } },
  /** The product's worker options, through the bench entry: the control for the worker presets above. */
  same: { workerOptions: {} },
  /** A larger young generation: fewer scavenges in the API and worker. */
  semi64: { nodeArgs: ['--max-semi-space-size=64'] },
};

/** The matrix: {update-with-start, start-and-wait, eager} × {activity, local activity}. */
export const DEFAULT_VARIANT_IDS = ['uws-activity', 'uws-local', 'saw-activity', 'saw-local', 'eager-activity', 'eager-local'] as const;

/**
 * Parses `<mode>-<call>[-<topology>][+<process preset>][@<server profile>]`: mode `uws` | `saw` |
 * `eager`, call `activity` | `local`, topology `split` (default) | `combined` | `native`.
 * Eager is always `combined`.
 */
export function parseVariant(id: string): Variant {
  const [withoutProfile = '', profile = 'default', ...moreProfiles] = id.split('@');
  if (moreProfiles.length > 0 || !SERVER_PROFILES[profile]) throw new Error(`unknown server profile in '${id}': use one of ${Object.keys(SERVER_PROFILES).join(', ')}`);
  const [base = '', presetName, ...extra] = withoutProfile.split('+');
  const preset = presetName === undefined ? undefined : PROCESS_PRESETS[presetName];
  if (extra.length > 0 || (presetName !== undefined && !preset)) {
    throw new Error(`unknown process preset in '${id}': use one of ${Object.keys(PROCESS_PRESETS).join(', ')}`);
  }
  const [mode = '', call = '', topology, ...rest] = base.split('-');
  const startMode = MODES[mode];
  const callModelAs = CALLS[call];
  const chosenTopology = topology === undefined ? (startMode === 'eager' ? 'combined' : 'split') : TOPOLOGIES[topology];
  if (!startMode || !callModelAs || !chosenTopology || rest.length > 0) {
    throw new Error(`unknown variant '${id}': use <uws|saw|eager>-<activity|local>[-<split|combined|native>], e.g. uws-local`);
  }
  if (startMode === 'eager' && chosenTopology !== 'combined') throw new Error(`variant '${id}': eager start needs the combined topology`);
  return {
    id,
    startMode,
    callModelAs,
    topology: chosenTopology,
    serverProfile: profile,
    ...(preset?.workerOptions ? { workerOptions: preset.workerOptions } : {}),
    ...(preset?.nodeArgs ? { nodeArgs: preset.nodeArgs } : {}),
  };
}

/** Parses a comma-separated list of variant ids. */
export function parseVariants(list: string): Variant[] {
  const ids = list.split(',').map((id) => id.trim()).filter(Boolean);
  if (ids.length === 0) throw new Error('--variants needs at least one variant id');
  return ids.map(parseVariant);
}
