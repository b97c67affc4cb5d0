import { compileErrors, validate } from '@readme/openapi-parser';
import { z } from 'zod';
import { answerSchema } from './answer-schema';
import { buildApiDocument } from './api-document';
import { API_TAGS, type ApiOperation } from './api-operation';
import { API_OPERATIONS } from './api-operations';

const sut = () => buildApiDocument(API_OPERATIONS, '0.0.0-test');

type Operation = { operationId: string; tags: string[]; security: Array<Record<string, string[]>>; parameters?: Array<{ in: string; name: string }> };
const operations = (document: ReturnType<typeof sut>) =>
  Object.entries(document.paths ?? {}).flatMap(([path, item]) => Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({ method, path, operation })));

it('is a valid OpenAPI 3.1 document', async () => {
  const result = await validate(structuredClone(sut()) as never, { validate: { errors: { colorize: false } } });

  expect(result.valid ? [] : compileErrors(result)).toEqual([]);
  expect(result.warnings).toEqual([]);
});

it('is refused by the validator when an operation leaves out a path parameter (the check has teeth)', async () => {
  const broken = structuredClone(sut());
  const review = (broken.paths!['/api/v1/sites/{siteId}/review']!.get as Operation);
  review.parameters = review.parameters!.filter((parameter) => parameter.in !== 'path');

  expect((await validate(broken as never)).valid).toBe(false);
});

it('asks staff writes for the CSRF token with a session, staff reads for a token or a session, public routes for nothing', () => {
  const staff = new Set(API_OPERATIONS.filter((operation) => operation.access === 'staff').map((operation) => operation.id));
  const seen = operations(sut()).map(({ method, operation }) => ({
    id: operation.operationId,
    security: operation.security,
    expected: !staff.has(operation.operationId) ? [] : method === 'get' ? [{ apiToken: [] }, { session: [] }] : [{ apiToken: [] }, { session: [], csrf: [] }],
  }));

  expect(seen.filter((row) => JSON.stringify(row.security) !== JSON.stringify(row.expected))).toEqual([]);
  expect(staff.size).toBeGreaterThan(20);
});

it('tags every operation with one of its tags, and uses every tag', () => {
  const used = operations(sut()).flatMap(({ operation }) => operation.tags);

  expect([...new Set(used)].sort()).toEqual(Object.keys(API_TAGS).sort());
});

describe('an operation it cannot describe', () => {
  const base: ApiOperation = { id: 'x', route: 'GET /api/v1/things/:thingId', tag: 'public', access: 'public', summary: 'x', responses: { 200: z.object({}) } };

  it.each<[string, ApiOperation[], string]>([
    ['a path parameter with no schema', [base], 'GET /api/v1/things/:thingId: describe :thingId in params'],
    ['a parameter not in the path', [{ ...base, route: 'GET /api/v1/things', params: z.object({ thingId: z.string() }) }], 'GET /api/v1/things: params thingId are not in the path'],
    ['the same route twice', [{ ...base, params: z.object({ thingId: z.string() }) }, { ...base, id: 'y', params: z.object({ thingId: z.string() }) }], 'GET /api/v1/things/:thingId is described twice'],
    ['an error status with no answer', [{ ...base, route: 'GET /api/v1/things', errors: [418] }], 'GET /api/v1/things: no error answer described for 418'],
  ])('refuses %s', (_name, given, message) => {
    expect(() => buildApiDocument(given, '0')).toThrow(message);
  });
});

it('ties an answer schema to the type the code answers with (checked by tsc)', () => {
  const page = z.object({ next: z.string().nullable(), at: z.string() });

  expect(answerSchema<{ next: string | null; at: Date }>()(page)).toBe(page);
  // @ts-expect-error a field the type does not have
  answerSchema<{ next: string | null }>()(page);
  // @ts-expect-error a field of another type
  answerSchema<{ next: string; at: string }>()(page);
  // @ts-expect-error optional in the type, required in the schema
  answerSchema<{ next: string | null; at?: string }>()(page);
});
