/**
 * Durable chat latency benchmark: how much the Temporal-backed path adds over calling the
 * same simulator directly with the official `openai` client, measured in the same run.
 *
 *   npm run bench:chat -- [--quick] [--variants uws-local,eager-local] [--rounds 3] [--store sqlite|memory]
 *
 * Starts its own headless Temporal dev server and simulator (0 ms model latency) on free ports;
 * for each variant starts the API and worker as they run for real, then measures closed-loop
 * latency at 1 and 16 clients and throughput at 16 and 64, each cell paired with the direct
 * call back to back. Prints one JSON document and writes bench/results/chat-latency.{json,md}.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '#libs/project';
import { fastestVariant, GOAL, optionEffects, summarizeBaseline, summarizeVariant, type VariantSummary } from './aggregate-results.js';
import { startInfrastructure, type Infrastructure } from './bench-stack.js';
import { parseChatLatencyOptions, type ChatLatencyOptions } from './chat-latency-options.js';
import { renderMarkdown, type ChatLatencyResult } from './chat-latency-report.js';
import { killAllChildrenNow, stopAllChildren } from './child-processes.js';
import { runDiagnostics, type Diagnostics } from './diagnostics.js';
import { machineInfo } from './machine-info.js';
import { measureVariantRound, type VariantRound } from './measure-variant.js';
import { SERVER_PROFILES } from './variants.js';

const log = (line: string) => process.stderr.write(`${line}\n`);

export async function runChatLatency(options: ChatLatencyOptions): Promise<ChatLatencyResult> {
  const began = Date.now();
  const workDir = mkdtempSync(join(tmpdir(), 'ballast-chat-latency-'));
  const failures: string[] = [];
  let infrastructure: Infrastructure | undefined;
  try {
    log(`chat-latency: work dir ${workDir}, Temporal store ${options.store}, variants ${options.variants.map((variant) => variant.id).join(', ')}`);
    infrastructure = await startInfrastructure({ store: options.store, workDir });
    log(`simulator ${infrastructure.simulatorUrl}; Temporal dev servers start per server profile on first use`);

    const concurrencies = [...new Set([...options.latencyConcurrency, ...options.throughputConcurrency])].sort((a, b) => a - b);
    const rounds = new Map<string, VariantRound[]>(options.variants.map((variant) => [variant.id, []]));
    for (let round = 1; round <= options.rounds; round += 1) {
      // Rotate the order so no variant always runs first (cold disk, fresh dev server) or last.
      const shift = (round - 1) % options.variants.length;
      const order = [...options.variants.slice(shift), ...options.variants.slice(0, shift)];
      for (const variant of order) {
        log(`round ${round}/${options.rounds}: ${variant.id}`);
        try {
          const measured = await measureVariantRound(variant, infrastructure, {
            round,
            concurrencies,
            model: options.model,
            warmupMs: options.warmupMs,
            measureMs: options.measureMs,
            timelineSample: options.timelineSample,
            nodeArgs: options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir] : [],
            log,
          });
          rounds.get(variant.id)?.push(measured);
        } catch (error) {
          const message = `${variant.id} round ${round}: ${(error as Error).message}`;
          failures.push(message);
          log(`  FAILED ${message}`);
        }
      }
    }

    const variants: VariantSummary[] = options.variants
      .filter((variant) => (rounds.get(variant.id)?.length ?? 0) > 0)
      .map((variant) => summarizeVariant(variant, rounds.get(variant.id) ?? [], options.latencyConcurrency, options.throughputConcurrency));
    const baseline = summarizeBaseline([...rounds.values()].flat(), options.latencyConcurrency, options.throughputConcurrency);
    const fastest = fastestVariant(variants);

    let diagnostics: Diagnostics | undefined;
    const diagnosed = options.variants.find((variant) => variant.id === fastest?.id) ?? options.variants[0];
    if (options.diagnostics && diagnosed) {
      log(`diagnostics on ${diagnosed.id}`);
      try {
        diagnostics = await runDiagnostics(diagnosed, infrastructure, {
          concurrencies: options.diagnosticConcurrency,
          model: options.model,
          warmupMs: options.warmupMs,
          measureMs: options.measureMs,
          log,
        });
      } catch (error) {
        failures.push(`diagnostics on ${diagnosed.id}: ${(error as Error).message}`);
      }
    }

    const meeting = variants.filter((variant) => variant.meetsGoal).map((variant) => variant.id);
    return {
      benchmark: 'chat-latency',
      machine: machineInfo(),
      settings: {
        quick: options.quick,
        rounds: options.rounds,
        warmupMs: options.warmupMs,
        measureMs: options.measureMs,
        latencyConcurrency: options.latencyConcurrency,
        throughputConcurrency: options.throughputConcurrency,
        temporalStore: options.store === 'sqlite' ? 'SQLite file in a temp dir, WAL, synchronous=normal (as npm start)' : 'in memory',
        model: options.model,
        simulatorLatencyMs: 0,
        loadGenerator: 'closed loop, official openai client (maxRetries 0), one process; each cell = warm-up then timed run',
        temporalCli: 'temporal server start-dev --headless (libs/temporal-cli startDevServer), one per server profile',
        serverProfiles: Object.fromEntries([...new Set(options.variants.map((variant) => variant.serverProfile))].map((name) => [name, SERVER_PROFILES[name]])),
      },
      baseline,
      variants,
      fastest: fastest?.id,
      goal: { ...GOAL, met: meeting.length > 0, variantsMeetingIt: meeting },
      effects: optionEffects(variants),
      diagnostics,
      durationSeconds: Math.round((Date.now() - began) / 1000),
      failures,
    };
  } finally {
    await infrastructure?.stop().catch((error: unknown) => log(`stopping infrastructure: ${String(error)}`));
    await stopAllChildren();
    if (options.keepLogs || failures.length > 0) log(`logs kept in ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  let options: ChatLatencyOptions;
  try {
    options = parseChatLatencyOptions(process.argv.slice(2), join(projectRoot(), 'bench', 'results'));
  } catch (error) {
    log((error as Error).message);
    process.exitCode = 2;
    return;
  }
  const stopOnSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping every process this benchmark started`);
    void stopAllChildren().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  process.once('exit', killAllChildrenNow);

  const result = await runChatLatency(options);
  const json = JSON.stringify(result, null, 2);
  mkdirSync(options.outputDir, { recursive: true });
  writeFileSync(join(options.outputDir, 'chat-latency.json'), `${json}\n`);
  writeFileSync(join(options.outputDir, 'chat-latency.md'), `${renderMarkdown(result)}\n`);
  process.stdout.write(`${json}\n`);
  log(`written ${join(options.outputDir, 'chat-latency.json')} and chat-latency.md`);
}

await main();
