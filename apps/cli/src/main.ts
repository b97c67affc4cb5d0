import { ConfigError } from '@moderato/config';
import { exportCommand } from './commands/export.command';
import { importCommand } from './commands/import.command';
import { migrateCommand } from './commands/migrate.command';
import { modelTrainCommand } from './commands/model-train.command';
import { modelListCommand, modelPromoteCommand, modelRollbackCommand, modelShadowCommand } from './commands/model.command';
import { privacyEraseCommand, privacyExportCommand } from './commands/privacy.command';
import { scoreCommand } from './commands/score.command';
import { siteCreateCommand } from './commands/site-create.command';
import { startCommand } from './commands/start.command';
import { tokenCreateCommand, tokenListCommand, tokenRevokeCommand } from './commands/token.command';
import { userCreateCommand } from './commands/user-create.command';
import { UsageError } from './usage-error';

const USAGE = `Usage: moderato <command> [options]

Commands:
  migrate                                   bring the database schema up to date
  site create --id ID --name NAME --origin URL [--origin URL ...] [--premoderate]
                                            register a site that may post comments
  score [--input FILE] [--site ID]          score JSON lines ({"id","body",...}) from FILE or stdin
  user create --email E --password P --role admin|owner|moderator [--site ID ...]
                                            create a dashboard account
  token create --user E [--expires-in 30d] create an API token (printed once, on the last line); expires in 90 days unless told
  token list [--user E]                     list API tokens: id, owner, status, expiry (never the tokens)
  token revoke --token T | --id ID          revoke an API token by the token itself or by its id
  start                                     migrate, then run the API and one worker
  privacy export --email E                  every comment stored under that email, as JSON (audited)
  model train --site ID [--json] [--timeout SECONDS]
                                            train a candidate in the workers (waits 600 s unless told); print it beside live
  model list --site ID [--json]             the site's models: version, status, held-out figures
  model shadow --site ID --version V        score new comments with V beside live (stored, never applied)
  model promote --site ID --version V [--force]
                                            make V live (--force: even if it did worse than live; audited)
  model rollback --site ID                  the model live before the current one decides again
  privacy erase --email E [--mode placeholder|delete]
                                            erase that email's comments: "[deleted]" placeholders (default) or removed (audited)
  import --site ID --format wordpress|disqus --file FILE [--article-from path|slug|id] [--dry-run] [--score]
                                            bring a WordPress (WXR) or Disqus export's comments with their verdicts;
                                            prints a JSON summary; a second run imports nothing twice (docs/import-export.md)
  export --site ID [--format jsonl|wordpress] [--output FILE] [--with-emails]
                                            write every comment of the site (emails only with --with-emails, audited)

Configuration comes from the environment (DATABASE_URL, REDIS_URL, MODERATO_SECRET, ...): see the README.`;

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  migrate: migrateCommand,
  'site create': siteCreateCommand,
  score: scoreCommand,
  start: startCommand,
  'user create': userCreateCommand,
  'token create': tokenCreateCommand,
  'token revoke': tokenRevokeCommand,
  'token list': tokenListCommand,
  'model train': modelTrainCommand,
  'model list': modelListCommand,
  'model shadow': modelShadowCommand,
  'model promote': modelPromoteCommand,
  'model rollback': modelRollbackCommand,
  'privacy export': privacyExportCommand,
  'privacy erase': privacyEraseCommand,
  import: importCommand,
  export: exportCommand,
};

async function main(argv: string[]): Promise<void> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    console.log(USAGE);
    return;
  }
  const twoWords = `${argv[0]} ${argv[1] ?? ''}`;
  const [name, args] = COMMANDS[twoWords] ? [twoWords, argv.slice(2)] : [argv[0] ?? '', argv.slice(1)];
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command: ${argv.join(' ')}`);
  await command(args);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`moderato: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(`moderato: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
