import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBlobStore } from './check-blob-store.js';
import { checkDataDir } from './check-data-dir.js';
import { checkWritableDirectory } from './check-writable-directory.js';
import { doctorTestContext } from './doctor-test-config.js';

describe('checkWritableDirectory', () => {
  const root = mkdtempSync(join(tmpdir(), 'ballast-writable-'));

  it('passes for a writable directory and leaves no probe file behind', async () => {
    const result = await checkWritableDirectory('data dir', root, 'hint');
    expect(result).toMatchObject({ status: 'pass', detail: `${root} is writable` });
    expect(readdirSync(root)).toEqual([]);
  });

  it('passes for a directory Ballast will create under a writable parent, without creating it', async () => {
    const result = await checkWritableDirectory('data dir', join(root, 'later', 'deeper'), 'hint');
    expect(result.status).toBe('pass');
    expect(result.detail).toContain('does not exist yet');
    expect(readdirSync(root)).toEqual([]);
  });

  it('fails, with the fix, when the path is a file or lies under one', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    expect(await checkWritableDirectory('data dir', file, 'set BALLAST_DATA_DIR')).toMatchObject({
      status: 'fail',
      detail: `${file} is a file, not a directory`,
      fix: 'remove it or set BALLAST_DATA_DIR',
    });
    expect(await checkWritableDirectory('data dir', join(file, 'sub'), 'set BALLAST_DATA_DIR')).toMatchObject({
      status: 'fail',
      detail: `${join(file, 'sub')} cannot be created: ${file} is a file`,
      fix: 'set BALLAST_DATA_DIR',
    });
  });

  it('checks dataDir and the blob directory of the configuration', async () => {
    const context = doctorTestContext();
    expect(await checkDataDir(context)).toEqual([expect.objectContaining({ name: 'data dir', status: 'pass' })]);
    const blobFile = join(root, 'blob-file');
    writeFileSync(blobFile, 'x');
    const broken = doctorTestContext({ storage: { blobDirectory: blobFile } });
    expect(await checkBlobStore(broken)).toEqual([expect.objectContaining({ name: 'blob store', status: 'fail', fix: expect.stringContaining('BALLAST_BLOB_DIR') })]);
  });
});
