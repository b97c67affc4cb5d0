import { Agent, request } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { percentile } from './stats';

export interface PacedLoadResult {
  sent: number;
  accepted: number;
  /** Answers other than 2xx, and socket errors. */
  bad: number;
  /** Latency from each request's scheduled send time to its answer. */
  p50Ms: number;
  p99Ms: number;
  /** Requests actually answered per second over the run. */
  rps: number;
  /**
   * The generator's own longest event-loop stall, ms: latency counts from
   * each request's due time, so a stall here would read as the server's.
   */
  generatorStallMs: number;
  /** Every request's latency, ms, in the order answered: to pool runs, whose single p99s are a dozen requests each. */
  latenciesMs: number[];
}

export interface PacedLoadOptions {
  url: string;
  /** Requests per second, evenly spaced. */
  rate: number;
  seconds: number;
  body: () => string;
  /** Keep-alive sockets the requests share. */
  connections?: number;
}

/**
 * An open-loop load at a fixed rate: request i is due at start + i/rate and
 * is sent then, whether or not earlier ones were answered, and its latency
 * counts from that due time (so a stall shows up in every request it
 * delays). autocannon's `overallRate` is not this: each connection sends
 * its whole per-second quota back to back when its one-second timer fires,
 * so "300/s" arrives as one burst of 300 every second.
 */
export async function pacedLoad({ url, rate, seconds, body, connections = 50 }: PacedLoadOptions): Promise<PacedLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let accepted = 0;
  let bad = 0;
  let answered = 0;
  const stalls = monitorEventLoopDelay({ resolution: 5 });
  stalls.enable();
  const startedAt = performance.now();
  let lastAnsweredAt = startedAt;

  const send = (dueAt: number) =>
    new Promise<void>((resolve) => {
      const payload = body();
      const req = request(
        { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
        (res) => {
          res.resume();
          res.on('end', () => {
            const now = performance.now();
            latencies.push(now - dueAt);
            if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300) accepted += 1;
            else bad += 1;
            answered += 1;
            lastAnsweredAt = now;
            resolve();
          });
        },
      );
      req.on('error', () => {
        bad += 1;
        resolve();
      });
      req.end(payload);
    });

  const inFlight: Promise<void>[] = [];
  let sent = 0;
  while (sent < total) {
    const now = performance.now();
    // Everything due by now goes out, so a late timer never lowers the rate.
    while (sent < total && startedAt + (sent * 1000) / rate <= now) {
      inFlight.push(send(startedAt + (sent * 1000) / rate));
      sent += 1;
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  stalls.disable();
  agent.destroy();
  return {
    sent,
    accepted,
    bad,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    rps: answered / ((lastAnsweredAt - startedAt) / 1000),
    generatorStallMs: stalls.max / 1e6,
    latenciesMs: latencies,
  };
}
