import type { DocumentRecord, Page, PageOptions } from '#libs/store';
import { CollectionVersions, type DocumentLister } from './collection-versions.js';

function document(id: string, activeVersion: number | undefined, status: DocumentRecord['status'] = 'ready'): DocumentRecord {
  return {
    id,
    tenantId: 'tenant-a',
    collectionId: 'col_1',
    title: id,
    mediaType: 'text/plain',
    latestVersion: activeVersion ?? 1,
    ...(activeVersion === undefined ? {} : { activeVersion }),
    status,
    chunksTotal: 1,
    chunksEmbedded: 1,
    bytes: 10,
    createdAt: '2031-01-01T00:00:00.000Z',
    updatedAt: '2031-01-01T00:00:00.000Z',
  };
}

/** A lister over a mutable array, paging two documents at a time to exercise the cursor loop. */
function lister(documents: DocumentRecord[]): DocumentLister & { calls: number } {
  return {
    calls: 0,
    async list(_tenantId: string, _collectionId: string, options: PageOptions = {}): Promise<Page<DocumentRecord>> {
      this.calls += 1;
      const start = options.cursor === undefined ? 0 : Number(options.cursor);
      const items = documents.slice(start, start + 2);
      return start + 2 < documents.length ? { items, nextCursor: String(start + 2) } : { items };
    },
  };
}

test('the version changes when a document gets a new active version, is deleted or is added, and only then', async () => {
  const documents = [document('doc_a', 1), document('doc_b', 1), document('doc_c', 2)];
  const changes: string[][] = [];
  const versions = new CollectionVersions(lister(documents), (_tenant, ids) => changes.push([...ids]));
  const first = await versions.version('tenant-a', 'col_1');
  expect(first).toMatch(/^3-[0-9a-f]{32}$/);

  // A new upload still ingesting: readers keep version 1, so answers stay valid.
  documents[0] = { ...document('doc_a', 1, 'embedding'), latestVersion: 2 };
  expect(await versions.version('tenant-a', 'col_1')).toBe(first);

  documents[0] = document('doc_a', 2);
  const reuploaded = await versions.version('tenant-a', 'col_1');
  expect(reuploaded).not.toBe(first);

  documents[1] = document('doc_b', 1, 'deleting');
  const deleting = await versions.version('tenant-a', 'col_1');
  expect(deleting).not.toBe(reuploaded);
  expect(deleting.startsWith('2-')).toBe(true);

  documents.push(document('doc_d', undefined, 'queued'));
  expect(await versions.version('tenant-a', 'col_1')).toBe(deleting);
  documents[3] = document('doc_d', 1);
  expect(await versions.version('tenant-a', 'col_1')).not.toBe(deleting);

  expect(changes).toEqual([['doc_a'], ['doc_b']]);
});

test('every page of a large collection is read', async () => {
  const documents = Array.from({ length: 5 }, (_, index) => document(`doc_${index}`, 1));
  const source = lister(documents);
  const versions = new CollectionVersions(source, () => undefined);
  expect(await versions.version('tenant-a', 'col_1')).toMatch(/^5-/);
  expect(source.calls).toBe(3);
});
