import { DEFAULT_SITE_SETTINGS, parseSiteSettings, siteSettingsSchema } from './site-settings';

describe('allowedOrigins', () => {
  const withOrigins = (allowedOrigins: string[]) => ({ ...DEFAULT_SITE_SETTINGS, allowedOrigins });

  it('accepts http and https origins', () => {
    expect(siteSettingsSchema.safeParse(withOrigins(['https://blog.example.org', 'http://localhost:8080'])).success).toBe(true);
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<script>alert(1)</script>', 'ftp://files.example', 'not a url'])(
    'refuses %s, naming the entry',
    (origin) => {
      const result = siteSettingsSchema.safeParse(withOrigins(['https://ok.example', origin]));
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ path: ['allowedOrigins', 1], message: expect.stringContaining('http:// or https://') });
    },
  );

  it('drops a non-http origin saved before it was refused, instead of failing to load the site', () => {
    expect(parseSiteSettings(withOrigins(['javascript:alert(1)', 'https://ok.example'])).allowedOrigins).toEqual(['https://ok.example']);
  });
});
