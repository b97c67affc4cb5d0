import { existsSync } from 'node:fs';
import { getPriority } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

// A thread's nice value, as its own entry sets it: what the preview and training threads do first.
async function threadPriority(source: string): Promise<{ lowered: boolean; nice: number }> {
  const worker = new Worker(source, { eval: true, workerData: path.join(__dirname, 'lower-thread-priority.cjs') });
  const [message] = (await new Promise((resolve, reject) => {
    worker.once('message', (m) => resolve([m]));
    worker.once('error', reject);
  })) as [{ lowered: boolean; nice: number }];
  await worker.terminate();
  return message;
}

const linux = existsSync('/proc/thread-self');

(linux ? it : it.skip)('lowers the calling thread to nice 19, and only it', async () => {
  const before = getPriority();
  const result = await threadPriority(`
    const { parentPort, workerData } = require('node:worker_threads');
    const { readlinkSync } = require('node:fs');
    const { getPriority } = require('node:os');
    const lowered = require(workerData).lowerThisThreadPriority();
    parentPort.postMessage({ lowered, nice: getPriority(Number(readlinkSync('/proc/thread-self').split('/').pop())) });
  `);
  expect(result).toEqual({ lowered: true, nice: 19 });
  expect(getPriority()).toBe(before);
});
