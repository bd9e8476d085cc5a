import { checkWritableDirectory } from './check-writable-directory.js';
import type { DoctorCheck } from './doctor-check.js';

/** `dataDir` holds the embedded store, vectors, blobs and the dev server's database: it must be writable. */
export const checkDataDir: DoctorCheck = async ({ config }) => [
  await checkWritableDirectory('data dir', config.dataDir, 'point BALLAST_DATA_DIR (or dataDir in ballast.yaml) at a writable directory'),
];
