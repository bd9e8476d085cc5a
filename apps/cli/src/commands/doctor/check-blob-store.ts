import { join } from 'node:path';
import { checkWritableDirectory } from './check-writable-directory.js';
import type { DoctorCheck } from './doctor-check.js';

/** Uploaded documents' bytes: every API and worker must be able to write the same directory. */
export const checkBlobStore: DoctorCheck = async ({ config }) => {
  const directory = config.storage.blobDirectory ?? join(config.dataDir, 'blobs');
  const result = await checkWritableDirectory('blob store', directory, 'point BALLAST_BLOB_DIR (storage.blobDirectory) at a writable directory shared by every API and worker');
  return [result];
};
