CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("endpoint_id","next_attempt_at") WHERE "webhook_deliveries"."status" = 'pending';--> statement-breakpoint
-- Deliveries are claimed straight from this table (lib/webhooks/dispatch.ts), not through a job
-- queue: a pending delivery is due at next_attempt_at. Those created before were due at once.
UPDATE "webhook_deliveries" SET "next_attempt_at" = "created_at"
  WHERE "status" = 'pending' AND "next_attempt_at" IS NULL;
--> statement-breakpoint
-- One round trip of the dispatcher (docs/decisions/0022-webhook-dispatcher.md): settles the plain
-- successes in p_settle, if any, then claims up to p_limit due deliveries and answers them.
--
-- Settling: p_settle is a JSON array of attempts (lib/webhooks/engine.ts, settledRows: the
-- attempt's own camelCase fields and completedAt); each is stored and its delivery marked
-- succeeded, its slot given back. A delivery gone meanwhile (its endpoint deleted) has nothing to
-- settle. A reply that cannot be stored fails the whole statement: the caller then settles one by
-- one, the careful way.
--
-- Claiming: oldest first across endpoints, never more than p_slots in flight per endpoint across
-- every instance. Each endpoint with pending deliveries is found by walking
-- webhook_deliveries_due_idx (one probe per endpoint, not a scan of the backlog). An endpoint is
-- locked before its slots are counted (an advisory lock for this transaction: no row is written,
-- so a claim that finds nothing costs no commit record), and one another claimer holds is skipped,
-- not waited for. A function, not one statement: after the lock each statement takes a snapshot
-- of its own (READ COMMITTED, VOLATILE), so the count sees every claim committed by whoever held
-- the lock before. An endpoint that was switched off has its waiting deliveries cancelled instead.
CREATE OR REPLACE FUNCTION webhook_dispatch(
  p_limit integer,
  p_now timestamptz,
  p_lease_until timestamptz,
  p_slots integer,
  p_settle json
) RETURNS SETOF webhook_deliveries
-- A claim answers a few rows (the caller joins each to its endpoint by key, not by a scan).
LANGUAGE plpgsql VOLATILE ROWS 8 AS $$
DECLARE
  ep record;
  endpoint_enabled boolean;
  free integer;
  taken integer := 0;
  n integer;
BEGIN
  -- What a crash of the database loses here is at worst a delivery sent once more when its
  -- lease lapses (at-least-once): the commit need not wait for the disk.
  PERFORM set_config('synchronous_commit', 'off', true);
  -- Planned once per connection: re-planning the walk below at every call cost more than running it.
  PERFORM set_config('plan_cache_mode', 'force_generic_plan', true);
  -- Every statement below has its index; plans cached while the table was small (or before its
  -- statistics caught up) must not read it whole. Plain index scans also mark the entries of
  -- settled deliveries dead as they pass them, so the next claim skips them; a bitmap scan would
  -- visit every settled row again until a vacuum.
  PERFORM set_config('enable_seqscan', 'off', true);
  PERFORM set_config('enable_bitmapscan', 'off', true);

  IF p_settle IS NOT NULL THEN
    WITH s AS (
      SELECT * FROM json_to_recordset(p_settle) AS s(
        "deliveryId" uuid, "number" integer, "requestHeaders" jsonb, "responseStatus" integer,
        "responseBody" text, "error" text, "durationMs" integer, "createdAt" timestamptz,
        "completedAt" timestamptz)
    ), settled AS (
      UPDATE webhook_deliveries d SET status = 'succeeded', attempts = s."number",
        last_status_code = s."responseStatus", next_attempt_at = NULL,
        completed_at = s."completedAt", in_flight_until = NULL
      -- The id list too, so the planner finds the rows by key (it cannot tell how many rows the
      -- JSON holds, and would otherwise read the whole table).
      FROM s WHERE d.id = s."deliveryId" AND d.id = ANY (ARRAY(SELECT "deliveryId" FROM s))
      RETURNING d.id, d.tenant_id
    )
    INSERT INTO webhook_attempts (tenant_id, delivery_id, number, request_headers,
      response_status, response_body, error, duration_ms, created_at)
    SELECT settled.tenant_id, s."deliveryId", s."number", s."requestHeaders", s."responseStatus",
      s."responseBody", s."error", s."durationMs", s."createdAt"
    FROM s JOIN settled ON settled.id = s."deliveryId";
  END IF;

  IF p_limit <= 0 THEN
    RETURN;
  END IF;
  FOR ep IN
    WITH RECURSIVE endpoints(id) AS (
      (SELECT endpoint_id FROM webhook_deliveries
        WHERE status = 'pending' ORDER BY endpoint_id LIMIT 1)
      UNION ALL
      SELECT (SELECT d.endpoint_id FROM webhook_deliveries d
               WHERE d.status = 'pending' AND d.endpoint_id > e.id
               ORDER BY d.endpoint_id LIMIT 1)
        FROM endpoints e WHERE e.id IS NOT NULL
    )
    SELECT e.id, oldest.due FROM endpoints e
    CROSS JOIN LATERAL (
      SELECT d.next_attempt_at AS due FROM webhook_deliveries d
       WHERE d.endpoint_id = e.id AND d.status = 'pending' AND d.next_attempt_at <= p_now
         AND (d.in_flight_until IS NULL OR d.in_flight_until <= p_now)
       ORDER BY d.next_attempt_at LIMIT 1
    ) oldest
    WHERE e.id IS NOT NULL
    ORDER BY oldest.due
  LOOP
    EXIT WHEN taken >= p_limit;
    CONTINUE WHEN NOT pg_try_advisory_xact_lock(8361, hashtext(ep.id::text));
    SELECT enabled INTO endpoint_enabled FROM webhook_endpoints WHERE id = ep.id;
    CONTINUE WHEN NOT FOUND;
    IF NOT endpoint_enabled THEN
      UPDATE webhook_deliveries SET status = 'cancelled', completed_at = p_now
       WHERE endpoint_id = ep.id AND status = 'pending'
         AND (in_flight_until IS NULL OR in_flight_until <= p_now);
      CONTINUE;
    END IF;
    SELECT p_slots - count(*) INTO free FROM webhook_deliveries
     WHERE endpoint_id = ep.id AND in_flight_until > p_now;
    CONTINUE WHEN free <= 0;
    RETURN QUERY
      UPDATE webhook_deliveries d SET in_flight_until = p_lease_until
       -- The ids first (an array), then the rows by key: a join here (or a status test the
       -- pending-only index answers) let a plan made while the table was small walk every pending
       -- delivery. The endpoint's lock keeps other claimers off these rows.
       WHERE d.id = ANY (ARRAY(
         SELECT c.id FROM webhook_deliveries c
          WHERE c.endpoint_id = ep.id AND c.status = 'pending' AND c.next_attempt_at <= p_now
            AND (c.in_flight_until IS NULL OR c.in_flight_until <= p_now)
          ORDER BY c.next_attempt_at
          LIMIT least(free, p_limit - taken)))
      RETURNING d.*;
    GET DIAGNOSTICS n = ROW_COUNT;
    taken := taken + n;
  END LOOP;
END;
$$;
--> statement-breakpoint
DROP FUNCTION IF EXISTS webhook_claim_slot(uuid, uuid, integer, timestamptz, timestamptz, integer);
