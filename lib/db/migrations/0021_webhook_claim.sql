-- Claims one of an endpoint's delivery slots in one round trip (lib/webhooks/slots.ts).
-- A function, not one statement: after the endpoint's row lock each statement below takes a
-- snapshot of its own (READ COMMITTED, VOLATILE), so the count sees every claim committed by
-- whoever held the lock before; a single statement would count with the snapshot it started with.
CREATE OR REPLACE FUNCTION webhook_claim_slot(
  p_delivery uuid,
  p_endpoint uuid,
  p_attempt integer,
  p_now timestamptz,
  p_lease_until timestamptz,
  p_slots integer
) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  d record;
  endpoint_enabled boolean;
  held integer;
BEGIN
  SELECT enabled INTO endpoint_enabled FROM webhook_endpoints WHERE id = p_endpoint FOR UPDATE;
  SELECT status, attempts, in_flight_until INTO d FROM webhook_deliveries WHERE id = p_delivery;
  IF NOT FOUND OR endpoint_enabled IS NULL OR d.status <> 'pending' OR d.attempts >= p_attempt THEN
    RETURN 'done';
  END IF;
  IF NOT endpoint_enabled THEN
    UPDATE webhook_deliveries SET status = 'cancelled', completed_at = p_now WHERE id = p_delivery;
    RETURN 'cancelled';
  END IF;
  -- Already on the wire: pg-boss running an expired job again while its first run still sends.
  IF d.in_flight_until > p_now THEN
    RETURN 'busy';
  END IF;
  SELECT count(*) INTO held FROM webhook_deliveries
    WHERE endpoint_id = p_endpoint AND in_flight_until > p_now;
  IF held >= p_slots THEN
    RETURN 'busy';
  END IF;
  UPDATE webhook_deliveries SET in_flight_until = p_lease_until WHERE id = p_delivery;
  RETURN 'claimed';
END;
$$;
