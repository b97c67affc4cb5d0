/**
 * `moderato import` at scale: writes a synthetic WordPress (or Disqus) export
 * of N comments to a temporary file, imports it into a throwaway database as
 * an operator would (the CLI as a child process), and reports the time and
 * the child's peak RSS; then imports the same file again (all skipped).
 * Several sizes show whether memory stays flat as the file grows.
 *   npx tsx scripts/bench/import.bench.ts [--sizes 10000,100000] [--format wordpress|disqus] [--score] [--dry-run]
 * --dry-run reads, converts, seals and hashes everything but stores nothing: the cost of the CLI alone.
 * --heap-mb 96 caps the import's V8 heap (--max-old-space-size): it still finishes when what it keeps is bounded.
 * Nothing is committed: the files go to the system's temp folder and are deleted.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SITE_SETTINGS } from '@moderato/core';
import { createSite } from '@moderato/db';
import { createBenchDatabase, runBench } from './bench-database';
import { REPO_ROOT } from './bench-processes';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,100000' }, format: { type: 'string', default: 'wordpress' }, score: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false }, 'heap-mb': { type: 'string' } } });
const DRY_RUN = values['dry-run'] === true;
const SIZES = values.sizes.split(',').map(Number);
const FORMAT = values.format === 'disqus' ? 'disqus' : 'wordpress';
const COMMENTS_PER_POST = 50;
const SECRET = 'bench-secret-that-is-at-least-32-characters-long';

/** A small deterministic generator, so runs are comparable. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const WORDS = 'the a post comment thanks agree point really good think because article people would about more time just like make know some read'.split(' ');

function body(next: () => number, i: number): string {
  const sentences = 1 + Math.floor(next() * 5);
  const paragraphs: string[] = [];
  for (let s = 0; s < sentences; s++) paragraphs.push(Array.from({ length: 8 + Math.floor(next() * 20) }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' '));
  if (i % 7 === 0) paragraphs.push(`See <a href="https://example.org/page/${i}">this page</a> &amp; more`);
  return `<p>${paragraphs.join('</p>\n<p>')}</p>`;
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** What one generated comment is: verdict mix of a busy blog (80 % approved, 12 % spam …), a third replies. */
function commentAt(i: number, next: () => number) {
  const post = Math.floor(i / COMMENTS_PER_POST);
  const first = post * COMMENTS_PER_POST;
  const roll = next();
  const verdict = roll < 0.8 ? 'approved' : roll < 0.85 ? 'pending' : roll < 0.97 ? 'spam' : 'trash';
  const parent = i > first && next() < 0.33 ? first + Math.floor(next() * (i - first)) + 1 : 0;
  const author = Math.floor(next() * 20_000);
  const date = new Date(Date.UTC(2015, 0, 1) + i * 600_000).toISOString();
  return { id: i + 1, post, parent, verdict, author, date, html: body(next, i) };
}

async function writeExport(file: string, comments: number): Promise<void> {
  const out = createWriteStream(file);
  const put = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const next = random(42);
  const posts = Math.ceil(comments / COMMENTS_PER_POST);
  if (FORMAT === 'wordpress') {
    await put('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n');
    for (let p = 0; p < posts; p++) {
      await put(`<item><title>Post ${p}</title><link>https://blog.example.org/${2015 + (p % 10)}/post-${p}/</link><content:encoded><![CDATA[${body(next, p)}]]></content:encoded>`);
      await put(`<wp:post_id>${p + 1}</wp:post_id><wp:post_date_gmt>2015-01-01 00:00:00</wp:post_date_gmt><wp:post_name>post-${p}</wp:post_name><wp:post_type>post</wp:post_type>\n`);
      for (let i = p * COMMENTS_PER_POST; i < Math.min(comments, (p + 1) * COMMENTS_PER_POST); i++) {
        const c = commentAt(i, next);
        const approved = { approved: '1', pending: '0', spam: 'spam', trash: 'trash' }[c.verdict];
        await put(`<wp:comment><wp:comment_id>${c.id}</wp:comment_id><wp:comment_author><![CDATA[Reader ${c.author}]]></wp:comment_author>`);
        await put(`<wp:comment_author_email>reader${c.author}@mail.example.com</wp:comment_author_email><wp:comment_author_IP>10.${c.author % 250}.${c.id % 250}.1</wp:comment_author_IP>`);
        await put(`<wp:comment_date_gmt>${c.date.slice(0, 19).replace('T', ' ')}</wp:comment_date_gmt><wp:comment_content><![CDATA[${c.html}]]></wp:comment_content>`);
        await put(`<wp:comment_approved>${approved}</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>${c.parent}</wp:comment_parent></wp:comment>\n`);
      }
      await put('</item>\n');
    }
    await put('</channel>\n</rss>\n');
  } else {
    await put('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n');
    for (let p = 0; p < posts; p++) {
      await put(`<thread dsq:id="${p + 1}"><id>post-${p}</id><link>https://blog.example.org/post-${p}/</link><title>Post ${p}</title><createdAt>2015-01-01T00:00:00Z</createdAt></thread>\n`);
    }
    for (let i = 0; i < comments; i++) {
      const c = commentAt(i, next);
      await put(`<post dsq:id="${c.id}"><message>${xml(c.html)}</message><createdAt>${c.date.slice(0, 19)}Z</createdAt>`);
      await put(`<isDeleted>${c.verdict === 'trash'}</isDeleted><isSpam>${c.verdict === 'spam'}</isSpam><author><email>reader${c.author}@mail.example.com</email><name>Reader ${c.author}</name></author>`);
      await put(`<ipAddress>10.${c.author % 250}.${c.id % 250}.1</ipAddress><thread dsq:id="${c.post + 1}" />${c.parent ? `<parent dsq:id="${c.parent}" />` : ''}</post>\n`);
    }
    await put('</disqus>\n');
  }
  out.end();
  await once(out, 'finish');
}

