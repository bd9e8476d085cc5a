import { randomUUID } from 'node:crypto';
import type { StoreDatabase } from '../create-database.js';
import { forEachStoreBackend } from '../ledger/testing/each-store-backend.js';
import { ConversationSummariesRepository } from './conversation-summaries-repository.js';

forEachStoreBackend('conversation summaries', (backend) => {
  describe(`conversation summaries: ${backend.name}`, () => {
    let database: StoreDatabase;
    beforeEach(async () => {
      database = await backend.createDatabase();
    });
    afterEach(async () => {
      await database.close();
    });

    test('finds the longest stored prefix within reach, per tenant and conversation', async () => {
      const summaries = new ConversationSummariesRepository(database.db);
      const conversation = `conv-${randomUUID()}`;
      await summaries.save('tenant-a', conversation, { coveredMessages: 2, coveredHash: 'h2', summary: 'two turns', tokens: 3 });
      await summaries.save('tenant-a', conversation, { coveredMessages: 6, coveredHash: 'h6', summary: 'six turns', tokens: 4 });
      // Saving the same turns again (a retried attempt) keeps the first summary.
      await summaries.save('tenant-a', conversation, { coveredMessages: 6, coveredHash: 'h6', summary: 'again', tokens: 9 });

      expect((await summaries.candidates('tenant-a', conversation, 10)).map((found) => found.summary)).toEqual(['six turns', 'two turns']);
      expect((await summaries.candidates('tenant-a', conversation, 4)).map((found) => found.coveredHash)).toEqual(['h2']);
      expect(await summaries.candidates('tenant-b', conversation, 10)).toEqual([]);
    });
  });
});
