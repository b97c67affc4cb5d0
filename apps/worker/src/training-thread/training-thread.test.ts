import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { DEFAULT_SITE_SETTINGS } from '@moderato/core';
import { localSiteLabels } from '../../../../test/support/local-site-labels';
import { createTrainingThread } from './training-thread';

/** Nice values of this process's threads, from /proc (field 19 of each thread's stat, after the command name). */
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

const linux = existsSync('/proc/self/task');

// The thread must yield its core to the worker's scoring and to the API: a
// wrong constant once left it at normal priority with nothing to say so.
(linux ? it : it.skip)('trains in a thread of its own at the lowest priority, and the rest of the worker keeps its own', async () => {
  const before = threadNiceValues();
  const sut = createTrainingThread();
  try {
    const start = Date.UTC(2026, 10, 1);
    const labels = localSiteLabels(200, 5).map((l, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, body: l.body, language: 'en', spam: l.spam, toxic: l.toxic, labelledAt: new Date(start + i * 60_000) }));

    const trained = await sut.train({ labels, live: null, settings: DEFAULT_SITE_SETTINGS, cutoff: new Date(start + 200 * 60_000) });

    expect(trained.trainingData.labels).toBe(200);
    // The pool keeps its idle thread a while: it is the one thread more at nice 19.
    const lowest = (values: number[]) => values.filter((nice) => nice === 19).length;
    expect(lowest(threadNiceValues())).toBe(lowest(before) + 1);
  } finally {
    await sut.close();
  }
}, 30_000);
