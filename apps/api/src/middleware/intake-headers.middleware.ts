import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/**
 * The security headers of the comment intake's answers, set in one go
 * instead of helmet's thirteen middlewares. The intake answers only JSON
 * (202, or an error), never a page, so the headers that govern what a
 * rendered document may do (Referrer-Policy, Cross-Origin-Opener-Policy,
 * Origin-Agent-Cluster, X-DNS-Prefetch-Control, X-Download-Options,
 * X-Permitted-Cross-Domain-Policies, X-XSS-Protection) have nothing to act
 * on. What is kept guards a JSON answer that a browser is led to open or
 * embed:
 * - `X-Content-Type-Options: nosniff`: the JSON is never sniffed into HTML or script;
 * - `Content-Security-Policy: default-src 'none'; frame-ancestors 'none'`: should it be
 *   shown anyway, nothing loads or runs, and no page may frame it (X-Frame-Options'
 *   job in older browsers, kept for them);
 * - `Cross-Origin-Resource-Policy: same-origin`: no other site reads it through a
 *   no-CORS embed (the embed's own posts are CORS requests, which this does not touch);
 * - `Strict-Transport-Security`: helmet's value, so every answer of the host carries it.
 */
const INTAKE_HEADERS: ReadonlyArray<[string, string]> = [
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
];

export function setIntakeHeaders(res: ServerResponse): void {
  for (const [name, value] of INTAKE_HEADERS) res.setHeader(name, value);
}

/** The same, as middleware: the intake's CORS preflight runs through Express. */
export const intakeHeaders: RequestHandler = (_req, res, next) => {
  setIntakeHeaders(res);
  next();
};
