'use strict';
// The entry of a preview thread. Plain CommonJS, so that the first thing the
// thread does, before loading a line of TypeScript (about a second of CPU),
// is to lower its own priority: on a busy machine the API's event loop then
// wins the cores over a preview, from the thread's start to its end.
require('@moderato/config/src/lower-thread-priority.cjs').lowerThisThreadPriority();

// There is no build step: the thread compiles the sources itself, in-thread
// (an --import loader would add a hooks thread at normal priority).
require('tsx/cjs/api').register();
module.exports = require('./preview.task.ts');
