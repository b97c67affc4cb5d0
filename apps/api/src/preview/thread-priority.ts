import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';

/**
 * Gives the calling thread the lowest CPU priority (nice 19), so on a busy
 * machine the API's own event loop wins the cores over a preview. Linux keeps
 * a nice value per thread and takes a thread id where a pid goes; elsewhere
 * (or when not permitted) this does nothing and the thread runs as usual.
 */
export function lowerThisThreadsPriority(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, constants.priority.PRIORITY_LOW);
  } catch {
    // Not Linux, or no /proc: the preview still runs, only at normal priority.
  }
}
