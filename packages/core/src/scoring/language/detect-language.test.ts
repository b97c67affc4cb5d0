import { detectLanguage as sut } from './detect-language';

describe('detectLanguage', () => {
  it('tells English from Russian by script', () => {
    expect(sut('Thank you for this careful write-up of the rally; the part about the permit was new to me.')).toBe('en');
    expect(sut('Спасибо за подробный разбор митинга, про разрешение я не знал.')).toBe('ru');
    expect(sut('Режим коррумпирован, полиция избивала протестующих.')).toBe('ru');
  });

  it('keeps a Russian comment with English brand names Russian', () => {
    expect(sut('Купил iPhone 15 Pro Max в MediaMarkt, доволен')).toBe('ru');
    expect(sut('Скачай WhatsApp и Telegram, там удобнее')).toBe('ru');
  });

  it('ignores links, @handles, emails and numbers', () => {
    expect(sut('Пиши https://t.me/earn_money_fast_bot @crypto_manager_2024 bit.ly/xYzAbC')).toBe('ru');
    expect(sut('Great read https://ria.ru/20240101/politika-123.html')).toBe('en');
    expect(sut('@user 2024 100500')).toBe('und');
  });

  it('reads a word mixing scripts by its letters that have no look-alike', () => {
    expect(sut('xуй тебе')).toBe('ru');
    expect(sut('Frее mоnеу nоw, click hеrе')).toBe('en');
  });

  it('keeps transliterated Russian in Latin letters English (no Russian model can read it)', () => {
    expect(sut('privet, kak dela? vse horosho')).toBe('en');
  });

  it('recognises Kazakh by its own letters, not as Russian', () => {
    expect(sut('Рақмет, бәрі жақсы. Мақала өте қызықты екен.')).toBe('kk');
    expect(sut('Қазақстан Республикасының Президенті сайлауы өтті')).toBe('kk');
    // One Kazakh name in a long Russian comment does not make it Kazakh.
    expect(sut('Президент Тоқаев снова пообещал реформы, но в реальности ничего не изменилось за эти годы.')).toBe('ru');
  });

  it('recognises Ukrainian by і, ї, є, ґ when no Russian-only letters argue against it', () => {
    expect(sut('Дякую, це дуже цікава стаття про вибори.')).toBe('uk');
    expect(sut('Їжак з’їв яблуко, а ґудзик загубився.')).toBe('uk');
    expect(sut('Мы были в Києві, это было интересно и очень красиво, вы тоже съездите.')).toBe('ru');
  });

  it("returns 'und' for too few letters and for other scripts", () => {
    expect(sut('')).toBe('und');
    expect(sut('ok')).toBe('und');
    expect(sut('😂😂😂 !!!')).toBe('und');
    expect(sut('这是一个很好的文章')).toBe('und');
    expect(sut('هذا مقال جيد جدا')).toBe('und');
  });

  // ~3 µs on an idle core; the bound leaves room for a loaded CI machine.
  it('takes a few microseconds per comment', () => {
    const body = 'Это уже третий раз, когда власти обещают снизить тарифы, и каждый раз всё заканчивается ничем. Пишите в лс, подробности на t.me/xxx. '.repeat(2);
    for (let i = 0; i < 2_000; i += 1) sut(body);
    const started = process.hrtime.bigint();
    for (let i = 0; i < 10_000; i += 1) sut(body);
    const microseconds = Number(process.hrtime.bigint() - started) / 1e3 / 10_000;
    expect(microseconds).toBeLessThan(50);
  });
});
