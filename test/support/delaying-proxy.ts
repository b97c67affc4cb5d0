import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

export interface DelayingProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of a local server that holds back the requests
 * `matches` picks for `delayMs` before passing them on, and drops them if the
 * client hangs up meanwhile: what a slow network does to a request that the
 * browser cancels when its page goes away.
 */
export async function startDelayingProxy(targetUrl: string, { delayMs, matches }: { delayMs: number; matches: (chunk: Buffer) => boolean }): Promise<DelayingProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    let hungUp = false;
    // Chunks keep their order: one held back holds back those after it.
    let queue = Promise.resolve();
    client.on('data', (chunk: Buffer) => {
      queue = queue.then(async () => {
        if (matches(chunk)) await new Promise((resolve) => setTimeout(resolve, delayMs));
        if (!hungUp) upstream.write(chunk);
      });
    });
    upstream.pipe(client);
    const end = () => {
      hungUp = true;
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
