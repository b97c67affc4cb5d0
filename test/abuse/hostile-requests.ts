import fc from 'fast-check';

/** One intake request: a path, a content type (or none) and a raw body. */
export interface HostileRequest {
  path: string;
  contentType: string | undefined;
  body: string;
}

// Strings that have broken parsers, normalisers and databases before.
const nasty = fc.constantFrom(
  '\u0000',
  '\uD800',
  'a\uDFFFb',
  '\uFEFF',
  'e\u0301\u0301\u0301',
  '\u202Eevil',
  '𝕳𝖊𝖑𝖑𝖔',
  '\u200B'.repeat(2_000),
  'ﷺ'.repeat(500),
  "'; drop table comments; --",
  '<script>alert(1)</script>',
  '{{constructor.constructor("return process")()}}',
  '%00%2e%2e%2f',
  'a'.repeat(70_000),
);
const hostileString = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  nasty,
  fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), fc.integer({ min: 100, max: 8_000 })).map(([s, n]) => s.repeat(n)),
);
const key = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'name', 'email', 'body', 'parentId', 'hasOwnProperty', 'toString', 'website', 'formToken', 'isAdmin'),
  fc.string({ maxLength: 12 }),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
}));

const plausible = fc.record({
  name: fc.oneof(fc.string({ minLength: 1, maxLength: 100 }), value),
  email: fc.oneof(fc.emailAddress(), value),
  body: fc.oneof(fc.string({ minLength: 1, maxLength: 400 }), hostileString, value),
  parentId: fc.option(fc.oneof(fc.uuid(), value), { nil: undefined }),
});
// Raw JSON text, so `__proto__` is a real own key as an attacker would send it.
const pollution = fc
  .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.string({ maxLength: 20 }))
  .map(([k, s]) => `{"name":"x","email":"a@example.org","body":"hi","${k}":{"isAdmin":true,"polluted":${JSON.stringify(s)}},"constructor":{"prototype":{"isAdmin":true}}}`);
const deepNesting = fc.tuple(fc.integer({ min: 50, max: 20_000 }), fc.constantFrom('[', '{"a":')).map(([depth, open]) => {
  const close = open === '[' ? ']' : '}';
  return `${open.repeat(depth)}1${close.repeat(depth)}`;
});

const body = fc.oneof(
  plausible.map((p) => JSON.stringify(p)),
  value.map((v) => JSON.stringify(v) ?? 'undefined'),
  pollution,
  deepNesting,
  hostileString,
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/merge-patch+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset="',
  undefined,
);
const segment = fc.oneof(fc.constant('fuzz'), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 300 }));
const path = fc.oneof(
  { weight: 4, arbitrary: fc.constant('/api/v1/sites/fuzz/articles/post-1/comments') },
  { weight: 1, arbitrary: fc.tuple(segment, segment).map(([site, article]) => `/api/v1/sites/${encodeURIComponent(site)}/articles/${encodeURIComponent(article)}/comments`) },
);

/** A request at the intake: mostly at a real site, with random and hostile content. */
export const hostileRequest: fc.Arbitrary<HostileRequest> = fc.record({ path, contentType, body });
