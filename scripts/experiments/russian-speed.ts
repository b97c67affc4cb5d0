// Times what the Russian path adds per comment: language detection,
// normalisation + stemming + obscenity matching + hashed features, on
// 300-character comments (warm caches, as in a running worker).
// Usage: npx tsx scripts/experiments/russian-speed.ts
import path from 'node:path';
import { detectLanguage } from '../../packages/core/src/scoring/language/detect-language';
import { analyseRussian } from '../../packages/core/src/scoring/normalise/russian';
import { russianFeatures } from '../../packages/core/src/scoring/russian-features';
import { englishAnalyser } from '../../packages/core/src/scoring/analysers/english';
import { textFeatures } from '../../packages/core/src/scoring/text-classifier';
import { readLabeledJsonl } from '../../packages/training/src/dataset';

const HASH_BITS = 18;
const rows = readLabeledJsonl(path.join(__dirname, '..', '..', '..', 'shared', 'data', 'toxicity-ru', 'dev.jsonl'));
// Dev comments glued to about 300 characters each, so the figure is per typical long comment.
const bodies: string[] = [];
let current = '';
for (const row of rows) {
  current += `${row.text} `;
  if (current.length >= 300) {
    bodies.push(current.slice(0, 300));
    current = '';
  }
}

// The machine is shared: CPU time (not wall time) of the fastest of nine
// rounds is the figure least disturbed by other processes.
function perComment(step: (body: string) => unknown): number {
  for (const body of bodies) step(body);
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 9; round += 1) {
    const started = process.cpuUsage();
    for (const body of bodies) step(body);
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / bodies.length);
  }
  return best;
}

console.log(`${bodies.length} bodies of 300 characters; CPU µs per comment (best round's mean):`);
console.log(`  detectLanguage            ${perComment(detectLanguage).toFixed(1)}`);
console.log(`  analyseRussian            ${perComment(analyseRussian).toFixed(1)}`);
console.log(`  russianFeatures (all)     ${perComment((b) => russianFeatures(b, HASH_BITS)).toFixed(1)}`);
console.log(`  detect + russianFeatures  ${perComment((b) => (detectLanguage(b), russianFeatures(b, HASH_BITS))).toFixed(1)}`);
// The English path on the same bodies, as a yardstick measured under the same load.
console.log(`  textFeatures (English path, same bodies) ${perComment((b) => textFeatures(englishAnalyser, b, HASH_BITS)).toFixed(1)}`);
