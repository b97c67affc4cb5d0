import type { IncomingMessage } from 'node:http';

/** What the intake knows of a post before any guard runs: the site in its path and the client's address. */
export interface IntakeRequest {
  siteId: string;
  /** As Express's req.ip would give it (trust proxy applied); only its keyed hash is ever kept. */
  ip: string | undefined;
}

// Keyed by the request: the guards (express-rate-limit's key generators)
// are handed only the request, and a plain Node request has no req.ip or
// req.params to read.
const intakeRequests = new WeakMap<IncomingMessage, IntakeRequest>();

export function bindIntakeRequest(req: IncomingMessage, facts: IntakeRequest): void {
  intakeRequests.set(req, facts);
}

export function intakeRequestOf(req: IncomingMessage): IntakeRequest {
  const facts = intakeRequests.get(req);
  if (!facts) throw new Error('not a comment post: no intake request is bound to it');
  return facts;
}
