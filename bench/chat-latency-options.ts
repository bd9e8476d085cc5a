import { parseArgs } from 'node:util';
import type { TemporalStore } from './bench-stack.js';
import { DEFAULT_VARIANT_IDS, parseVariants, type Variant } from './variants.js';

/** Knobs of one chat-latency run. */
export interface ChatLatencyOptions {
  readonly quick: boolean;
  readonly variants: Variant[];
  /** Each round restarts every variant's processes and measures every cell once. */
  readonly rounds: number;
  readonly warmupMs: number;
  readonly measureMs: number;
  /** Concurrency levels for latency percentiles, and for throughput. */
  readonly latencyConcurrency: readonly number[];
  readonly throughputConcurrency: readonly number[];
  readonly store: TemporalStore;
  readonly model: string;
  /** Histories read per variant and round to show where server-side time goes. */
  readonly timelineSample: number;
  /** Extra cells that split the added latency into HTTP/Nest, Temporal and client parts. */
  readonly diagnostics: boolean;
  /** Concurrency levels of the diagnostic cells (quick: 1 only). */
  readonly diagnosticConcurrency: readonly number[];
  readonly outputDir: string;
  readonly keepLogs: boolean;
  /** When set, API and worker processes write V8 CPU profiles here. */
  readonly profileDir: string | undefined;
}

export const USAGE = `node dist/bench/chat-latency.js [options]
  --quick                 a few minutes: 1 round, short cells, diagnostics at 1 client only
  --variants a,b          ids <uws|saw|eager>-<activity|local>[-<split|combined|native>]
                          (default ${DEFAULT_VARIANT_IDS.join(',')})
  --rounds N              repeats (default 3; quick 1)
  --warmup-ms N           per cell, not recorded (default 500; quick 300)
  --measure-ms N          per cell (default 1500; quick 1000)
  --store memory|sqlite   Temporal dev server state: in memory, or a temp SQLite file in WAL mode
                          like npm start (default sqlite)
  --model ID              model asked for, directly and through the API (default gpt-4.1-mini)
  --no-diagnostics        skip the cells that split the added latency
  --output-dir DIR        where chat-latency.json/.md go (default bench/results)
  --keep-logs             keep the temp dir with process logs
  --profile-dir DIR       write V8 CPU profiles (--cpu-prof) of the API and worker processes to DIR`;

/** Parses argv; throws with the usage text on anything unknown. */
export function parseChatLatencyOptions(argv: readonly string[], defaultOutputDir: string): ChatLatencyOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      variants: { type: 'string' },
      rounds: { type: 'string' },
      'warmup-ms': { type: 'string' },
      'measure-ms': { type: 'string' },
      store: { type: 'string', default: 'sqlite' },
      model: { type: 'string', default: 'gpt-4.1-mini' },
      'no-diagnostics': { type: 'boolean', default: false },
      'output-dir': { type: 'string', default: defaultOutputDir },
      'keep-logs': { type: 'boolean', default: false },
      'profile-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) throw new Error(USAGE);
  const quick = values.quick;
  const store = values.store;
  if (store !== 'memory' && store !== 'sqlite') throw new Error(`--store must be memory or sqlite\n${USAGE}`);
  return {
    quick,
    variants: parseVariants(values.variants ?? DEFAULT_VARIANT_IDS.join(',')),
    rounds: positiveInteger('rounds', values.rounds, quick ? 1 : 3),
    warmupMs: positiveInteger('warmup-ms', values['warmup-ms'], quick ? 300 : 500),
    measureMs: positiveInteger('measure-ms', values['measure-ms'], quick ? 1000 : 1500),
    latencyConcurrency: [1, 16],
    throughputConcurrency: [16, 64],
    store,
    model: values.model,
    timelineSample: quick ? 10 : 20,
    diagnostics: !values['no-diagnostics'],
    diagnosticConcurrency: quick ? [1] : [1, 16],
    outputDir: values['output-dir'],
    keepLogs: values['keep-logs'],
    profileDir: values['profile-dir'],
  };
}

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number, got "${raw}"\n${USAGE}`);
  return value;
}
