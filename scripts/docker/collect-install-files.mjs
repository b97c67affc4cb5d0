// Copies what `npm ci` needs from a checkout, and nothing else: the root
// manifest and lock, then every workspace's package.json and the files its
// `bin` names (npm links them at install). The Dockerfile runs this in a
// build stage so its dependency layer is rebuilt only when these change, and
// so a new workspace cannot be left out of the image by a forgotten COPY line.
// Plain JavaScript: it runs before anything is installed.
//
//   node scripts/docker/collect-install-files.mjs <checkout> <destination>
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The workspace folders the root package.json names (`dir/*` or `dir`), each holding a package.json. */
function workspaceDirs(root) {
  const { workspaces = [] } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  return workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    if (pattern.slice(0, -2).includes('*')) throw new Error(`workspace pattern not supported here: ${pattern}`);
    const parent = pattern.slice(0, -2);
    return readdirSync(path.join(root, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(path.join(root, parent, entry.name, 'package.json')))
      .map((entry) => `${parent}/${entry.name}`)
      .sort();
  });
}

/** Every file, relative to the checkout, that `npm ci` reads or links. */
function installFiles(root) {
  const files = ['package.json', 'package-lock.json'];
  for (const dir of workspaceDirs(root)) {
    const manifest = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
    files.push(`${dir}/package.json`);
    const bins = typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {});
    files.push(...bins.map((bin) => path.posix.join(dir, bin)));
  }
  return files;
}

const [root, destination] = process.argv.slice(2);
if (!root || !destination) {
  console.error('usage: node scripts/docker/collect-install-files.mjs <checkout> <destination>');
  process.exit(2);
}
for (const file of installFiles(root)) cpSync(path.join(root, file), path.join(destination, file));
