import type { Database } from "@/lib/db/client";
import { QUEUES, startJobs, type JobsOptions } from "@/lib/jobs/queue";
import { cleanUp } from "@/lib/jobs/maintenance";
import { log } from "@/lib/log";
import { deliverCallback } from "@/lib/apps/service";
import { startDispatcher } from "./dispatch";
import { fanOut, type EngineDeps } from "./engine";
import { closeSenderConnections } from "./sender";

/**
 * Starts the queue's workers (fan-out, app callbacks, maintenance) and the webhook dispatcher.
 * At most two deliveries per endpoint run at once (across instances), so one slow receiver
 * cannot hold every worker.
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
  const dispatcher = startDispatcher(deps, {
    pollMs: (jobOptions.pollingIntervalSeconds ?? 1) * 1000,
  });
  await jobs.workBatch<{ eventId: string }>(
    QUEUES.webhookFanout,
    async (batch) => {
      try {
        await fanOut(
          deps,
          batch.map((job) => job.data.eventId),
        );
        dispatcher.wake();
      } catch (err) {
        // One event that cannot fan out must not hold back its batch: each goes on its own, and
        // the batch is tried again (harmlessly for those done) only if one fails again.
        log.warn("webhook fan-out batch failed; fanning out one by one", { err });
        let failed: unknown;
        for (const job of batch)
          await fanOut(deps, job.data.eventId).catch((e: unknown) => (failed ??= e));
        dispatcher.wake();
        if (failed) throw failed;
      }
    },
    // An import of hundreds of products fans out in a few transactions, not one per event.
    { localConcurrency: 2, batchSize: 25 },
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
      await Promise.all([jobs.stop(), dispatcher.stop()]);
      await closeSenderConnections();
    },
  };
}
