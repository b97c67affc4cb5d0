import { normaliseRussian } from './russian';
import { compileRussianObscenity, russianObscenity, russianObscenityEntries } from './russian-obscenity';

const sut = russianObscenity();
const hits = (raw: string): string[] => sut.find(normaliseRussian(raw));

describe('russianObscenity', () => {
  it('takes its entries from bad-words-next and the few common ones it lacks', () => {
    const entries = russianObscenityEntries();
    expect(entries.length).toBeGreaterThan(250);
    expect(entries).toEqual(expect.arrayContaining(['*пизд*', 'бля*', 'мудак*']));
    expect(entries).not.toContain('*извращен*');
  });

  it('matches inflected and prefixed forms, one hit per word', () => {
    expect(hits('хуй, хуя, хуйня, нахуй, похуй')).toEqual(['хуй', 'хуя', 'хуйня', 'нахуй', 'похуй']);
    expect(hits('Пиздец, распиздяй, блядь, ёбаный мудак, сука, пидорас')).toEqual(['пиздец', 'распиздяй', 'блядь', 'ебаный', 'мудак', 'сука', 'пидорас']);
  });

  it('sees through look-alikes, stretched and spelled-out letters once normalised', () => {
    expect(hits('xуй пи3дец cyка')).toEqual(['хуй', 'пиздец', 'сука']);
    expect(hits('пиииздец б.л.я.т.ь х у й')).toEqual(['пиздец', 'блять', 'хуй']);
    expect(hits('ссууукаа')).toEqual(['сука']);
  });

  it('does not match ordinary words that contain a listed stem', () => {
    expect(hits('Колебания цен, дебаты в парламенте, он страхует машину, взгляд к небу, всё кончено, кончится война')).toEqual([]);
    expect(hits('Режим коррумпирован, полиция избивала протестующих.')).toEqual([]);
    expect(hits('Мудрый судья, страхование, употреблять, требуется')).toEqual([]);
  });

  it('respects where an entry may inflect: "лох" whole, "бля*" only at a word start', () => {
    const custom = compileRussianObscenity(['лох', 'бля*']);
    expect(custom.find('лох лохматый')).toEqual(['лох']);
    expect(custom.find('рублям бляха')).toEqual(['бляха']);
  });

  it('stops at 100 hits and stays linear on a hostile body', () => {
    expect(sut.find('хуй '.repeat(1_000))).toHaveLength(100);
    // CPU time: the wall clock of a shared machine also counts waiting for a core.
    const started = process.cpuUsage();
    sut.find('пизпизпиз'.repeat(600));
    sut.find('е'.repeat(5_000));
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1000).toBeLessThan(50);
  });
});
