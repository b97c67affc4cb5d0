import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { startApiUnderTest, type ApiUnderTest } from '../support/api-under-test';
import { createTestDatabase, testRedisUrl, uniqueQueuePrefix, type TestDatabase } from '../support/test-database';

// Raw sockets against the real server: slow or oversized clients are cut off
// by the limits in apps/api/src/server.ts (and Node's header size limit).
let testDb: TestDatabase;
let api: ApiUnderTest;
let port: number;

beforeAll(async () => {
  testDb = await createTestDatabase();
  api = await startApiUnderTest({ databaseUrl: testDb.url, redisUrl: testRedisUrl(), queuePrefix: uniqueQueuePrefix() });
  port = Number(new URL(api.sut.url).port);
});
afterAll(async () => {
  await api.sut.close();
  await testDb.close();
});

interface Ended {
  afterMs: number;
  received: string;
}

/** Opens a connection, lets `drive` write to it, and resolves when the server closes it. */
async function untilClosed(drive: (socket: Socket) => void): Promise<Ended> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const startedAt = Date.now();
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  const closed = once(socket, 'close');
  drive(socket);
  await closed;
  return { afterMs: Date.now() - startedAt, received };
}

/** Writes `line` every second until the socket closes. */
function trickle(socket: Socket, line: string): void {
  const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write(line)), 1_000);
  socket.on('close', () => clearInterval(timer));
}

it('cuts off slowloris headers (10 s), slow bodies (15 s) and idle keep-alive (5 s), while serving others', async () => {
  const [slowHeaders, slowBody, idle, served] = await Promise.all([
    untilClosed((socket) => {
      socket.write('POST /api/v1/sites/x/articles/y/comments HTTP/1.1\r\nHost: a\r\n');
      trickle(socket, 'X-Slow: 1\r\n');
    }),
    untilClosed((socket) => {
      socket.write('POST /api/v1/sites/x/articles/y/comments HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{');
      trickle(socket, ' ');
    }),
    untilClosed((socket) => socket.write('GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n')),
    fetch(`${api.sut.url}/healthz`).then((r) => r.status),
  ]);
  expect(served).toBe(200);
  expect(slowHeaders.afterMs).toBeGreaterThanOrEqual(9_000);
  expect(slowHeaders.afterMs).toBeLessThan(13_000);
  expect(slowHeaders.received).toMatch(/^HTTP\/1\.1 408/);
  expect(slowBody.afterMs).toBeGreaterThanOrEqual(14_000);
  expect(slowBody.afterMs).toBeLessThan(18_000);
  expect(idle.received).toMatch(/^HTTP\/1\.1 200/);
  expect(idle.afterMs).toBeGreaterThanOrEqual(4_500);
  expect(idle.afterMs).toBeLessThan(8_000);
}, 30_000);

it('refuses headers over 16 KB with 431 at once', async () => {
  const ended = await untilClosed((socket) => socket.write(`GET /healthz HTTP/1.1\r\nHost: a\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
  expect(ended.received).toMatch(/^HTTP\/1\.1 431/);
  expect(ended.afterMs).toBeLessThan(2_000);
});
