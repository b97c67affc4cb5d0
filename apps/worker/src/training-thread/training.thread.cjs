'use strict';
// The entry of the site-training thread. Plain CommonJS, so that the first
// thing the thread does, before loading a line of TypeScript, is to lower its
// own priority: the worker's scoring and the API on the same machine then win
// the cores over a training, from its start to its end (as preview threads do
// in the API, apps/api/src/preview/preview.thread.cjs).
const { readlinkSync } = require('node:fs');
const { constants, setPriority } = require('node:os');

try {
  // Linux keeps a nice value per thread and takes a thread id where a pid goes.
  const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, constants.priority.PRIORITY_LOWEST);
} catch {
  // Not Linux, or no /proc: the training runs at normal priority.
}

require('tsx/cjs/api').register();
module.exports = require('./training.task.ts');
