import { APP_ROLE, outsideTenantScope } from "@/lib/db/tenant-scope";
import { sql } from "drizzle-orm";
import {
  PgBoss,
  fromDrizzle,
  fromPglite,
  type SendOptions,
  type WorkOptions,
  type Job,
  type JobResult,
} from "pg-boss";
import type { Database, Db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { isDatabaseUnavailable } from "@/lib/db/errors";

export const QUEUES = {
  /** An outbox event: find the endpoints that want it and create their deliveries. */
  webhookFanout: "webhooks-fanout",
  /** One attempt of a third-party app's install or uninstall callback (lib/apps). */
  appCallback: "apps-callback",
  /** Hourly: delete expired idempotency records and old refresh tokens. */
  maintenance: "maintenance",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** What services see: send a job inside their own transaction (the transactional outbox). */
export interface JobSender {
  sendInTx(tx: Db, queue: QueueName, data: object, options?: SendOptions): Promise<void>;
  /** Many jobs of one queue in one statement (a fan-out), in the caller's transaction. */
  sendManyInTx(tx: Db, queue: QueueName, jobs: ManyJob[]): Promise<void>;
}

export interface ManyJob {
  data: object;
  group?: { id: string };
}

export interface JobsOptions {
  /** How long a claimed job may run before another worker may claim it again (crash recovery). */
  expireInSeconds?: number;
  superviseIntervalSeconds?: number;
  /** How often expired claims are looked for (pg-boss's monitor pass). */
  monitorIntervalSeconds?: number;
  pollingIntervalSeconds?: number;
  /** Wait before a job whose worker died is tried again. */
  retryDelaySeconds?: number;
}

/** How long a finished job waits for its batch before it is settled on its own. */
const RELEASE_AFTER_MS = 250;

/**
 * pg-boss on the same database as the data: PGlite through its one connection, PostgreSQL
 * through a pool of its own (SKIP LOCKED lets many instances share the queues).
 */
export async function startJobs(database: Database, options: JobsOptions = {}) {
  const timing = {
    superviseIntervalSeconds: options.superviseIntervalSeconds ?? 30,
    monitorIntervalSeconds: options.monitorIntervalSeconds ?? 30,
  };
  // Jobs sent in a transaction NOTIFY at commit, so idle workers wake at once instead of at their
  // next poll; polling stays on as the floor (and is all there is behind PgBouncer).
  const boss = database.pglite
    ? new PgBoss({ db: fromPglite(database.pglite), useListenNotify: true, ...timing })
    : new PgBoss({ connectionString: database.url!, max: 4, useListenNotify: true, ...timing });
  // Workers poll on: while the database restarts each poll fails, which is an outage (a warning
  // without the stack, as the API's 503s log it), not a defect of the queue.
  boss.on("error", (err) =>
    isDatabaseUnavailable(err)
      ? log.warn("job queue: database unavailable", { reason: err.message })
      : log.error("job queue error", { err }),
  );
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    // Our handlers schedule their own retries (the webhook schedule); pg-boss retries only jobs
    // whose worker died mid-way (expiry).
    const queueOptions = {
      expireInSeconds: options.expireInSeconds ?? 60,
      retryLimit: 3,
      retryDelay: options.retryDelaySeconds ?? 5,
      notify: true,
    };
    await boss.createQueue(name, queueOptions);
    // createQueue leaves an existing queue as it was: bring one made by an older release up to date.
    await boss.updateQueue(name, queueOptions);
  }
  // A store's request sends its jobs in its own transaction, as the role row-level security
  // restricts (lib/db/tenant-scope.ts): that role may write pg-boss's tables, which are no store's.
  await outsideTenantScope(async () => {
    for (const grant of [
      "usage on schema pgboss",
      "select, insert, update on all tables in schema pgboss",
      "usage, select on all sequences in schema pgboss",
    ])
      await database.db.execute(sql.raw(`grant ${grant} to ${APP_ROLE}`));
  });
  const polling = {
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
    // NOTIFY fires when a job is sent, not when a delayed one (a retry) comes due: keep
    // polling as often as without it, or retries would wait for a slow backstop poll.
    notifyPollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
    // While fetches come back full the worker fetches again at once (a backlog drains
    // without waiting to poll).
    burstWhenBatchFull: true,
  };
  const sender: JobSender = {
    async sendInTx(tx, queue, data, sendOptions = {}) {
      await boss.send(queue, data, { ...sendOptions, db: fromDrizzle(tx as never, sql) });
    },
    async sendManyInTx(tx, queue, many) {
      if (many.length === 0) return;
      // insert() takes the queue's options (retries, expiry) like send(), and notifies the same way.
      await boss.insert(queue, many, { db: fromDrizzle(tx as never, sql) });
    },
  };
  return {
    boss,
    sender,
    /**
     * Runs `handler` for each job of a fetched batch at once. Each job settles on its own, as soon
     * as it finishes: one that throws is retried by pg-boss without failing the others of its
     * batch, and a quick one is not held until its slowest batch-mate ends. While fetches
     * come back full the worker fetches again at once (a backlog drains without waiting to poll).
     */
    work<T extends object>(
      queue: QueueName,
      handler: (job: Job<T>) => Promise<void>,
      workOptions: Omit<WorkOptions, "perJobResults" | "transactional"> = {},
    ) {
      return boss.work<T>(
        queue,
        { ...polling, ...workOptions, perJobResults: true },
        async (jobs): Promise<JobResult[]> => {
          // A job that finished must not hold its group's slot (an endpoint's concurrency) while a
          // batch-mate for a slow receiver is still waiting: if its batch is still running a
          // moment later, it is settled on its own (the batch's settlement then skips it). Quick
          // batches settle together, in one statement.
          let batchDone = false;
          const releases: NodeJS.Timeout[] = [];
          const release = (job: Job<T>) => {
            if (batchDone) return;
            boss.complete(queue, job.id).catch((err: unknown) => {
              log.warn("job completion deferred to its batch", { queue, jobId: job.id, err });
            });
          };
          const results = await Promise.all(
            jobs.map((job) =>
              handler(job).then(
                () => {
                  if (jobs.length > 1) releases.push(setTimeout(release, RELEASE_AFTER_MS, job));
                  return { id: job.id, status: "completed" as const };
                },
                (err: unknown) => {
                  log.error("job failed", { queue, jobId: job.id, err });
                  return {
                    id: job.id,
                    status: "failed" as const,
                    output: { message: err instanceof Error ? err.message : String(err) },
                  };
                },
              ),
            ),
          );
          batchDone = true;
          releases.forEach(clearTimeout);
          return results;
        },
      );
    },
    /**
     * Runs `handler` once for a whole fetched batch; the batch completes, or fails and is
     * retried, as one. For handlers that gain from doing a batch's work in one transaction and
     * can run again harmlessly.
     */
    workBatch<T extends object>(
      queue: QueueName,
      handler: (jobs: Job<T>[]) => Promise<void>,
      workOptions: Omit<WorkOptions, "perJobResults" | "transactional"> = {},
    ) {
      return boss.work<T>(queue, { ...polling, ...workOptions }, handler);
    },
    stop: () => boss.stop({ graceful: true, timeout: 15_000 }),
  };
}

export type Jobs = Awaited<ReturnType<typeof startJobs>>;
