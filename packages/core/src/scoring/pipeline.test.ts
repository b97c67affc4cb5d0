import { DEFAULT_SITE_SETTINGS } from '../site-settings';
import { createScorer } from './pipeline';
import type { Extracted, ModelBundle, TextClassifier } from './text-classifier';

// Plain stand-in classifiers: the pipeline's job is combining phases, not modelling.
const fixed = (probability: number, feature = 'word'): TextClassifier => ({
  classify: () => ({ probability, explain: () => [{ feature, weight: 1 }] }),
});
const noFeatures: Extracted = { tokens: [], dense: [{ name: '[link]', value: 1 }], vector: { indices: new Int32Array(0), values: new Float32Array(0) }, trace: { slots: new Int32Array(0), owners: new Int32Array(0), length: 0 } };
const models = (spam: number, toxicity: number): ModelBundle => ({
  version: 'test-v1',
  languages: { en: { language: 'en', features: () => noFeatures, spam: fixed(spam, 'buy'), toxicity: fixed(toxicity, 'idiot') } },
});
const input = (body: string, settings = DEFAULT_SITE_SETTINGS) => ({ body, name: 'Ann', settings });

describe('createScorer', () => {
  it('approves what both models find clean', () => {
    const result = createScorer(models(0.01, 0.02)).score(input('hello'));
    expect(result).toMatchObject({ spam: 0.01, toxicity: 0.02, decision: 'approve', modelVersion: 'test-v1', reasons: [], language: 'en' });
    expect(result.thresholds).toEqual({ spam: DEFAULT_SITE_SETTINGS.spam, toxicity: DEFAULT_SITE_SETTINGS.toxicity });
  });

  it('rejects confident spam and names the words and the threshold', () => {
    const result = createScorer(models(0.99, 0.01)).score(input('buy now'));
    expect(result.decision).toBe('reject');
    expect(result.reasons.map((r) => r.code)).toEqual(['spam-model', 'threshold']);
    expect(result.reasons[0]?.matches).toEqual(['buy']);
    expect(result.reasons[1]?.message).toBe('spam 0.99 ≥ reject threshold 0.95');
  });

  it('holds a comment with more links than the site allows, listing them', () => {
    const body = 'see http://a.example/1 and www.b.example and shop.example.com/deal';
    const result = createScorer(models(0.01, 0.01)).score(input(body));
    expect(result.decision).toBe('hold');
    expect(result.reasons[0]).toMatchObject({ code: 'links', value: 3, matches: ['http://a.example/1', 'www.b.example', 'shop.example.com/deal'] });
  });

  it('allows as many links as the site allows', () => {
    const result = createScorer(models(0.01, 0.01)).score(input('see http://a.example and http://b.example'));
    expect(result.decision).toBe('approve');
  });

  it('runs only the phases it is given', () => {
    const result = createScorer(models(0.99, 0.99), []).score(input('anything'));
    expect(result).toMatchObject({ spam: 0, toxicity: 0, decision: 'approve' });
  });
});

describe('trusted commenters', () => {
  const regular = { approved: 4, rejected: 0 };

  it('approves a regular whose score is in the hold band, and says why', () => {
    const result = createScorer(models(0.5, 0.01)).score({ ...input('buy this'), authorHistory: regular });
    expect(result.decision).toBe('approve');
    expect(result.reasons.map((r) => r.code)).toEqual(['trusted-commenter', 'spam-model', 'threshold']);
    expect(result.reasons[0]?.message).toBe('trusted commenter: 4 approved, none rejected; the hold band does not apply');
  });

  it('holds the same comment from an author with a rejection, or when the site turned trust off', () => {
    expect(createScorer(models(0.5, 0.01)).score({ ...input('buy this'), authorHistory: { approved: 4, rejected: 1 } }).decision).toBe('hold');
    const untrusting = { ...DEFAULT_SITE_SETTINGS, trustAfterApproved: 0 };
    expect(createScorer(models(0.5, 0.01)).score({ ...input('buy this', untrusting), authorHistory: regular }).decision).toBe('hold');
  });

  it("keeps the site's hold words and block words for a regular", () => {
    const words = { ...DEFAULT_SITE_SETTINGS, holdWords: ['refund'], blockWords: ['casino'] };
    expect(createScorer(models(0.01, 0.01)).score({ ...input('about my refund', words), authorHistory: regular }).decision).toBe('hold');
    expect(createScorer(models(0.01, 0.01)).score({ ...input('visit the casino', words), authorHistory: regular }).decision).toBe('reject');
  });
});

describe('scoring by language', () => {
  const kazakh = 'Бүгін алаңда көп адам жиналды, полиция оларды қоршап алды.';

  it('routes a comment to the models of its language and records the language', () => {
    // The scores show the English models ran, not just that the language was told.
    expect(createScorer(models(0.99, 0.01)).score(input('buy this now, limited offer'))).toMatchObject({ language: 'en', spam: 0.99, toxicity: 0.01 });
  });

  it('scores a language without models by the rules only, approving it by default', () => {
    const result = createScorer(models(0.99, 0.99)).score(input(kazakh));
    expect(result).toMatchObject({ language: 'kk', spam: 0, toxicity: 0, decision: 'approve' });
    expect(result.reasons[0]).toMatchObject({ code: 'unscored-language' });
  });

  it('holds such a comment when the site holds unscored languages', () => {
    const result = createScorer(models(0.01, 0.01)).score(input(kazakh, { ...DEFAULT_SITE_SETTINGS, holdUnscoredLanguages: true }));
    expect(result.decision).toBe('hold');
    expect(result.reasons[0]).toMatchObject({ code: 'unscored-language', message: 'no model for language "kk": scored by the rules only' });
  });

  it('never rejects spam with no link, contact or offer: praise is at most held', () => {
    const praise: ModelBundle = { version: 't', languages: { en: { language: 'en', features: () => ({ ...noFeatures, dense: [] }), spam: fixed(0.99), toxicity: fixed(0.01) } } };
    expect(createScorer(praise).score(input('Great post, I will bookmark your blog')).decision).toBe('hold');
  });
});

describe('the scoring budget', () => {
  // A clock that moves 100 ms each time it is read: the first phase "takes" 100 ms.
  const slowClock = () => {
    let t = 0;
    return () => (t += 100);
  };
  const phaseRan: string[] = [];
  const phase = (name: string) => () => {
    phaseRan.push(name);
    return undefined;
  };

  it('skips the phases left when the budget is spent and holds the comment, saying why', () => {
    const sut = createScorer(models(0.01, 0.01), [phase('first'), phase('second'), phase('third')], { ms: 50, now: slowClock() });
    const result = sut.score(input('hello'));
    expect(phaseRan).toEqual(['first']);
    expect(result.decision).toBe('hold');
    expect(result.reasons[0]).toMatchObject({ code: 'scoring-budget', value: 2 });
  });

  it('reads the costly clock only once the cheap bound shows the budget may be spent', () => {
    let reads = 0;
    const now = () => (reads += 1) * 100;
    const unspent = createScorer(models(0.01, 0.01), [phase('a'), phase('b'), phase('c')], { ms: 50, now, upperBound: () => 0 });
    expect(unspent.score(input('hello')).decision).not.toBe('hold');
    const readsWhileUnspent = reads;

    const spent = createScorer(models(0.01, 0.01), [phase('a'), phase('b'), phase('c')], { ms: 50, now, upperBound: slowClock() });
    expect(spent.score(input('hello')).reasons[0]).toMatchObject({ code: 'scoring-budget', value: 2 });
    expect(readsWhileUnspent).toBe(1);
  });
});
