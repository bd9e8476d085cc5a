import { API_KEY_VARIABLE, API_URL_VARIABLE, DEFAULT_API_URL } from '../../http/client-settings.js';

const CONNECTION = `  --api <url>          API base URL (env ${API_URL_VARIABLE}; default ${DEFAULT_API_URL})
  --key <api key>      API key (env ${API_KEY_VARIABLE}; default the development key)
  -h, --help           show this help`;

const EXIT_CODES = `Exit codes: 0 ok, 1 API or usage error, 2 the batch ended failed, expired or cancelled
(with --wait), 130 stopped waiting (Ctrl-C; the batch goes on).`;

export const BATCH_USAGE = `ballast batch <subcommand> [options]

Batch jobs: many chat requests run without waiting for each answer, through the provider's
batch API at its discount (--mode provider) or by Ballast off-peak (--mode queued).

Subcommands:
  submit <file.jsonl>  send an OpenAI batch input file; prints the batch id and invalid lines
  status <id>          show a batch (--wait: follow it until it ends)
  results <id>         download the results JSONL (to stdout, or -o <file>)
  cancel <id>          cancel a batch
  list                 the latest batches

Run 'ballast batch <subcommand> --help' for its options.

${EXIT_CODES}
`;

export const SUBMIT_USAGE = `ballast batch submit <file.jsonl> [options]

Sends a JSONL file of requests, one per line, in OpenAI's batch input format:
  {"custom_id": "a-1", "method": "POST", "url": "/v1/chat/completions", "body": {"model": …, "messages": […]}}
Each line is checked alone: invalid lines are listed (line number, custom_id, reason) and
left out, the valid ones go on.

Options:
  --mode <mode>                 provider (the provider's batch API, default) or queued
  --completion-window <window>  deadline, 1h to 7d (e.g. 24h, 2d; default the API's, 24h)
  --webhook-url <url>           the API POSTs the batch object there when it ends
  --metadata <key=value>        a metadata entry; may be repeated
  --wait                        follow the batch with a progress bar until it ends
  --json                        print the batch object as JSON
${CONNECTION}

${EXIT_CODES}
`;

export const STATUS_USAGE = `ballast batch status <id> [options]

Shows a batch: status, request counts, cost, times and invalid lines.

Options:
  --wait               follow it with a progress bar until it ends (Ctrl-C stops following only)
  --json               print the batch object as JSON
${CONNECTION}

${EXIT_CODES}
`;

export const RESULTS_USAGE = `ballast batch results <id> [options]

Downloads the results as JSONL, one line per finished request in input order, in OpenAI's
batch output format. Requests still pending are not in it yet: the command says how many.

Options:
  -o, --output <file>  write to this file instead of stdout
${CONNECTION}

Exit codes: 0 ok, 1 API or usage error.
`;

export const CANCEL_USAGE = `ballast batch cancel <id> [options]

Cancels a batch: requests not finished yet are cancelled, finished ones keep their results.

Options:
  --json               print the batch object as JSON
${CONNECTION}

Exit codes: 0 ok, 1 API or usage error.
`;

export const LIST_USAGE = `ballast batch list [options]

Lists the latest batches of your tenant, newest first.

Options:
  --limit <n>          how many (default the API's)
  --json               print the batch objects as JSON
${CONNECTION}

Exit codes: 0 ok, 1 API or usage error.
`;
