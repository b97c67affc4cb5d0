import { createLogger } from '@moderato/config';
import { loadModelBundle } from '@moderato/core';
import { LogCapture } from '../../../test/support/api-under-test';
import { givenSite } from '../../../test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { createSiteScorers } from './site-scorers';

let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
});

afterAll(async () => {
  await testDb.close();
});

it('scores with the shipped model when the live one cannot be loaded, and does not try again for every comment', async () => {
  const site = { ...(await givenSite(testDb.db, 'broken')), models: { live: 7, shadow: null } };
  const logs = new LogCapture();
  const base = loadModelBundle();
  const sut = createSiteScorers({ db: testDb.db, base, logger: createLogger({ level: 'info', service: 'test', destination: logs }) });

  for (let comment = 0; comment < 5; comment += 1) {
    const { live, shadow } = await sut.forSite(site);
    expect(live.modelVersion).toBe(base.version);
    expect(shadow).toBeUndefined();
  }

  expect(logs.lines.filter((line) => line.includes('site model could not be loaded'))).toHaveLength(1);
});
