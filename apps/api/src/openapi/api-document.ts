import { z } from 'zod';
import { createDocument, type oas31, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from 'zod-openapi';
import { articleIdSchema, siteIdSchema } from '../comment-input';
import { errorAnswerSchema } from './answer-schema';
import { API_TAGS, type ApiAnswer, type ApiOperation } from './api-operation';

/** Path parameters named the same on every route, so an operation need not repeat them. */
export const PATH_PARAMETERS: Record<string, z.ZodType> = {
  siteId: siteIdSchema.meta({ description: 'The site id given to `moderato site create`.', examples: ['my-blog'] }),
  articleId: articleIdSchema.meta({ description: "The site's own id for the article: a slug, a number, a path.", examples: ['hello-world'] }),
  commentId: z.uuid().meta({ description: 'A comment id, as the intake answered it.' }),
};

const json = (schema: z.ZodType) => ({ 'application/json': { schema } });
const errorResponse = (id: string, description: string, headers?: z.ZodObject): ZodOpenApiResponseObject => ({
  id,
  description,
  content: json(errorAnswerSchema),
  ...(headers ? { headers } : {}),
});

// Built once: an id names one response object, shared by every operation that answers it.
const ERROR_RESPONSES: Record<string, ZodOpenApiResponseObject> = {
  400: errorResponse('BadRequest', 'Wrong input: `invalid_field` names the `field`; `invalid_request` (not a JSON object), `malformed_json`.'),
  401: errorResponse('Unauthorized', 'No credentials (`unauthenticated`), an API token that is malformed, revoked, expired or unknown (`invalid_token`), or a wrong email or password at sign-in (`invalid_credentials`).'),
  403: errorResponse(
    'Forbidden',
    'Refused: `csrf_token_invalid` (a session write without the X-CSRF-Token header), `forbidden` (a site you do not work on, or a role that may not), `origin_not_allowed`, `article_closed`.',
  ),
  404: errorResponse('NotFound', 'No such site, article, comment, model or job (`not_found`). A comment on a site you do not work on is answered the same.'),
  409: errorResponse('Conflict', 'The state moved on: `status_changed`, `duplicate_comment`, `already_reviewed`, `worse_than_live`, `invalid_status`, `nothing_to_roll_back`.'),
  413: errorResponse('PayloadTooLarge', 'The request body is over 64 KB (`payload_too_large`).'),
  415: errorResponse('UnsupportedMediaType', 'Not `Content-Type: application/json`, or a charset other than UTF-8.'),
  429: errorResponse(
    'TooManyRequests',
    'Over a rate limit (`rate_limited`); wait for Retry-After seconds.',
    z.object({ 'Retry-After': z.string().meta({ description: 'Seconds to wait.' }) }),
  ),
  '5XX': errorResponse(
    'ServerError',
    'Postgres or Redis out of reach (`503 service_unavailable`: retry later, nothing was changed), a statement over the time limit (`503 query_timeout`), or a bug (`500 internal`, logged with the X-Request-Id).',
  ),
};

const SUCCESS_DESCRIPTIONS: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No content', 304: 'Not modified' };

// Staff writes with the session cookie also need the CSRF token it came with; a bearer token needs none.
const STAFF_READ: oas31.SecurityRequirementObject[] = [{ apiToken: [] }, { session: [] }];
const STAFF_WRITE: oas31.SecurityRequirementObject[] = [{ apiToken: [] }, { session: [], csrf: [] }];

function answer(status: number, given: ApiAnswer): ZodOpenApiResponseObject {
  if (given instanceof z.ZodType) return { description: SUCCESS_DESCRIPTIONS[status] ?? String(status), content: json(given) };
  return {
    description: given.description,
    ...(given.schema ? { content: { [given.mediaType ?? 'application/json']: { schema: given.schema } } } : {}),
    ...(given.headers ? { headers: given.headers } : {}),
  };
}

/** `:name` → `{name}`, and the schema of each path parameter, in order. */
function pathOf(operation: ApiOperation): { path: string; params?: z.ZodObject } {
  const expressPath = operation.route.slice(operation.route.indexOf(' ') + 1);
  const names = [...expressPath.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  const given = (operation.params?.shape ?? {}) as Record<string, z.ZodType>;
  const unused = Object.keys(given).filter((name) => !names.includes(name));
  if (unused.length > 0) throw new Error(`${operation.route}: params ${unused.join(', ')} are not in the path`);
  const shape = Object.fromEntries(
    names.map((name) => {
      const schema = given[name] ?? PATH_PARAMETERS[name];
      if (!schema) throw new Error(`${operation.route}: describe :${name} in params`);
      return [name, schema];
    }),
  );
  return { path: expressPath.replace(/:(\w+)/g, '{$1}'), params: names.length > 0 ? z.object(shape) : undefined };
}

function operationObject(operation: ApiOperation, params: z.ZodObject | undefined): ZodOpenApiOperationObject {
  const method = operation.route.slice(0, operation.route.indexOf(' '));
  const errors = new Set(operation.errors);
  // A wrong path parameter is mostly a 404 (no such site); routes that answer 400 for one say so.
  if (operation.query || operation.body) errors.add(400);
  if (operation.access === 'staff') errors.add(401).add(403);
  const responses: ZodOpenApiOperationObject['responses'] = {};
  for (const [status, given] of Object.entries(operation.responses)) responses[status as '200'] = answer(Number(status), given);
  for (const status of [...errors].sort((a, b) => a - b)) {
    const response = ERROR_RESPONSES[status];
    if (!response) throw new Error(`${operation.route}: no error answer described for ${status}`);
    responses[String(status) as '400'] = response;
  }
  if (!operation.responses[503]) responses['5XX'] = ERROR_RESPONSES['5XX']!;
  return {
    operationId: operation.id,
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    security: operation.access === 'public' ? [] : method === 'GET' ? STAFF_READ : STAFF_WRITE,
    requestParams: { ...(params ? { path: params } : {}), ...(operation.query ? { query: operation.query } : {}) },
    ...(operation.body ? { requestBody: { required: !operation.bodyOptional, content: json(operation.body) } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the operations given (API_OPERATIONS: the whole HTTP API). */
export function buildApiDocument(operations: readonly ApiOperation[], version: string): oas31.OpenAPIObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of operations) {
    const { path, params } = pathOf(operation);
    const method = operation.route.slice(0, operation.route.indexOf(' ')).toLowerCase() as 'get';
    const item = (paths[path] ??= {});
    if (item[method]) throw new Error(`${operation.route} is described twice`);
    item[method] = operationObject(operation, params);
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Moderato HTTP API',
      version,
      description:
        'Comment intake, the public thread, and the staff API behind the dashboard. Every answer is JSON; every error is `{"error": {"code", "message", "field"?}}` and every answer carries an X-Request-Id header.',
    },
    tags: Object.entries(API_TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        apiToken: { type: 'http', scheme: 'bearer', description: 'An API token made with `moderato token create`: `Authorization: Bearer <token>`. Needs no CSRF token.' },
        session: { type: 'apiKey', in: 'cookie', name: 'moderato.sid', description: 'The dashboard session, set by POST /api/v1/auth/login.' },
        csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: "The session's CSRF token (from sign-in or GET /api/v1/auth/session), on every session write." },
      },
    },
  });
}
