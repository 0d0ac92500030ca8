CREATE TABLE "analytics_customer_days" (
	"tenant_id" uuid NOT NULL,
	"customer" text NOT NULL,
	"day" date NOT NULL,
	"previous_day" date,
	"orders" integer NOT NULL,
	CONSTRAINT "analytics_customer_days_tenant_id_customer_day_pk" PRIMARY KEY("tenant_id","customer","day")
);
--> statement-breakpoint
CREATE TABLE "analytics_customer_months" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"previous_month" date NOT NULL,
	"customers" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_customer_months_tenant_id_day_previous_month_pk" PRIMARY KEY("tenant_id","day","previous_month")
);
--> statement-breakpoint
CREATE TABLE "analytics_order_days" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"orders" bigint DEFAULT 0 NOT NULL,
	"paid_orders" bigint DEFAULT 0 NOT NULL,
	"total_minor" bigint DEFAULT 0 NOT NULL,
	"taken_minor" bigint DEFAULT 0 NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_order_days_tenant_id_day_currency_status_source_pk" PRIMARY KEY("tenant_id","day","currency","status","source")
);
--> statement-breakpoint
CREATE TABLE "analytics_payment_days" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"currency" text NOT NULL,
	"provider" text NOT NULL,
	"payments" bigint DEFAULT 0 NOT NULL,
	"captured_minor" bigint DEFAULT 0 NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_payment_days_tenant_id_day_currency_provider_pk" PRIMARY KEY("tenant_id","day","currency","provider")
);
--> statement-breakpoint
CREATE TABLE "analytics_product_days" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"currency" text NOT NULL,
	"product_id" uuid NOT NULL,
	"units" bigint DEFAULT 0 NOT NULL,
	"revenue_minor" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_product_days_tenant_id_day_currency_product_id_pk" PRIMARY KEY("tenant_id","day","currency","product_id")
);
--> statement-breakpoint
ALTER TABLE "analytics_customer_days" ADD CONSTRAINT "analytics_customer_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_customer_months" ADD CONSTRAINT "analytics_customer_months_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_order_days" ADD CONSTRAINT "analytics_order_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_payment_days" ADD CONSTRAINT "analytics_payment_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_product_days" ADD CONSTRAINT "analytics_product_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_customer_days_previous_idx" ON "analytics_customer_days" USING btree ("tenant_id","previous_day","day");--> statement-breakpoint
-- Analytics rollups (docs/analytics.md). What an order has brought in: the money its payments
-- took, or, for an order marked paid by hand or synced as paid from another system, its total.
CREATE FUNCTION analytics_taken(status text, total bigint, paid bigint) RETURNS bigint
  LANGUAGE sql IMMUTABLE AS $$
  SELECT greatest(paid, CASE WHEN status IN ('paid', 'fulfilled', 'completed', 'partially_refunded', 'refunded')
                             THEN total ELSE 0 END)
$$;
--> statement-breakpoint
-- What it gave back: its refunds, or all of it when it was marked refunded by hand.
CREATE FUNCTION analytics_refunded(status text, total bigint, paid bigint, refunded bigint) RETURNS bigint
  LANGUAGE sql IMMUTABLE AS $$
  SELECT greatest(refunded, CASE WHEN status = 'refunded' THEN analytics_taken(status, total, paid) ELSE 0 END)
$$;
--> statement-breakpoint
-- The truth: each rollup computed from the raw rows. analytics_rebuild() copies these; the tests
-- compare the rollups the triggers keep with them.
CREATE VIEW analytics_order_days_truth AS
  SELECT o.tenant_id, (o.created_at AT TIME ZONE t.time_zone)::date AS day, o.currency, o.status, o.source,
         count(*)::bigint AS orders,
         count(*) FILTER (WHERE analytics_taken(o.status, o.total_minor, o.paid_minor) > 0)::bigint AS paid_orders,
         sum(o.total_minor)::bigint AS total_minor,
         sum(analytics_taken(o.status, o.total_minor, o.paid_minor))::bigint AS taken_minor,
         sum(analytics_refunded(o.status, o.total_minor, o.paid_minor, o.refunded_minor))::bigint AS refunded_minor
    FROM orders o JOIN tenants t ON t.id = o.tenant_id
   GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE VIEW analytics_product_days_truth AS
  SELECT i.tenant_id, (o.created_at AT TIME ZONE t.time_zone)::date AS day, o.currency, i.product_id,
         sum(i.quantity)::bigint AS units, sum(i.total_minor)::bigint AS revenue_minor
    FROM order_items i JOIN orders o ON o.id = i.order_id JOIN tenants t ON t.id = i.tenant_id
   WHERE i.product_id IS NOT NULL AND o.status <> 'cancelled'
   GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE VIEW analytics_payment_days_truth AS
  SELECT p.tenant_id, (p.created_at AT TIME ZONE t.time_zone)::date AS day, p.currency, p.provider,
         count(*) FILTER (WHERE p.captured_minor > 0)::bigint AS payments,
         sum(p.captured_minor)::bigint AS captured_minor, sum(p.refunded_minor)::bigint AS refunded_minor
    FROM payments p JOIN tenants t ON t.id = p.tenant_id
   GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE VIEW analytics_customer_days_truth AS
  SELECT tenant_id, customer, day,
         lag(day) OVER (PARTITION BY tenant_id, customer ORDER BY day) AS previous_day, orders
    FROM (SELECT o.tenant_id, o.customer_email AS customer,
                 (o.created_at AT TIME ZONE t.time_zone)::date AS day, count(*)::int AS orders
            FROM orders o JOIN tenants t ON t.id = o.tenant_id
           WHERE o.customer_email IS NOT NULL AND o.status <> 'cancelled'
           GROUP BY 1, 2, 3) per_day;
