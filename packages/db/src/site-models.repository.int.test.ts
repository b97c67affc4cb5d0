import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { givenSite } from '../../../test/support/fixtures';
import { givenSiteModel, heldOut } from '../../../test/support/site-models';
import {
  activeSiteModelVersions,
  listSiteModelEvents,
  listSiteModels,
  NothingToRollBackError,
  promoteSiteModel,
  rollbackSiteModel,
  shadowSiteModel,
  SiteModelNotFoundError,
  SiteModelStatusError,
  SiteModelWorseError,
} from './site-models.repository';
import { findSite } from './sites.repository';

let testDb: TestDatabase;
const actor = 'owner-1';

beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.close());

const statuses = async (siteId: string) => Object.fromEntries((await listSiteModels(testDb.db, siteId)).map((m) => [m.version, m.status]));

describe('site model status changes', () => {
  it('promotes, retires the previous live model, and rolls back one step at a time to the shipped model', async () => {
    await givenSite(testDb.db, 'chain');
    for (const version of [1, 2, 3]) await givenSiteModel(testDb.db, 'chain', version);

    await promoteSiteModel(testDb.db, { siteId: 'chain', version: 1, actor });
    await promoteSiteModel(testDb.db, { siteId: 'chain', version: 2, actor });
    await promoteSiteModel(testDb.db, { siteId: 'chain', version: 3, actor });
    expect(await statuses('chain')).toEqual({ 1: 'retired', 2: 'retired', 3: 'live' });
    expect((await findSite(testDb.db, 'chain'))!.models).toEqual({ live: 3, shadow: null });

    expect(await rollbackSiteModel(testDb.db, { siteId: 'chain', actor })).toEqual({ retired: 3, live: 2 });
    expect(await rollbackSiteModel(testDb.db, { siteId: 'chain', actor })).toEqual({ retired: 2, live: 1 });
    expect(await rollbackSiteModel(testDb.db, { siteId: 'chain', actor })).toEqual({ retired: 1, live: null });
    expect((await findSite(testDb.db, 'chain'))!.models.live).toBeNull();
    await expect(rollbackSiteModel(testDb.db, { siteId: 'chain', actor })).rejects.toBeInstanceOf(NothingToRollBackError);
  });

  it('refuses to promote a model worse than live on its held-out labels without force, and audits a forced promotion', async () => {
    await givenSite(testDb.db, 'worse');
    await givenSiteModel(testDb.db, 'worse', 1, { metrics: { candidate: heldOut(0.7), live: heldOut(0.8), liveVersion: null } });

    await expect(promoteSiteModel(testDb.db, { siteId: 'worse', version: 1, actor })).rejects.toBeInstanceOf(SiteModelWorseError);
    expect(await statuses('worse')).toEqual({ 1: 'candidate' });

    await promoteSiteModel(testDb.db, { siteId: 'worse', version: 1, actor, force: true });
    const [event] = await listSiteModelEvents(testDb.db, 'worse');
    expect(event).toMatchObject({ version: 1, action: 'promote', forced: true, actor, details: { worseThanLive: true, previous: null } });
  });

  it('keeps one shadow per site: a new shadow sends the old one back to candidate', async () => {
    await givenSite(testDb.db, 'shadows');
    await givenSiteModel(testDb.db, 'shadows', 1);
    await givenSiteModel(testDb.db, 'shadows', 2);
    await shadowSiteModel(testDb.db, { siteId: 'shadows', version: 1, actor });
    await shadowSiteModel(testDb.db, { siteId: 'shadows', version: 2, actor });
    expect(await statuses('shadows')).toEqual({ 1: 'candidate', 2: 'shadow' });
    expect((await activeSiteModelVersions(testDb.db, ['shadows'])).get('shadows')).toEqual({ live: null, shadow: 2 });

    await promoteSiteModel(testDb.db, { siteId: 'shadows', version: 2, actor });
    expect(await statuses('shadows')).toEqual({ 1: 'candidate', 2: 'live' });
    await expect(shadowSiteModel(testDb.db, { siteId: 'shadows', version: 2, actor })).rejects.toBeInstanceOf(SiteModelStatusError);
    await expect(promoteSiteModel(testDb.db, { siteId: 'shadows', version: 2, actor })).rejects.toBeInstanceOf(SiteModelStatusError);
  });

  it('answers a version the site does not have as not found, even when another site has it', async () => {
    await givenSite(testDb.db, 'mine');
    await givenSite(testDb.db, 'theirs');
    await givenSiteModel(testDb.db, 'theirs', 1);
    await expect(promoteSiteModel(testDb.db, { siteId: 'mine', version: 1, actor })).rejects.toBeInstanceOf(SiteModelNotFoundError);
    expect(await statuses('theirs')).toEqual({ 1: 'candidate' });
  });

  it('lets two promotions of the same site take turns, leaving one live model', async () => {
    await givenSite(testDb.db, 'race');
    await givenSiteModel(testDb.db, 'race', 1);
    await givenSiteModel(testDb.db, 'race', 2);
    await Promise.all([promoteSiteModel(testDb.db, { siteId: 'race', version: 1, actor }), promoteSiteModel(testDb.db, { siteId: 'race', version: 2, actor })]);
    expect(Object.values(await statuses('race')).filter((s) => s === 'live')).toHaveLength(1);
  });

  it('keeps the audit trail append-only', async () => {
    await expect(testDb.db.deleteFrom('site_model_events').execute()).rejects.toThrow(/append-only/);
  });
});
