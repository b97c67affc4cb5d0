import type { RequestListener } from 'node:http';
import type { Express } from 'express';
import type { IntakeHandler, IntakeParams } from './routes/intake.routes';

// The intake's path as the embed and clients send it. Express's route for it
// also takes other spellings (any case, a trailing slash); those, and a path
// that does not decode, go through Express to the same handler.
const INTAKE_URL = /^\/api\/v1\/sites\/([^/?]+)\/articles\/([^/?]+)\/comments(?:\?|$)/;

function intakeParams(url: string): IntakeParams | undefined {
  const match = INTAKE_URL.exec(url);
  if (!match) return undefined;
  try {
    return { siteId: decodeURIComponent(match[1]!), articleId: decodeURIComponent(match[2]!) };
  } catch {
    return undefined;
  }
}

/**
 * The API's request listener: a comment post goes straight to the intake on
 * Node's own request and answer; everything else to Express. Express sets up
 * each request by swapping the prototypes of Node's request and answer, and
 * on this route that alone cost more CPU than validating, sealing and queueing
 * the comment (docs/performance.md has the measurement).
 */
export function apiListener(app: Express, postComment: IntakeHandler): RequestListener {
  return (req, res) => {
    const params = req.method === 'POST' ? intakeParams(req.url ?? '') : undefined;
    if (params) void postComment(req, res, params);
    else app(req, res);
  };
}
