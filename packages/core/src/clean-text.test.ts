import { cleanText } from './clean-text';

describe('cleanText', () => {
  it('strips null bytes and other control characters but keeps line breaks and tabs', () => {
    expect(cleanText('a\u0000b\u0007c\u007f\nd\te\r\n')).toBe('abc\nd\te');
  });

  it('replaces lone surrogates with U+FFFD', () => {
    expect(cleanText('x\ud800y\udc00z')).toBe('x\uFFFDy\uFFFDz');
  });

  it('keeps emoji and composes to NFC', () => {
    expect(cleanText('cafe\u0301 👍')).toBe('café 👍');
  });

  it('leaves HTML as text for the renderer to escape', () => {
    expect(cleanText(' <script>alert(1)</script> ')).toBe('<script>alert(1)</script>');
  });
});
