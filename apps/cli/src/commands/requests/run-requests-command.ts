import type { ListedRequest } from '#libs/contracts';
import { ApiError, BallastApi, type FetchFunction } from '../../http/ballast-api.js';
import type { OutputStream } from '../../progress/progress-display.js';
import { formatRequestList } from './format-requests.js';
import { parseRequestsArgs, REQUESTS_USAGE, RequestsUsageError, type RequestsCommand } from './requests-args.js';

/** What `runRequestsCommand` talks to: injected so tests run it in-process. */
export interface RequestsIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Where BALLAST_API_URL / BALLAST_API_KEY are read; default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Default the global fetch. */
  readonly fetch?: FetchFunction;
}

/**
 * `ballast requests list …`, `ballast replay <id> …`, `ballast reset <id> …` (argv starts with
 * `requests`, `replay` or `reset`). Exit code 0 ok, 1 an API or usage error (printed on stderr).
 */
export async function runRequestsCommand(argv: readonly string[], io: RequestsIo): Promise<0 | 1> {
  let command: RequestsCommand;
  try {
    command = parseRequestsArgs(argv, io.env ?? process.env);
  } catch (error) {
    if (!(error instanceof RequestsUsageError)) throw error;
    io.stderr.write(`ballast ${argv[0] ?? 'requests'}: ${error.message}\nRun 'ballast requests --help' for usage.\n`);
    return 1;
  }
  if (command.kind === 'help') {
    io.stdout.write(REQUESTS_USAGE);
    return 0;
  }
  const api = new BallastApi(command.connection.apiUrl, command.connection.apiKey, io.fetch ?? fetch);
  try {
    switch (command.kind) {
      case 'list': {
        const query = new URLSearchParams(command.query).toString();
        const page = (await api.send('GET', `/v1/requests${query ? `?${query}` : ''}`)) as { data: ListedRequest[]; next_cursor: string | null };
        io.stdout.write(command.json ? `${JSON.stringify(page, null, 2)}\n` : formatRequestList(page.data, page.next_cursor));
        return 0;
      }
      case 'replay': {
        const replay = (await api.send('POST', `/v1/requests/${encodeURIComponent(command.id)}/replay`, json(command.body))) as Record<string, string>;
        io.stdout.write(
          command.json
            ? `${JSON.stringify(replay, null, 2)}\n`
            : `Replaying ${command.id} as ${replay['id']} (model ${replay['model']})\n  status       GET ${replay['status_url']}\n  Temporal UI  ${replay['temporal_ui_url']}\n`,
        );
        return 0;
      }
      case 'reset': {
        const reset = (await api.send('POST', `/v1/requests/${encodeURIComponent(command.id)}/reset`, json(command.body))) as Record<string, string>;
        io.stdout.write(
          command.json
            ? `${JSON.stringify(reset, null, 2)}\n`
            : `Reset ${command.id} to ${reset['reset_to']} (event ${reset['reset_to_event_id']})\n  new run      ${reset['run_id']} (was ${reset['previous_run_id']})\n  Temporal UI  ${reset['temporal_ui_url']}\n`,
        );
        return 0;
      }
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    io.stderr.write(`${error.title && error.title !== error.message ? `${error.title}: ${error.message}` : error.message}\n`);
    return 1;
  }
}

function json(body: object): { text: string; contentType: string } {
  return { text: JSON.stringify(body), contentType: 'application/json' };
}