--> statement-breakpoint
CREATE VIEW analytics_customer_months_truth AS
  SELECT tenant_id, day, coalesce(date_trunc('month', previous_day)::date, '-infinity'::date) AS previous_month,
         count(*)::bigint AS customers
    FROM analytics_customer_days_truth
   GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE FUNCTION analytics_rebuild(store uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM analytics_order_days WHERE tenant_id = store;
  INSERT INTO analytics_order_days (tenant_id, day, currency, status, source, orders, paid_orders, total_minor, taken_minor, refunded_minor)
    SELECT tenant_id, day, currency, status, source, orders, paid_orders, total_minor, taken_minor, refunded_minor
      FROM analytics_order_days_truth WHERE tenant_id = store;
  DELETE FROM analytics_product_days WHERE tenant_id = store;
  INSERT INTO analytics_product_days (tenant_id, day, currency, product_id, units, revenue_minor)
    SELECT tenant_id, day, currency, product_id, units, revenue_minor
      FROM analytics_product_days_truth WHERE tenant_id = store;
  DELETE FROM analytics_payment_days WHERE tenant_id = store;
  INSERT INTO analytics_payment_days (tenant_id, day, currency, provider, payments, captured_minor, refunded_minor)
    SELECT tenant_id, day, currency, provider, payments, captured_minor, refunded_minor
      FROM analytics_payment_days_truth WHERE tenant_id = store;
  -- The months follow the customer days by trigger: emptied, then refilled by the insert.
  DELETE FROM analytics_customer_days WHERE tenant_id = store;
  DELETE FROM analytics_customer_months WHERE tenant_id = store;
  INSERT INTO analytics_customer_days (tenant_id, customer, day, previous_day, orders)
    SELECT tenant_id, customer, day, previous_day, orders
      FROM analytics_customer_days_truth WHERE tenant_id = store;
END $$;
--> statement-breakpoint
-- The triggers apply each statement's changes as deltas (new rows count +1, old rows -1), as
-- counts_track does (migration 0006), in key order so concurrent statements lock rollup rows in
-- one order. `%s` is the statement's changed rows with a `sign` column.
CREATE FUNCTION analytics_orders_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS sign FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS sign FROM old_rows'
    ELSE 'SELECT *, 1 AS sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows' END;
  -- The customers whose days may have changed: a new or removed order, or a changed email or
  -- cancellation. Their rows are recomputed from their orders.
  affected text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT DISTINCT tenant_id, customer_email AS customer FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT DISTINCT tenant_id, customer_email AS customer FROM old_rows'
    ELSE 'SELECT n.tenant_id, unnest(ARRAY[n.customer_email, o.customer_email]) AS customer
            FROM new_rows n JOIN old_rows o ON o.id = n.id
           WHERE n.customer_email IS DISTINCT FROM o.customer_email
              OR (n.status = ''cancelled'') <> (o.status = ''cancelled'')' END;
BEGIN
  EXECUTE format($q$
    INSERT INTO analytics_order_days AS a
           (tenant_id, day, currency, status, source, orders, paid_orders, total_minor, taken_minor, refunded_minor)
    SELECT c.tenant_id, (c.created_at AT TIME ZONE t.time_zone)::date, c.currency, c.status, c.source,
           sum(c.sign), sum(c.sign * (analytics_taken(c.status, c.total_minor, c.paid_minor) > 0)::int),
           sum(c.sign * c.total_minor),
           sum(c.sign * analytics_taken(c.status, c.total_minor, c.paid_minor)),
           sum(c.sign * analytics_refunded(c.status, c.total_minor, c.paid_minor, c.refunded_minor))
      FROM (%s) c JOIN tenants t ON t.id = c.tenant_id
     GROUP BY 1, 2, 3, 4, 5
    HAVING (sum(c.sign), sum(c.sign * c.total_minor),
            sum(c.sign * analytics_taken(c.status, c.total_minor, c.paid_minor)),
            sum(c.sign * analytics_refunded(c.status, c.total_minor, c.paid_minor, c.refunded_minor)))
           <> (0, 0, 0, 0)
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (tenant_id, day, currency, status, source) DO UPDATE SET
      orders = a.orders + excluded.orders, paid_orders = a.paid_orders + excluded.paid_orders,
      total_minor = a.total_minor + excluded.total_minor, taken_minor = a.taken_minor + excluded.taken_minor,
      refunded_minor = a.refunded_minor + excluded.refunded_minor$q$, changes);

  IF TG_OP = 'UPDATE' THEN
    -- A cancelled order's lines leave the products' figures; one brought back returns them.
    INSERT INTO analytics_product_days AS a (tenant_id, day, currency, product_id, units, revenue_minor)
    SELECT i.tenant_id, (n.created_at AT TIME ZONE t.time_zone)::date, n.currency, i.product_id,
           sum(n.sign * i.quantity), sum(n.sign * i.total_minor)
      FROM (SELECT n.id, n.tenant_id, n.created_at, n.currency,
                   CASE WHEN n.status = 'cancelled' THEN -1 ELSE 1 END AS sign
              FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE (n.status = 'cancelled') <> (o.status = 'cancelled')) n
      JOIN order_items i ON i.order_id = n.id AND i.product_id IS NOT NULL
      JOIN tenants t ON t.id = n.tenant_id
     GROUP BY 1, 2, 3, 4
     ORDER BY 1, 2, 3, 4
    ON CONFLICT (tenant_id, day, currency, product_id) DO UPDATE SET
      units = a.units + excluded.units, revenue_minor = a.revenue_minor + excluded.revenue_minor;
  END IF;

  IF TG_OP = 'INSERT' THEN
    -- New orders add to their customers' days; then the previous days of those customers are
    -- set again from their days, so the cost is a customer's days, never all their orders (a
    -- walk-in email at a till can have a hundred thousand).
    INSERT INTO analytics_customer_days AS a (tenant_id, customer, day, previous_day, orders)
    SELECT n.tenant_id, n.customer_email, (n.created_at AT TIME ZONE t.time_zone)::date, NULL, count(*)
      FROM new_rows n JOIN tenants t ON t.id = n.tenant_id
     WHERE n.customer_email IS NOT NULL AND n.status <> 'cancelled'
     GROUP BY 1, 2, 3
     ORDER BY 1, 2, 3
    ON CONFLICT (tenant_id, customer, day) DO UPDATE SET orders = a.orders + excluded.orders;
    UPDATE analytics_customer_days d SET previous_day = x.previous_day
      FROM (SELECT c.tenant_id, c.customer, c.day,
                   lag(c.day) OVER (PARTITION BY c.tenant_id, c.customer ORDER BY c.day) AS previous_day
              FROM analytics_customer_days c
             WHERE (c.tenant_id, c.customer) IN
                   (SELECT tenant_id, customer_email FROM new_rows
                     WHERE customer_email IS NOT NULL AND status <> 'cancelled')) x
     WHERE d.tenant_id = x.tenant_id AND d.customer = x.customer AND d.day = x.day
       AND d.previous_day IS DISTINCT FROM x.previous_day;
    RETURN NULL;
  END IF;

  EXECUTE format($q$
    DELETE FROM analytics_customer_days d USING (%s) a
     WHERE d.tenant_id = a.tenant_id AND d.customer = a.customer$q$, affected);
  EXECUTE format($q$
    INSERT INTO analytics_customer_days (tenant_id, customer, day, previous_day, orders)
    SELECT tenant_id, customer, day, lag(day) OVER (PARTITION BY tenant_id, customer ORDER BY day), orders
      FROM (SELECT o.tenant_id, o.customer_email AS customer,
                   (o.created_at AT TIME ZONE t.time_zone)::date AS day, count(*)::int AS orders
              FROM (SELECT DISTINCT * FROM (%s) x WHERE customer IS NOT NULL) a
              JOIN orders o ON o.tenant_id = a.tenant_id AND o.customer_email = a.customer
              JOIN tenants t ON t.id = o.tenant_id
             WHERE o.status <> 'cancelled'
             GROUP BY 1, 2, 3) per_day
     ORDER BY 1, 2, 3$q$, affected);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION analytics_order_items_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS sign FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS sign FROM old_rows'
    ELSE 'SELECT *, 1 AS sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows' END;
