import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { BlobTooLargeError, InvalidBlobIdError } from './blob-errors.js';
import { BlobStore } from './blob-store.js';
import { NotFoundError } from './not-found-error.js';

let dataDir: string;
let blobs: BlobStore;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ballast-blobs-'));
  blobs = BlobStore.forDataDir(dataDir);
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

test('a blob is stored under its sha256 and read back whole or streamed', async () => {
  const content = Buffer.from('# Handbook\n\nWelcome.\n');
  const stored = await blobs.put(content);
  expect(stored).toEqual({ blobId: sha256(content), bytes: content.length });
  expect(await blobs.get(stored.blobId)).toEqual(content);
  const streamed: Buffer[] = [];
  for await (const chunk of await blobs.openStream(stored.blobId)) {
    streamed.push(chunk as Buffer);
  }
  expect(Buffer.concat(streamed)).toEqual(content);
  expect(await blobs.size(stored.blobId)).toBe(content.length);
});

test('a stream is hashed as it is written; the same bytes twice keep one copy and no temporary files', async () => {
  const parts = [Buffer.alloc(70_000, 1), Buffer.alloc(70_000, 2)];
  const first = await blobs.put(Readable.from(parts));
  const second = await blobs.put(Buffer.concat(parts));
  expect(first).toEqual(second);
  expect(first.blobId).toBe(sha256(Buffer.concat(parts)));
  expect(await readdir(join(dataDir, 'blobs', first.blobId.slice(0, 2)))).toEqual([first.blobId]);
  expect(await readdir(join(dataDir, 'blobs', 'tmp'))).toEqual([]);
});

test('an upload over the limit or a failing source stores nothing', async () => {
  const tooLarge = await caught(blobs.put(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), { maxBytes: 1000 }));
  expect(BlobTooLargeError.isInstance(tooLarge)).toBe(true);
  expect(tooLarge).toMatchObject({ maxBytes: 1000, receivedBytes: 1200 });

  async function* failing() {
    yield Buffer.from('partial');
    throw new Error('client hung up');
  }
  await expect(blobs.put(failing())).rejects.toThrow('client hung up');
  expect(await readdir(join(dataDir, 'blobs', 'tmp'))).toEqual([]);
});

test('ids that are not a sha256 are refused before touching the filesystem', async () => {
  for (const blobId of ['../../etc/passwd', `${'a'.repeat(63)}/`, 'A'.repeat(64), '']) {
    expect(InvalidBlobIdError.isInstance(await caught(blobs.get(blobId)))).toBe(true);
    expect(InvalidBlobIdError.isInstance(await caught(blobs.delete(blobId)))).toBe(true);
  }
});

test('a missing blob is a NotFoundError; delete reports whether it removed something', async () => {
  const stored = await blobs.put(Buffer.from('bye'));
  expect(await blobs.delete(stored.blobId)).toBe(true);
  expect(await blobs.delete(stored.blobId)).toBe(false);
  const missing = await caught(blobs.get(stored.blobId));
  expect(NotFoundError.isInstance(missing)).toBe(true);
  expect(missing).toMatchObject({ entity: 'blob', id: stored.blobId });
  expect(NotFoundError.isInstance(await caught(blobs.openStream(stored.blobId)))).toBe(true);
  expect(await blobs.size(stored.blobId)).toBeUndefined();
});

test('partial uploads left by a crash are removed once stale, fresh ones are kept', async () => {
  const temporary = join(dataDir, 'blobs', 'tmp');
  await mkdir(temporary, { recursive: true });
  await writeFile(join(temporary, 'old.part'), 'x');
  await writeFile(join(temporary, 'new.part'), 'y');
  const hourAgo = new Date(Date.now() - 3_600_000);
  await utimes(join(temporary, 'old.part'), hourAgo, hourAgo);
  expect(await blobs.removeStaleUploads(new Date(Date.now() - 60_000))).toBe(1);
  expect(await readdir(temporary)).toEqual(['new.part']);
});
