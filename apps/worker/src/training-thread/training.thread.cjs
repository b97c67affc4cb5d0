'use strict';
// The entry of the site-training thread. Plain CommonJS, so that the first
// thing the thread does, before loading a line of TypeScript, is to lower its
// own priority: the worker's scoring and the API on the same machine then win
// the cores over a training, from its start to its end (as preview threads do
// in the API, apps/api/src/preview/preview.thread.cjs).
require('@moderato/config/src/lower-thread-priority.cjs').lowerThisThreadPriority();

require('tsx/cjs/api').register();
module.exports = require('./training.task.ts');