BEGIN
  EXECUTE format($q$
    INSERT INTO analytics_product_days AS a (tenant_id, day, currency, product_id, units, revenue_minor)
    SELECT c.tenant_id, (o.created_at AT TIME ZONE t.time_zone)::date, o.currency, c.product_id,
           sum(c.sign * c.quantity), sum(c.sign * c.total_minor)
      FROM (%s) c
      JOIN orders o ON o.id = c.order_id AND o.status <> 'cancelled'
      JOIN tenants t ON t.id = c.tenant_id
     WHERE c.product_id IS NOT NULL
     GROUP BY 1, 2, 3, 4
    HAVING (sum(c.sign * c.quantity), sum(c.sign * c.total_minor)) <> (0, 0)
     ORDER BY 1, 2, 3, 4
    ON CONFLICT (tenant_id, day, currency, product_id) DO UPDATE SET
      units = a.units + excluded.units, revenue_minor = a.revenue_minor + excluded.revenue_minor$q$,
    changes);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION analytics_payments_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS sign FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS sign FROM old_rows'
    ELSE 'SELECT *, 1 AS sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows' END;
BEGIN
  EXECUTE format($q$
    INSERT INTO analytics_payment_days AS a (tenant_id, day, currency, provider, payments, captured_minor, refunded_minor)
    SELECT c.tenant_id, (c.created_at AT TIME ZONE t.time_zone)::date, c.currency, c.provider,
           sum(c.sign * (c.captured_minor > 0)::int), sum(c.sign * c.captured_minor),
           sum(c.sign * c.refunded_minor)
      FROM (%s) c JOIN tenants t ON t.id = c.tenant_id
     GROUP BY 1, 2, 3, 4
    HAVING (sum(c.sign * (c.captured_minor > 0)::int), sum(c.sign * c.captured_minor),
            sum(c.sign * c.refunded_minor)) <> (0, 0, 0)
     ORDER BY 1, 2, 3, 4
    ON CONFLICT (tenant_id, day, currency, provider) DO UPDATE SET
      payments = a.payments + excluded.payments, captured_minor = a.captured_minor + excluded.captured_minor,
      refunded_minor = a.refunded_minor + excluded.refunded_minor$q$, changes);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION analytics_customer_days_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS sign FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS sign FROM old_rows'
    ELSE 'SELECT *, 1 AS sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows' END;
