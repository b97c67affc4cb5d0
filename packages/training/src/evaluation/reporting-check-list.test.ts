import { createScorer, DEFAULT_SITE_SETTINGS, loadModelBundle } from '@moderato/core';
import { REPORTING_CHECK_LIST } from './reporting-check-list';

// The shipped model at the default settings: what a site gets out of the box.
const sut = createScorer(loadModelBundle());
const score = (body: string) => sut.score({ body, name: 'Reader', settings: DEFAULT_SITE_SETTINGS });

describe('the shipped scorer at the default settings', () => {
  it.each(REPORTING_CHECK_LIST.map((text) => [text]))('approves political criticism and reporting: %s', (text) => {
    const result = score(text);
    expect({ text, decision: result.decision, reasons: result.reasons.map((r) => r.message) }).toMatchObject({ decision: 'approve' });
  });

  it('holds or rejects an insult aimed at the reader, naming the words', () => {
    const result = score('You are an idiot and a paid troll, go back to your masters.');
    expect(result.decision).not.toBe('approve');
    const reason = result.reasons.find((r) => r.code === 'toxicity-model');
    expect(reason?.matches).toEqual(expect.arrayContaining([expect.stringMatching(/idiot|troll|insult/)]));
  });

  it('holds or rejects a Russian insult, in Russian', () => {
    const result = score('Ты тупой дебил и продажная тварь, заткнись.');
    expect(result.language).toBe('ru');
    expect(result.decision).not.toBe('approve');
    expect(result.reasons.find((r) => r.code === 'toxicity-model')?.matches?.length).toBeGreaterThan(0);
  });

  it('does not take a 13-digit number for spam', () => {
    expect(score('My order number was 4006381333931 and it never arrived, so I wrote to the paper.').decision).toBe('approve');
  });

  it('holds praise with no link, contact or offer at most, and rejects an offer with a contact', () => {
    expect(score('I like the valuable info you provide in your articles. I will bookmark your blog and check again here regularly.').decision).not.toBe('reject');
    expect(score('Earn 500$ per day from home, no experience needed! Write to me on WhatsApp +1 202 555 0143').decision).not.toBe('approve');
  });
});
