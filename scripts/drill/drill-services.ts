import { startService, type ServiceProcess } from '../../test/support/processes';

const READY_TIMEOUT_MS = 30_000;

async function poll(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not become ready in ${READY_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The API and worker processes of one drill, started as `npm run start:api|worker` would. */
export class DrillServices {
  private api: ServiceProcess | undefined;
  readonly workers: ServiceProcess[] = [];
  /** Output of every process ever started, for a post-mortem when the drill fails. */
  readonly retired: { name: string; output: () => string }[] = [];

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly apiUrl: string,
  ) {}

  async startApi(): Promise<void> {
    const api = startService('api', this.env);
    this.api = api;
    this.retired.push({ name: `api#${this.retired.length}`, output: api.output });
    await poll(async () => (await fetch(`${this.apiUrl}/healthz`).catch(() => undefined))?.status === 200, 'the API');
  }

  /** SIGTERM; resolves with the exit code once the process is gone. */
  async stopApi(): Promise<number | null> {
    const api = this.api;
    this.api = undefined;
    return api ? api.stop() : null;
  }

  async startWorker(): Promise<void> {
    const worker = startService('worker', this.env);
    this.workers.push(worker);
    this.retired.push({ name: `worker#${this.retired.length}`, output: worker.output });
    await poll(() => worker.output().includes('worker ready'), 'a worker');
  }

  /** SIGKILLs the oldest worker: no chance to finish or hand back its jobs. */
  async killWorker(): Promise<void> {
    const worker = this.workers.shift();
    if (!worker) return;
    const exited = new Promise((resolve) => worker.child.once('exit', resolve));
    worker.child.kill('SIGKILL');
    await exited;
  }

  async stopAll(): Promise<void> {
    await Promise.all([this.stopApi(), ...this.workers.splice(0).map((w) => w.stop())]);
  }
}
