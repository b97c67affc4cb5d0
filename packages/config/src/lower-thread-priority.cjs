'use strict';
// Plain CommonJS, so that a thread's entry can call it before loading a line
// of TypeScript (tsx compiling the sources is itself a second of CPU).
const { readlinkSync } = require('node:fs');
const { constants, setPriority } = require('node:os');

/**
 * Gives the calling thread the lowest priority (nice 19), so that the
 * event loops sharing its cores win them: Linux keeps a nice value per
 * thread and takes a thread id where setpriority takes a pid. Returns false
 * where there is no /proc/thread-self (not Linux): the thread then runs at
 * normal priority. Any other failure is a bug and is thrown.
 */
function lowerThisThreadPriority() {
  let link;
  try {
    link = readlinkSync('/proc/thread-self');
  } catch (error) {
    if (error && error.code === 'ENOENT') return false;
    throw error;
  }
  setPriority(Number(link.split('/').pop()), constants.priority.PRIORITY_LOW);
  return true;
}

module.exports = { lowerThisThreadPriority };
