import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { BlobTooLargeError, InvalidBlobIdError } from './blob-errors.js';
import { NotFoundError } from './not-found-error.js';

/** Bytes to store: a buffer, or any async iterable of chunks (Node streams, web streams). */
export type BlobSource = Uint8Array | AsyncIterable<Uint8Array>;

/** A stored blob. */
export interface StoredBlob {
  /** sha256 of the content, 64 lowercase hex digits. */
  readonly blobId: string;
  readonly bytes: number;
}

/** Options of `BlobStore.put`. */
export interface PutBlobOptions {
  /** Refuse (BlobTooLargeError, nothing stored) once more than this many bytes arrive. */
  readonly maxBytes?: number;
}

const BLOB_ID = /^[0-9a-f]{64}$/;
const TEMPORARY_DIRECTORY = 'tmp';

/** Throws InvalidBlobIdError unless `blobId` is a sha256 in lowercase hex. */
export function assertBlobId(blobId: string): void {
  if (!BLOB_ID.test(blobId)) {
    throw new InvalidBlobIdError(blobId);
  }
}

/**
 * Content-addressed files under one directory (by default `<dataDir>/blobs`): a blob's id is
 * the sha256 of its bytes, stored at `<aa>/<id>` (first two hex digits shard the directory).
 * Writes go to `tmp/` then are renamed into place, so a reader never sees a partial blob and
 * storing the same bytes twice keeps one copy. Ids are checked before any path is built.
 * Deleting is by id: callers sharing identical content must agree before deleting it.
 */
export class BlobStore {
  constructor(readonly directory: string) {}

  /** The store under `<dataDir>/blobs`. */
  static forDataDir(dataDir: string): BlobStore {
    return new BlobStore(join(dataDir, 'blobs'));
  }

  /** Stores `source` and returns its id and size. A failing source stores nothing. */
  async put(source: BlobSource, options: PutBlobOptions = {}): Promise<StoredBlob> {
    const temporaryDirectory = join(this.directory, TEMPORARY_DIRECTORY);
    await mkdir(temporaryDirectory, { recursive: true });
    const temporaryPath = join(temporaryDirectory, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let bytes = 0;
    let handle: FileHandle | undefined = await open(temporaryPath, 'wx');
    try {
      for await (const chunk of source instanceof Uint8Array ? [source] : source) {
        bytes += chunk.byteLength;
        if (options.maxBytes !== undefined && bytes > options.maxBytes) {
          throw new BlobTooLargeError(options.maxBytes, bytes);
        }
        hash.update(chunk);
        await handle.write(chunk);
      }
      // Durable before it becomes visible: a crash after rename never leaves a short file.
      await handle.sync();
      await handle.close();
      handle = undefined;
      const blobId = hash.digest('hex');
      await mkdir(join(this.directory, blobId.slice(0, 2)), { recursive: true });
      await rename(temporaryPath, this.pathOf(blobId));
      return { blobId, bytes };
    } catch (error) {
      await handle?.close();
      await rm(temporaryPath, { force: true });
      throw error;
    }
  }

  /** The whole blob in memory. NotFoundError when absent. */
  async get(blobId: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(blobId));
    } catch (error) {
      throw notFoundOr(error, blobId);
    }
  }

  /** A stream of the blob, for large ones. NotFoundError (at call time, not mid-stream) when absent. */
  async openStream(blobId: string): Promise<Readable> {
    try {
      const handle = await open(this.pathOf(blobId), 'r');
      return handle.createReadStream({ autoClose: true });
    } catch (error) {
      throw notFoundOr(error, blobId);
    }
  }

  /** Size in bytes, or undefined when absent. */
  async size(blobId: string): Promise<number | undefined> {
    try {
      return (await stat(this.pathOf(blobId))).size;
    } catch (error) {
      if (isMissingFile(error)) {
        return undefined;
      }
      throw error;
    }
  }

  /** Removes the blob; false when it was already absent. */
  async delete(blobId: string): Promise<boolean> {
    try {
      await unlink(this.pathOf(blobId));
      return true;
    } catch (error) {
      if (isMissingFile(error)) {
        return false;
      }
      throw error;
    }
  }

  /**
   * Removes partial uploads last written before `olderThan` (left by a crash mid-upload).
   * Returns how many were removed.
   */
  async removeStaleUploads(olderThan: Date): Promise<number> {
    const temporaryDirectory = join(this.directory, TEMPORARY_DIRECTORY);
    let names: string[];
    try {
      names = await readdir(temporaryDirectory);
    } catch (error) {
      if (isMissingFile(error)) {
        return 0;
      }
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      const path = join(temporaryDirectory, name);
      const modified = await stat(path).then((stats) => stats.mtime, () => undefined);
      if (modified !== undefined && modified < olderThan) {
        await rm(path, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  private pathOf(blobId: string): string {
    assertBlobId(blobId);
    return join(this.directory, blobId.slice(0, 2), blobId);
  }
}

function isMissingFile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

function notFoundOr(error: unknown, blobId: string): unknown {
  return isMissingFile(error) ? new NotFoundError({ entity: 'blob', id: blobId }) : error;
}
