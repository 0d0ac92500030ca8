import type { Database } from "@/lib/db/client";
import { QUEUES, startJobs, type JobsOptions } from "@/lib/jobs/queue";
import { cleanUp } from "@/lib/jobs/maintenance";
import { log } from "@/lib/log";
import { deliver, fanOut, type EngineDeps } from "./engine";

/**
 * Starts the queue and the webhook workers. At most two deliveries per endpoint run at once
 * (across instances), so one slow receiver cannot hold every worker.
 */
export async function startWebhookWorkers(
  database: Database,
  settings: Pick<EngineDeps, "encryptionKey" | "allowPrivate"> &
    Partial<Pick<EngineDeps, "now" | "schedule" | "random" | "timeoutMs">>,
  options: JobsOptions = {},
) {
  const jobs = await startJobs(database, options);
  const deps: EngineDeps = {
    db: database.db,
    jobs: jobs.sender,
    now: () => new Date(),
    ...settings,
  };
  await jobs.work<{ eventId: string }>(
    QUEUES.webhookFanout,
    (job) => fanOut(deps, job.data.eventId),
    { localConcurrency: 1 },
  );
  await jobs.work<{ deliveryId: string; attempt: number }>(
    QUEUES.webhookDeliver,
    (job) => deliver(deps, job.data),
    {
      localConcurrency: 4,
      groupConcurrency: 2,
    },
  );
  await jobs.work(QUEUES.maintenance, async () => {
    const removed = await cleanUp(database.db, new Date());
    log.info("maintenance", removed);
  });
  await jobs.boss.schedule(QUEUES.maintenance, "17 * * * *");
  return jobs;
}
