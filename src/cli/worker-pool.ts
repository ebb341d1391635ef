/**
 * A pool of worker threads, each running one task at a time: tasks wait in order for a free worker, and
 * a worker that dies with its task (out of memory, an uncaught error, an exit) is replaced, its task
 * given the result the pool's owner makes of the death. Nothing else is lost, and the owner's process
 * goes on. Closing the pool ends every worker at once and drops the tasks still pending.
 */
import * as path from 'path';
import { parentPort, Worker, type WorkerOptions } from 'worker_threads';

/** How a worker died while it held a task. */
export type WorkerDeath = { kind: 'out-of-memory' } | { kind: 'error'; message: string } | { kind: 'exit'; code: number };

/** The pool was closed (the run interrupted) before the task's result came back. */
export class PoolClosedError extends Error {
  constructor() {
    super('worker pool closed');
    this.name = 'PoolClosedError';
  }
}

export interface PoolOptions<T, R> {
  size: number;
  /** Starts one worker (startWorker, say). */
  start: () => Worker;
  /** The result of a task whose worker died running it. */
  onDeath: (task: T, death: WorkerDeath) => R;
}

interface Job<T, R> {
  task: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

export class WorkerPool<T, R> {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job<T, R>>();
  private readonly queue: Job<T, R>[] = [];
  private live = 0;
  private closed = false;

  /** Workers are started as tasks come: a batch whose files are all in the cache starts none. */
  constructor(private readonly options: PoolOptions<T, R>) {}

  run(task: T): Promise<R> {
    if (this.closed) return Promise.reject(new PoolClosedError());
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends every worker now; the tasks still running or waiting are rejected with PoolClosedError. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const workers = [...this.idle, ...this.busy.keys()];
    for (const job of [...this.busy.values(), ...this.queue]) job.reject(new PoolClosedError());
    this.busy.clear();
    this.queue.length = 0;
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      // A worker is started (or one that died replaced) only for work waiting: a worker that cannot start
      // fails the tasks given to it, one by one, instead of being restarted for ever.
      const worker = this.idle.pop() ?? (this.live < this.options.size ? this.spawn() : undefined);
      if (!worker) return;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage(job.task);
    }
  }

  private spawn(): Worker {
    const worker = this.options.start();
    this.live++;
    let dead = false;
    worker.on('message', (result: R) => {
      const job = this.busy.get(worker);
      if (!job) return;
      this.busy.delete(worker);
      this.idle.push(worker);
      job.resolve(result);
      this.dispatch();
    });
    const die = (death: WorkerDeath) => {
      if (dead) return;
      dead = true;
      this.live--;
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      void worker.terminate();
      if (this.closed) return;
      if (job) job.resolve(this.options.onDeath(job.task, death));
      this.dispatch();
    };
    worker.on('error', (err: Error & { code?: string }) =>
      die(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'out-of-memory' } : { kind: 'error', message: err.message }),
    );
    worker.on('exit', (code) => die({ kind: 'exit', code }));
    return worker;
  }
}

/** In a worker thread: answers each task the pool posts with handle's result. */
export function serve<T, R>(handle: (task: T) => Promise<R>): void {
  const port = parentPort;
  if (!port) throw new Error('serve() runs in a worker thread');
  port.on('message', (task: T) => {
    void handle(task).then((result) => port.postMessage(result));
  });
}

/**
 * A worker running a module given by its path without extension: the compiled .js beside the built
 * command, or, when this very module runs from its TypeScript source (tsx, the tests), the .ts through
 * tsx's require hook. The worker's own output is drained, not shown: the command's stdout is its result.
 */
export function startWorker(entry: string, options: WorkerOptions = {}): Worker {
  const fromSource = path.extname(__filename) === '.ts';
  const worker = fromSource
    ? new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();require(${JSON.stringify(`${entry}.ts`)});`, { ...options, eval: true, stdout: true, stderr: true })
    : new Worker(`${entry}.js`, { ...options, stdout: true, stderr: true });
  worker.stdout.resume();
  worker.stderr.resume();
  return worker;
}
