import { analyseText } from '../text';
import { spamSignals } from './spam-signals';
import { targetingSignals } from './targeting';

const names = (body: string): string[] => spamSignals(body).map((s) => s.name);

describe('spamSignals', () => {
  it('finds links, short links, cheap domains and messenger links', () => {
    expect(names('see https://bit.ly/abc')).toEqual(expect.arrayContaining(['[link]', '[short link]']));
    expect(names('join https://t.me/+jS6cJeri0ug5MDkx now')).toEqual(expect.arrayContaining(['[link]', '[messenger contact]']));
    expect(names('Registration fee:00$ www.spacexminer.ltd')).toEqual(expect.arrayContaining(['[cheap domain]', '[money amount]']));
  });

  it('finds contact details: phones with separators, emails, handles and "write me in DMs"', () => {
    expect(names('call me on +7 912 345-67-89')).toContain('[phone number]');
    expect(names('mail offers@deals.example.com')).toContain('[email address]');
    expect(names('пишите + в ЛС')).toContain('[messenger contact]');
    expect(names('➡️ @Falsh_Superre')).toContain('[messenger contact]');
  });

  it('does not take a bare 13-digit number or a reply to "@Anna" for contact details', () => {
    expect(names('My order number was 4006381333931 and it never arrived.')).toEqual([]);
    expect(names('@Anna I agree with you about the permit.')).toEqual([]);
  });

  it('finds money, offers of work or income, gambling and crypto, in English and Russian', () => {
    expect(names('Earn 65$ per day from home')).toEqual(expect.arrayContaining(['[money amount]', '[income or job offer]']));
    expect(names('Нужен человек для удаленного заработка, доход от 800$ в неделю')).toEqual(expect.arrayContaining(['[money amount]', '[income or job offer]']));
    expect(names('БОНУС +500% К ДЕПОЗИТУ В КАЗИНО')).toContain('[gambling or crypto]');
  });

  it('finds words that mix Latin and Cyrillic letters, and flooding', () => {
    expect(names('Пpивeт, дpyг!')).toContain('[mixed Latin/Cyrillic word]');
    expect(names('buy buy buy buy buy buy buy buy buy buy buy buy now')).toContain('[repetition]');
  });

  it('finds nothing in ordinary thanks and praise', () => {
    expect(names('Thank you for this careful write-up of the rally; the part about the permit was new to me.')).toEqual([]);
    expect(names('Great article, thanks for sharing. I was at the rally too.')).toEqual([]);
  });
});

describe('targetingSignals', () => {
  const found = (body: string) => targetingSignals(analyseText(body).tokens).map((s) => s.name);

  it('names insults, and those aimed at the reader', () => {
    expect(targetingSignals(analyseText('You are an idiot and a paid troll').tokens)).toEqual([
      { name: '[insult word]', value: Math.log1p(2), evidence: 'idiot' },
      { name: '[insult aimed at "you"]', value: 1, evidence: 'idiot' },
    ]);
    expect(found('The minister behaved like an idiot')).toEqual(['[insult word]']);
    expect(found('You are right about the permit')).toEqual([]);
  });
});
