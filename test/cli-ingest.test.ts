import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths, type IngestIo, type IngestReport } from '../apps/cli/src/commands/ingest.js';
import { startTestStack, TEST_API_KEY, type TestStack } from './support/test-stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

/** An output stream that keeps what is written; a terminal of `columns` when given. */
function capture(columns?: number) {
  const chunks: string[] = [];
  return {
    stream: { write: (text: string) => chunks.push(text), isTTY: columns !== undefined, columns },
    text: () => chunks.join(''),
  };
}

async function ingest(args: readonly string[], columns?: number): Promise<{ report: IngestReport; output: string; errors: string }> {
  const output = capture(columns);
  const errors = capture();
  const io: IngestIo = { fetch, output: output.stream, errors: errors.stream, env: {}, pollIntervalMs: 100 };
  const report = await ingestPaths([...args, '--api', stack.apiUrl, '--key', TEST_API_KEY], io);
  return { report, output: output.text(), errors: errors.text() };
}

/** A loopback port nothing listens on (one that was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolveClose) => server.close(resolveClose));
  return port;
}

function statuses(report: IngestReport): Record<string, string> {
  return Object.fromEntries(report.files.map((file) => [file.file, file.status]));
}

describe('ballast ingest', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ballast-cli-ingest-'));
  writeFileSync(join(folder, 'flights.md'), '# Flights\n\nEconomy class for flights shorter than six hours; business class from six hours.\n');
  writeFileSync(join(folder, 'hotels.md'), '# Hotels\n\nThe nightly hotel limit is 180 euros in Berlin and 220 euros in London.\n');
  writeFileSync(join(folder, 'meals.md'), '# Meals\n\nMeals are reimbursed up to 45 euros per day with receipts.\n');
  writeFileSync(join(folder, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]));
  mkdirSync(join(folder, 'guides'));
  writeFileSync(join(folder, 'guides', 'parking.md'), '# Parking\n\nParking costs 7 euros per day at the Berlin office.\n');

  test('uploads a folder recursively, skips what it cannot ingest, and waits until every document is ready', async () => {
    const { report, output } = await ingest([folder, '--collection', 'cli-handbook', '--create']);
    expect(report.exitCode).toBe(0);
    expect(statuses(report)).toEqual({ 'flights.md': 'ready', 'guides/parking.md': 'ready', 'hotels.md': 'ready', 'logo.png': 'skipped', 'meals.md': 'ready' });
    for (const file of report.files.filter((result) => result.status === 'ready')) {
      expect(file).toMatchObject({ version: 1, chunks: expect.any(Number) });
      expect(file.chunks).toBeGreaterThan(0);
    }
    expect(report.files.find((file) => file.file === 'logo.png')?.detail).toMatch(/unsupported file type \(\.png\)/);

    // Not a terminal: no redrawing, one line per file as it finishes, then the summary.
    expect(output).not.toContain('\r');
    expect(output).toContain('Created collection cli-handbook');
    const fileLines = output.split('\n').filter((line) => /^\[\d\/5\] /.test(line));
    expect(fileLines).toHaveLength(5);
    for (const name of ['flights.md', 'hotels.md', 'meals.md', 'guides/parking.md', 'logo.png']) {
      expect(fileLines.filter((line) => line.includes(` ${name}`))).toHaveLength(1);
    }
    expect(output).toMatch(/FILE\s+STATUS\s+CHUNKS\s+VERSION\s+DETAIL/);
    expect(output).toMatch(/guides\/parking\.md\s+ready\s+\d+\s+v1/);
    expect(output).toMatch(/5 files: 4 ready, 0 unchanged, 0 failed, 1 skipped in \d+\.\ds/);

    // Documents are named by their path relative to the folder, titled by their file name.
    const documents = (await (await stack.api('/v1/collections/cli-handbook/documents')).json()) as { data: Array<{ source_name: string; title: string; status: string }> };
    expect(documents.data.map((document) => document.source_name).sort()).toEqual(['flights.md', 'guides/parking.md', 'hotels.md', 'meals.md']);
    expect(documents.data.find((document) => document.source_name === 'guides/parking.md')).toMatchObject({ title: 'parking', status: 'ready' });
  });

  test('running it again reports unchanged files; an edited file gets a new version', async () => {
    const again = await ingest([folder, '--collection', 'cli-handbook', '--create']);
    expect(again.report.exitCode).toBe(0);
    expect(statuses(again.report)).toEqual({ 'flights.md': 'unchanged', 'guides/parking.md': 'unchanged', 'hotels.md': 'unchanged', 'logo.png': 'skipped', 'meals.md': 'unchanged' });
    expect(again.output).not.toContain('Created collection');
    expect(again.output).toMatch(/5 files: 0 ready, 4 unchanged, 0 failed, 1 skipped/);

    writeFileSync(join(folder, 'hotels.md'), '# Hotels\n\nThe nightly hotel limit is 200 euros in Berlin and 240 euros in London.\n');
    const edited = await ingest([folder, '--collection', 'cli-handbook']);
    expect(edited.report.exitCode).toBe(0);
    expect(statuses(edited.report)).toMatchObject({ 'hotels.md': 'ready', 'flights.md': 'unchanged', 'meals.md': 'unchanged', 'guides/parking.md': 'unchanged' });
    expect(edited.report.files.find((file) => file.file === 'hotels.md')).toMatchObject({ version: 2 });
    expect(edited.output).toMatch(/hotels\.md\s+ready\s+\d+\s+v2/);
  });

  test('a file the API refuses fails with its problem detail, the others still land, and the exit code is 1', async () => {
    const mixed = mkdtempSync(join(tmpdir(), 'ballast-cli-mixed-'));
    writeFileSync(join(mixed, 'empty.md'), '');
    writeFileSync(join(mixed, 'notes.txt'), 'Dogs are welcome in the Hamburg office on Fridays.\n');

    const missing = await ingest([mixed, '--collection', 'cli-mixed']);
    expect(missing.report.exitCode).toBe(1);
    expect(missing.errors).toContain("No collection 'cli-mixed'");
    expect(missing.errors).toContain('--create');

    // On a terminal 60 columns wide: one progress line redrawn with \r, never wider than the terminal.
    const { report, output } = await ingest([mixed, '--collection', 'cli-mixed', '--create', '--concurrency', '1'], 60);
    expect(report.exitCode).toBe(1);
    const empty = report.files.find((file) => file.file === 'empty.md');
    expect(empty?.status).toBe('failed');
    expect(empty?.detail).toEqual(expect.any(String));
    expect(output).toContain(empty!.detail!);
    expect(statuses(report)['notes.txt']).toBe('ready');
    // The progress line's redraws (the other \r segments blank it out to print failures above it).
    const redraws = output
      .split('\r')
      .map((segment) => segment.split('\n')[0]!)
      .filter((segment) => segment.startsWith('files '));
    expect(redraws.length).toBeGreaterThan(1);
    expect(redraws.some((line) => /^files 2\/2 \[#+\] {2}chunks \d+\/\d+ \[[#-]+\] {2}\d+\.\ds/.test(line))).toBe(true);
    for (const line of redraws) expect(line.length).toBeLessThan(60);
    expect(output).toMatch(/2 files: 1 ready, 0 unchanged, 1 failed, 0 skipped/);
  });

  test('--no-wait returns once the files are uploaded', async () => {
    const single = mkdtempSync(join(tmpdir(), 'ballast-cli-nowait-'));
    writeFileSync(join(single, 'pets.md'), '# Pets\n\nDogs are welcome in the Hamburg office on Fridays.\n');
    const { report, output } = await ingest([join(single, 'pets.md'), '--collection', 'cli-nowait', '--create', '--no-wait']);
    expect(report.exitCode).toBe(0);
    expect(report.files).toEqual([expect.objectContaining({ file: 'pets.md', status: expect.stringMatching(/^(queued|parsing|embedding|ready)$/), version: 1 })]);
    expect(output).toMatch(/1 file: .*in \d+\.\ds/);
  });

  test('usage errors exit with 2 and say what is wrong', async () => {
    const noCollection = await ingest([folder]);
    expect(noCollection.report.exitCode).toBe(2);
    expect(noCollection.errors).toMatch(/--collection <name> is required/);

    const noPath = await ingest(['--collection', 'cli-handbook']);
    expect(noPath.report.exitCode).toBe(2);
    expect(noPath.errors).toMatch(/at least one file or directory/);

    const missingPath = await ingest([join(folder, 'nope'), '--collection', 'cli-handbook']);
    expect(missingPath).toMatchObject({ report: { exitCode: 2 }, errors: expect.stringContaining('no such file or directory') });

    const badConcurrency = await ingest([folder, '--collection', 'cli-handbook', '--concurrency', 'many']);
    expect(badConcurrency).toMatchObject({ report: { exitCode: 2 }, errors: expect.stringContaining('--concurrency must be a whole number') });

    const unknown = await ingest([folder, '--collection', 'cli-handbook', '--frobnicate']);
    expect(unknown).toMatchObject({ report: { exitCode: 2 }, errors: expect.stringContaining('--frobnicate') });

    const help = await ingest(['--help']);
    expect(help.report.exitCode).toBe(0);
    expect(help.output).toContain('ballast ingest <path…> --collection <name>');
  });

  test('an API that does not answer is a clear failure, not a stack trace', async () => {
    const port = await closedPort();
    const output = capture();
    const report = await ingestPaths({ paths: [folder], collection: 'cli-handbook', apiUrl: `http://127.0.0.1:${port}/v1/`, apiKey: TEST_API_KEY }, { fetch, output: output.stream, env: {} });
    expect(report.exitCode).toBe(1);
    expect(output.text()).toContain(`cannot reach the Ballast API at http://127.0.0.1:${port} (ECONNREFUSED)`);
  });
});
