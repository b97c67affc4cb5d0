import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { DEFAULT_SITE_SETTINGS } from '@moderato/core';
import { givenSite } from '../../../../test/support/fixtures';
import { givenLabelledComments } from '../../../../test/support/labelled-comments';
import { localSiteLabels } from '../../../../test/support/local-site-labels';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database';
import { createTrainingThread } from './training-thread';

/** Nice values of this process's threads, from /proc (field 19 of each thread's stat, after the command name). */
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

const linux = existsSync('/proc/self/task');
const START = Date.UTC(2026, 10, 1);
let testDb: TestDatabase;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await givenSite(testDb.db, 'local');
  await givenLabelledComments(testDb.db, 'local', localSiteLabels(200, 5).map((l, i) => ({ ...l, labelledAt: new Date(START + i * 60_000) })));
});

afterAll(async () => {
  await testDb.close();
});

describe('the training thread', () => {
  const sut = () => createTrainingThread(testDb.url);

  it('reads the site’s labels itself and trains its candidate', async () => {
    const thread = sut();
    try {
      const outcome = await thread.train({ siteId: 'local', cutoff: new Date(START + 200 * 60_000), settings: DEFAULT_SITE_SETTINGS });

      expect('trained' in outcome && outcome.trained.trainingData).toMatchObject({ labels: 200, heldOutLabels: 40 });
      expect(await thread.train({ siteId: 'local', cutoff: new Date(START + 10 * 60_000), settings: DEFAULT_SITE_SETTINGS })).toEqual({ tooFewLabels: 11 });
    } finally {
      await thread.close();
    }
  });

  // The thread must yield its core to the worker's scoring and to the API: a
  // wrong constant once left it at normal priority with nothing to say so.
  (linux ? it : it.skip)('runs at the lowest priority, and the rest of the worker keeps its own', async () => {
    const lowest = (values: number[]) => values.filter((nice) => nice === 19).length;
    const before = threadNiceValues();
    const thread = sut();
    try {
      await thread.train({ siteId: 'local', cutoff: new Date(START + 10 * 60_000), settings: DEFAULT_SITE_SETTINGS });

      // The pool keeps its idle thread a while: it is the one thread more at nice 19.
      expect(lowest(threadNiceValues())).toBe(lowest(before) + 1);
    } finally {
      await thread.close();
    }
  });
});
