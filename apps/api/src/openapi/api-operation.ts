import type { z } from 'zod';

/** The document's tags: who the routes are for. */
export const API_TAGS = {
  public: 'No credentials: post a comment, read its status, the public thread and the embed form; health; this document.',
  comments: "Staff actions on one comment or many: approve, reject, spam, history, reveal the author's email.",
  moderation: 'Staff sign-in, the sites you work on, the review queue.',
  settings: "A site's settings: read, save, preview, versions; per-article switches.",
  models: "A site's own models: list, compare, train, shadow, promote, roll back (owners and admins).",
  qa: 'QA samples of auto-approved comments and the estimated share of bad ones.',
  overview: "A site's recent comments in aggregate: outcomes per day, overrides per week, reasons, languages, the queue now.",
  webhooks: "A site's webhook: signed events when comments are held, rejected or approved; a test send; the delivery log (owners and admins).",
  admin: 'Admins only: dead letters (jobs that failed for good).',
} as const;

export type ApiTag = keyof typeof API_TAGS;

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type ApiAccess = 'public' | 'staff';

/** An answer: a JSON schema, or a description with a schema, headers or another media type. */
export type ApiAnswer = z.ZodType | { description: string; schema?: z.ZodType; headers?: z.ZodObject; mediaType?: string };

/**
 * One route as the OpenAPI document describes it. Every route mounted under
 * /api/v1 has one (apps/api/src/openapi/openapi.int.test.ts checks both ways); each
 * route file lists its own in a sibling `x.openapi.ts`.
 */
export interface ApiOperation {
  /** A unique camelCase name, for client generators: `listReviewQueue`. */
  id: string;
  /** The method and the path as the router has them, `:params` and all: `GET /api/v1/sites/:siteId/review`. */
  route: `${ApiMethod} /${string}`;
  tag: ApiTag;
  summary: string;
  description?: string;
  /**
   * `public`: no credentials. `staff`: an API token, or the session cookie,
   * with the X-CSRF-Token header on anything but a GET.
   */
  access: ApiAccess;
  /** Path parameters; `:siteId`, `:articleId` and `:commentId` need none (see PATH_PARAMETERS). */
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** The JSON body the route parses. */
  body?: z.ZodType;
  /** The body may be left out (the route reads no body as `{}`). */
  bodyOptional?: boolean;
  /** Each success status with its answer. */
  responses: { [status: number]: ApiAnswer };
  /**
   * Statuses answered with the error body beyond those every such route has:
   * 400 when it reads input, 401 and 403 for staff, 5XX always.
   */
  errors?: number[];
}

/** An operation as a route file writes it: the tag comes from its group, and access from the tag unless it says. */
export type TaggedOperation = Omit<ApiOperation, 'tag' | 'access'> & { access?: ApiAccess };

/**
 * A route file's operations under one tag. Access follows the tag (`public`
 * routes need no credentials, every other tag is staff's) unless an entry
 * names its own, as sign-in does.
 */
export function operationsTagged(tag: ApiTag, operations: TaggedOperation[]): ApiOperation[] {
  const access: ApiAccess = tag === 'public' ? 'public' : 'staff';
  return operations.map((operation) => ({ ...operation, tag, access: operation.access ?? access }));
}
