import type { Database } from "@/lib/db/client";
import { QUEUES, startJobs, type JobsOptions } from "@/lib/jobs/queue";
import { cleanUp } from "@/lib/jobs/maintenance";
import { log } from "@/lib/log";
import { deliverCallback } from "@/lib/apps/service";
import { deliver, fanOut, type EngineDeps } from "./engine";
import { closeSenderConnections } from "./sender";

/**
 * Starts the queue and the webhook workers. At most two deliveries per endpoint run at once
 * (across instances), so one slow receiver cannot hold every worker.
 */
export async function startWebhookWorkers(
  database: Database,
  settings: Pick<EngineDeps, "encryptionKey" | "allowPrivate"> &
    Partial<Pick<EngineDeps, "now" | "schedule" | "random" | "timeoutMs">>,
  options: JobsOptions & { maintenanceCron?: string } = {},
) {
  const { maintenanceCron = "17 * * * *", ...jobOptions } = options;
  const jobs = await startJobs(database, jobOptions);
  const deps: EngineDeps = {
    db: database.db,
    jobs: jobs.sender,
    now: () => new Date(),
    ...settings,
  };
  await jobs.workBatch<{ eventId: string }>(
    QUEUES.webhookFanout,
    async (batch) => {
      try {
        await fanOut(
          deps,
          batch.map((job) => job.data.eventId),
        );
      } catch (err) {
        // One event that cannot fan out must not hold back its batch: each goes on its own, and
        // the batch is tried again (harmlessly for those done) only if one fails again.
        log.warn("webhook fan-out batch failed; fanning out one by one", { err });
        let failed: unknown;
        for (const job of batch)
          await fanOut(deps, job.data.eventId).catch((e: unknown) => (failed ??= e));
        if (failed) throw failed;
      }
    },
    // An import of hundreds of products fans out in a few transactions, not one per event.
    { localConcurrency: 2, batchSize: 25 },
  );
  await jobs.work<{ deliveryId: string; attempt: number }>(
    QUEUES.webhookDeliver,
    (job) => deliver(deps, job.data),
    // Two jobs per fetch per worker: pg-boss fetches again at once only after a full batch, and
    // under the group limit (2 in flight per endpoint) a batch of five rarely filled, so workers
    // slept out their polling interval mid-backlog. The group limit is counted in the database,
    // where a job settled early frees its group at once (an in-memory limit holds the group for
    // the whole batch, so a fast endpoint waited on a slow batch-mate); the claim
    // (lib/webhooks/slots.ts) is what makes it strict across instances.
    { localConcurrency: 4, batchSize: 2, groupConcurrency: 2 },
  );
  // Third-party apps' install and uninstall callbacks go out through the same sender and schedule.
  await jobs.work<{ callbackId: string; attempt: number }>(
    QUEUES.appCallback,
    (job) => deliverCallback(deps, job.data),
    { localConcurrency: 2, batchSize: 5 },
  );
  await jobs.work(QUEUES.maintenance, async () => {
    const removed = await cleanUp(database.db, new Date());
    log.info("maintenance", removed);
  });
  // pg-boss files each occurrence under one key: however many instances, one of them runs it.
  await jobs.boss.schedule(QUEUES.maintenance, maintenanceCron);
  return {
    ...jobs,
    async stop() {
      await jobs.stop();
      await closeSenderConnections();
    },
  };
}
