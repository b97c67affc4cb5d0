import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { DEVELOPMENT_SECRET_WARNING, loadConfig } from '@moderato/config';
import { parseOptions } from '../parse-options';
import { runMigrations } from './migrate.command';

const ROOT = path.resolve(__dirname, '../../../..');

function run(name: string, entry: string): ChildProcess {
  // `--import tsx`: the sources run as they are, no build step.
  return spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, entry)], { cwd: ROOT, stdio: 'inherit', env: process.env });
}

/**
 * `npm start`: migrate, then one API and one worker process. A stop signal
 * is passed on to both; if either exits, the other is stopped too.
 */
export async function startCommand(args: string[]): Promise<void> {
  parseOptions(args, {});
  // Refuses a HOST other machines can reach without MODERATO_SECRET, before anything starts.
  const config = loadConfig();
  if (config.developmentSecret) console.warn(`moderato: warning: ${DEVELOPMENT_SECRET_WARNING}`);
  await runMigrations(config.databaseUrl, (line) => console.log(line));
  const children = [run('api', 'apps/api/src/main.ts'), run('worker', 'apps/worker/src/main.ts')];
  const url = `http://localhost:${config.port}`;
  console.log(`Moderato is starting on ${url} (Ctrl-C to stop): demo article ${url}/demo, dashboard ${url}/admin`);

  let stopping = false;
  const stopAll = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', () => stopAll('SIGTERM'));
  process.on('SIGTERM', () => stopAll('SIGTERM'));

  const codes = await Promise.all(
    children.map(
      (child) =>
        new Promise<number>((resolve) => {
          child.on('exit', (code) => {
            if (!stopping) stopAll('SIGTERM');
            resolve(code ?? 1);
          });
        }),
    ),
  );
  process.exitCode = stopping && codes.every((c) => c === 0) ? 0 : Math.max(...codes, 1);
}
