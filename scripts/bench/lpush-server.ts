// The intake's physical limit on this machine: a bare Express 5 route that
// parses the same JSON body and does one Redis LPUSH, nothing else. Started
// as a child process by the bench (PORT, REDIS_URL, BENCH_KEY from env;
// BENCH_PROCESSES > 1 forks that many with node:cluster, as the API does
// with MODERATO_API_PROCESSES).
import cluster from 'node:cluster';
import express from 'express';
import { Redis } from 'ioredis';

const processes = Number(process.env.BENCH_PROCESSES ?? 1);
const key = process.env.BENCH_KEY ?? 'bench:lpush';

if (cluster.isPrimary && processes > 1) {
  for (let i = 0; i < processes; i += 1) cluster.fork();
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  });
} else {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const app = express();
  app.use(express.json({ limit: '64kb' }));
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.post('/api/v1/sites/:siteId/articles/:articleId/comments', async (req, res) => {
    await redis.lpush(key, JSON.stringify(req.body));
    res.status(202).json({ status: 'pending' });
  });
  const server = app.listen(Number(process.env.PORT), '127.0.0.1');
  process.on('SIGTERM', () => {
    server.close();
    void redis.del(key).finally(() => {
      redis.disconnect();
      process.exit(0);
    });
  });
}
