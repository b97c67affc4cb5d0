import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EMBED_CATALOGUES_DIR, EMBED_SOURCE_PATH } from '../embed-asset';
import { ADMIN_ASSETS_DIR, ADMIN_CATALOGUES_DIR } from '../routes/admin.routes';
import { DEFAULT_LANGUAGE, readCatalogues, type Catalogue, type Message } from './catalogues';

const placeholders = (message: Message): Set<string> => {
  const forms = typeof message === 'string' ? [message] : Object.values(message);
  return new Set(forms.flatMap((form) => [...(form ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')));
};

/** The keys a source asks for literally (`t('key')`), and the prefixes of those it builds (`t(`prefix.${x}`)`). */
function keysUsedIn(sources: string[]): { literal: Set<string>; prefixes: Set<string> } {
  const text = sources.map((file) => readFileSync(file, 'utf8')).join('\n');
  return {
    literal: new Set([...text.matchAll(/\bt\('([\w.-]+)'/g), ...text.matchAll(/data-i18n(?:-label)?="([\w.-]+)"/g)].map((m) => m[1] ?? '')),
    prefixes: new Set([...text.matchAll(/\bt\(`([\w.-]+)\$\{/g)].map((m) => m[1] ?? '')),
  };
}

// The pages and index.html; not i18n.js, whose comments show the syntax with a made-up key.
const adminSources = readdirSync(ADMIN_ASSETS_DIR).filter((f) => /\.(js|html)$/.test(f) && f !== 'i18n.js').map((f) => path.join(ADMIN_ASSETS_DIR, f));

describe.each([
  { ui: 'the embed', dir: EMBED_CATALOGUES_DIR, sources: [EMBED_SOURCE_PATH] },
  { ui: 'the dashboard', dir: ADMIN_CATALOGUES_DIR, sources: adminSources },
])('the catalogues of $ui', ({ dir, sources }) => {
  const catalogues = readCatalogues(dir);
  const english = catalogues[DEFAULT_LANGUAGE] as Catalogue;
  const others = Object.entries(catalogues).filter(([language]) => language !== DEFAULT_LANGUAGE);

  it('include English and Russian', () => {
    expect(Object.keys(catalogues)).toEqual(expect.arrayContaining(['en', 'ru']));
  });

  it.each(others)('%s has every English key and no other', (_language, catalogue) => {
    const sut = Object.keys(catalogue);
    expect({ missing: Object.keys(english).filter((key) => !sut.includes(key)), extra: sut.filter((key) => !(key in english)) }).toEqual({ missing: [], extra: [] });
  });

  it.each(Object.entries(catalogues))('%s gives every plural message each form its language needs', (language, catalogue) => {
    const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const incomplete = Object.entries(catalogue)
      .filter(([, message]) => typeof message !== 'string' && needed.some((category) => !(category in message)))
      .map(([key]) => key);
    expect(incomplete).toEqual([]);
  });

  it.each(others)('%s fills the same placeholders as English', (_language, catalogue) => {
    const differing = Object.entries(catalogue)
      .filter(([key, message]) => english[key] !== undefined && [...placeholders(message)].sort().join() !== [...placeholders(english[key] as Message)].sort().join())
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('has every key the code asks for', () => {
    const { literal, prefixes } = keysUsedIn(sources);
    expect(literal.size).toBeGreaterThan(10);
    expect([...literal].filter((key) => !(key in english))).toEqual([]);
    expect([...prefixes].filter((prefix) => !Object.keys(english).some((key) => key.startsWith(prefix)))).toEqual([]);
  });
});

describe('readCatalogues', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'moderato-catalogues-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads one catalogue per <language>.json, ignoring other files', () => {
    writeFileSync(path.join(dir, 'en.json'), JSON.stringify({ hello: 'Hello', items: { one: '{count} item', other: '{count} items' } }));
    writeFileSync(path.join(dir, 'pt-br.json'), JSON.stringify({ hello: 'Olá' }));
    writeFileSync(path.join(dir, 'README.md'), 'not a catalogue');
    expect(Object.keys(readCatalogues(dir))).toEqual(['en', 'pt-br']);
  });

  it('stops the start on a broken file, naming it', () => {
    writeFileSync(path.join(dir, 'en.json'), JSON.stringify({ hello: 'Hello' }));
    writeFileSync(path.join(dir, 'ru.json'), '{ "hello": ');
    expect(() => readCatalogues(dir)).toThrow(/ru\.json is not valid JSON/);
    writeFileSync(path.join(dir, 'ru.json'), JSON.stringify({ items: { one: 'без формы other' } }));
    expect(() => readCatalogues(dir)).toThrow(/ru\.json is not a message catalogue/);
  });

  it('needs English, which every language falls back to', () => {
    writeFileSync(path.join(dir, 'ru.json'), JSON.stringify({ hello: 'Привет' }));
    expect(() => readCatalogues(dir)).toThrow(/no en\.json/);
  });
});
