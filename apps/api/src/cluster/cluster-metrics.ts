import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

// Our own messages; prom-client's aggregation uses its own two types.
const METRICS_REQUEST = 'moderato:metrics-request';
const METRICS_RESPONSE = 'moderato:metrics-response';
const ANSWER_TIMEOUT_MS = 5_000;

interface MetricsRequest {
  type: typeof METRICS_REQUEST;
  id: number;
}
interface MetricsResponse {
  type: typeof METRICS_RESPONSE;
  id: number;
  text?: string;
  error?: string;
}

/**
 * In the cluster primary: answers any API process's request for the
 * metrics of all of them, summed by prom-client's AggregatorRegistry (which
 * asks each process for its registry). The primary serves no HTTP itself,
 * so /metrics stays on the API's port, behind its token.
 */
export function answerClusterMetricsRequests(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: MetricsRequest) => {
    if (message?.type !== METRICS_REQUEST) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: METRICS_RESPONSE, id: message.id, text } satisfies MetricsResponse),
      (error: Error) => worker.send({ type: METRICS_RESPONSE, id: message.id, error: error.message } satisfies MetricsResponse),
    );
  });
}

/**
 * In an API process of a cluster: offers this process's registry to the
 * primary's aggregation, and returns a reader of the whole cluster's metrics.
 */
export function clusterMetricsReader(registry: Registry): () => Promise<string> {
  // Constructing one registers prom-client's answer to the primary's requests.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
  let nextId = 0;
  const waiting = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  process.on('message', (message: MetricsResponse) => {
    if (message?.type !== METRICS_RESPONSE) return;
    const request = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.text !== undefined) request?.resolve(message.text);
    else request?.reject(new Error(message.error ?? 'no metrics from the cluster primary'));
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = (nextId += 1);
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error('the cluster primary did not answer for metrics'));
      }, ANSWER_TIMEOUT_MS);
      waiting.set(id, {
        resolve: (text) => (clearTimeout(timer), resolve(text)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      process.send?.({ type: METRICS_REQUEST, id } satisfies MetricsRequest);
    });
}