BEGIN
  EXECUTE format($q$
    INSERT INTO analytics_customer_months AS a (tenant_id, day, previous_month, customers)
    SELECT c.tenant_id, c.day, coalesce(date_trunc('month', c.previous_day)::date, '-infinity'::date),
           sum(c.sign)
      FROM (%s) c JOIN tenants t ON t.id = c.tenant_id
     GROUP BY 1, 2, 3
    HAVING sum(c.sign) <> 0
     ORDER BY 1, 2, 3
    ON CONFLICT (tenant_id, day, previous_month) DO UPDATE SET customers = a.customers + excluded.customers$q$,
    changes);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Days are the store's calendar days: a new time zone moves them, so its rollups are rebuilt.
CREATE FUNCTION analytics_time_zone_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_rebuild(NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER orders_analytics_insert AFTER INSERT ON orders REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_orders_track();
--> statement-breakpoint
CREATE TRIGGER orders_analytics_update AFTER UPDATE ON orders
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_orders_track();
--> statement-breakpoint
CREATE TRIGGER orders_analytics_delete AFTER DELETE ON orders REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_orders_track();
--> statement-breakpoint
CREATE TRIGGER order_items_analytics_insert AFTER INSERT ON order_items REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_order_items_track();
--> statement-breakpoint
CREATE TRIGGER order_items_analytics_update AFTER UPDATE ON order_items
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_order_items_track();
--> statement-breakpoint
CREATE TRIGGER order_items_analytics_delete AFTER DELETE ON order_items REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_order_items_track();
--> statement-breakpoint
CREATE TRIGGER payments_analytics_insert AFTER INSERT ON payments REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_payments_track();
--> statement-breakpoint
CREATE TRIGGER payments_analytics_update AFTER UPDATE ON payments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_payments_track();
--> statement-breakpoint
CREATE TRIGGER payments_analytics_delete AFTER DELETE ON payments REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_payments_track();
--> statement-breakpoint
CREATE TRIGGER analytics_customer_days_insert AFTER INSERT ON analytics_customer_days
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_customer_days_track();
--> statement-breakpoint
CREATE TRIGGER analytics_customer_days_update AFTER UPDATE ON analytics_customer_days
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_customer_days_track();
--> statement-breakpoint
CREATE TRIGGER analytics_customer_days_delete AFTER DELETE ON analytics_customer_days
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_customer_days_track();
--> statement-breakpoint
CREATE TRIGGER tenants_analytics_time_zone AFTER UPDATE OF time_zone ON tenants
  FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone)
  EXECUTE FUNCTION analytics_time_zone_changed();
--> statement-breakpoint
SELECT analytics_rebuild(id) FROM tenants;
