import { ensureTemporalCli, startDevServer, type DevServerHandle } from '#libs/temporal-cli';

/** A headless, in-memory Temporal dev server on free ports, with Ballast's search attributes. */
export async function startTemporalTestServer(): Promise<DevServerHandle> {
  const cli = ensureTemporalCli();
  return startDevServer({ cliPath: cli.path, headless: true });
}
