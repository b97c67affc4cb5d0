import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createPersonalDataKeys } from '@moderato/core';
import type { ImportWrite } from '@moderato/db';
import { runImport } from './run-import';
import { readWordPressExport } from './wordpress-export.reader';

const FIXTURE = path.join(__dirname, '../../../../test/fixtures/import/wordpress.xml');
const options = { siteId: 'blog', source: 'wordpress' as const, articleFrom: 'path' as const, keys: createPersonalDataKeys('k'.repeat(32)), dryRun: false, batchSize: 3 };
const events = () => readWordPressExport(createReadStream(FIXTURE, { encoding: 'utf8', highWaterMark: 512 }));

// The batching seam only: what reaches the database is tested on Postgres (test/import).
describe('runImport', () => {
  it('hands every readable comment over once, in file order, in batches, and counts the outcomes', async () => {
    const batches: string[][] = [];
    const { summary, hasErrors } = await runImport(events(), options, async (writes: ImportWrite[]) => {
      batches.push(writes.map((w) => w.imported.sourceId));
      return writes.map((w) => (w.imported.sourceId === '4' ? 'already-imported' : 'imported'));
    });
    expect(batches).toEqual([['1', '3', '2'], ['4', '5', '6'], ['7', '11', '21'], ['20']]);
    expect(hasErrors).toBe(true);
    expect(summary).toMatchObject({ imported: 9, skipped: 2, skippedBy: { alreadyImported: 1, notAComment: 1 }, errorCount: 3 });
  });

  it('stops at a failed batch with its error', async () => {
    let calls = 0;
    const failing = runImport(events(), options, async (writes) => {
      calls += 1;
      if (calls === 2) throw new Error('database went away');
      return writes.map(() => 'imported' as const);
    });
    await expect(failing).rejects.toThrow('database went away');
    expect(calls).toBeLessThanOrEqual(3);
  });
});
