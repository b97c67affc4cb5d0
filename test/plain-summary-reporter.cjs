'use strict';

/**
 * Ends the run with one plain line, `tests: N passed, N failed, N skipped`,
 * which CI systems that don't parse jest's own summary can read.
 */
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `tests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`;
    // After jest's own summary, so it really is the closing line.
    process.once('exit', () => process.stdout.write(line));
  }
}

module.exports = PlainSummaryReporter;