/** Runs `moderato import` as a child under GNU time: wall and CPU seconds, peak RSS. */
async function timedImport(databaseUrl: string, site: string, file: string) {
  const args = [process.execPath, path.join(REPO_ROOT, 'apps/cli/bin/moderato.js'), 'import', '--site', site, '--format', FORMAT, '--file', file, ...(values.score ? ['--score'] : []), ...(DRY_RUN ? ['--dry-run'] : [])];
  const heap = values['heap-mb'] ? { NODE_OPTIONS: `--max-old-space-size=${Number(values['heap-mb'])}` } : {};
  const env = { ...process.env, DATABASE_URL: databaseUrl, MODERATO_SECRET: SECRET, NODE_ENV: 'production', ...heap };
  const child = spawn('/usr/bin/time', ['-f', 'TIME %e %U %S %M', ...args], { cwd: REPO_ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const [code] = (await once(child, 'exit')) as [number];
  const times = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
  if (code !== 0 || !times) throw new Error(`import failed (${code}): ${stderr.slice(-2_000)}`);
  return { summary: JSON.parse(stdout), wallS: Number(times[1]), cpuS: Number(times[2]) + Number(times[3]), peakRssMb: Number(times[4]) / 1024 };
}

runBench(async () => {
  if (!existsSync('/usr/bin/time')) throw new Error('needs GNU time at /usr/bin/time (apt-get install time)');
  const folder = mkdtempSync(path.join(tmpdir(), 'moderato-import-bench-'));
  const bench = await createBenchDatabase();
  try {
    console.log(`format ${FORMAT}${values.score ? ', --score' : ''}${DRY_RUN ? ', --dry-run' : ''}${values['heap-mb'] ? `, V8 heap ${values['heap-mb']} MB` : ''}; ${readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length ?? '?'} cores`);
    console.log('comments   file MB   import s   comments/s   CPU s   peak RSS MB   again s   again peak RSS MB');
    for (const [n, size] of SIZES.entries()) {
      const file = path.join(folder, `export-${size}.xml`);
      await writeExport(file, size);
      const site = `bench${n}`;
      await createSite(bench.db, { id: site, name: site, settings: DEFAULT_SITE_SETTINGS });
      const first = await timedImport(bench.url, site, file);
      if (first.summary.imported !== size) throw new Error(`imported ${first.summary.imported} of ${size}: ${JSON.stringify(first.summary).slice(0, 500)}`);
      const again = await timedImport(bench.url, site, file);
      if (again.summary.imported !== (DRY_RUN ? size : 0)) throw new Error(`the second import imported ${again.summary.imported}`);
      const mb = statSync(file).size / 1024 / 1024;
      console.log(
        `${String(size).padStart(8)}   ${mb.toFixed(1).padStart(7)}   ${first.wallS.toFixed(1).padStart(8)}   ${Math.round(size / first.wallS).toString().padStart(10)}   ${first.cpuS.toFixed(1).padStart(5)}   ${first.peakRssMb.toFixed(0).padStart(11)}   ${again.wallS.toFixed(1).padStart(7)}   ${again.peakRssMb.toFixed(0).padStart(17)}`,
      );
      if (values.score) console.log(`  score: ${JSON.stringify(first.summary.score)}`);
      rmSync(file);
    }
  } finally {
    await bench.drop();
    rmSync(folder, { recursive: true, force: true });
  }
});
