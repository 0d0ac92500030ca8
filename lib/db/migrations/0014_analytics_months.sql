CREATE TABLE "analytics_order_months" (
	"tenant_id" uuid NOT NULL,
	"month" date NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"orders" bigint DEFAULT 0 NOT NULL,
	"paid_orders" bigint DEFAULT 0 NOT NULL,
	"total_minor" bigint DEFAULT 0 NOT NULL,
	"taken_minor" bigint DEFAULT 0 NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_order_months_tenant_id_month_currency_status_source_pk" PRIMARY KEY("tenant_id","month","currency","status","source")
);
--> statement-breakpoint
CREATE TABLE "analytics_product_months" (
	"tenant_id" uuid NOT NULL,
	"month" date NOT NULL,
	"currency" text NOT NULL,
	"product_id" uuid NOT NULL,
	"units" bigint DEFAULT 0 NOT NULL,
	"revenue_minor" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_product_months_tenant_id_month_currency_product_id_pk" PRIMARY KEY("tenant_id","month","currency","product_id")
);
--> statement-breakpoint
ALTER TABLE "analytics_order_months" ADD CONSTRAINT "analytics_order_months_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_product_months" ADD CONSTRAINT "analytics_product_months_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The months follow the days (docs/decisions/0015-analytics-rollups.md): each statement on a
-- daily rollup adds its change to the month, new rows +1 and old rows -1, in key order, as the
-- triggers of migration 0013 do for the days. The join with tenants leaves out a store being
-- deleted: its days go in the cascade, and its months with them.
CREATE FUNCTION analytics_order_days_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS sign FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS sign FROM old_rows'
    ELSE 'SELECT *, 1 AS sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows' END;
BEGIN
  EXECUTE format($q$
    INSERT INTO analytics_order_months AS a
           (tenant_id, month, currency, status, source, orders, paid_orders, total_minor, taken_minor, refunded_minor)
    SELECT c.tenant_id, date_trunc('month', c.day)::date, c.currency, c.status, c.source,
           sum(c.sign * c.orders), sum(c.sign * c.paid_orders), sum(c.sign * c.total_minor),
           sum(c.sign * c.taken_minor), sum(c.sign * c.refunded_minor)
      FROM (%s) c JOIN tenants t ON t.id = c.tenant_id
     GROUP BY 1, 2, 3, 4, 5
    HAVING (sum(c.sign * c.orders), sum(c.sign * c.paid_orders), sum(c.sign * c.total_minor),
            sum(c.sign * c.taken_minor), sum(c.sign * c.refunded_minor)) <> (0, 0, 0, 0, 0)
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (tenant_id, month, currency, status, source) DO UPDATE SET
      orders = a.orders + excluded.orders, paid_orders = a.paid_orders + excluded.paid_orders,
      total_minor = a.total_minor + excluded.total_minor, taken_minor = a.taken_minor + excluded.taken_minor,
      refunded_minor = a.refunded_minor + excluded.refunded_minor$q$, changes);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION analytics_product_days_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS sign FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS sign FROM old_rows'
    ELSE 'SELECT *, 1 AS sign FROM new_rows UNION ALL SELECT *, -1 FROM old_rows' END;
BEGIN
  EXECUTE format($q$
    INSERT INTO analytics_product_months AS a (tenant_id, month, currency, product_id, units, revenue_minor)
    SELECT c.tenant_id, date_trunc('month', c.day)::date, c.currency, c.product_id,
           sum(c.sign * c.units), sum(c.sign * c.revenue_minor)
      FROM (%s) c JOIN tenants t ON t.id = c.tenant_id
     GROUP BY 1, 2, 3, 4
    HAVING (sum(c.sign * c.units), sum(c.sign * c.revenue_minor)) <> (0, 0)
     ORDER BY 1, 2, 3, 4
    ON CONFLICT (tenant_id, month, currency, product_id) DO UPDATE SET
      units = a.units + excluded.units, revenue_minor = a.revenue_minor + excluded.revenue_minor$q$,
    changes);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER analytics_order_days_insert AFTER INSERT ON analytics_order_days
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_order_days_track();
--> statement-breakpoint
CREATE TRIGGER analytics_order_days_update AFTER UPDATE ON analytics_order_days
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_order_days_track();
--> statement-breakpoint
CREATE TRIGGER analytics_order_days_delete AFTER DELETE ON analytics_order_days
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_order_days_track();
--> statement-breakpoint
CREATE TRIGGER analytics_product_days_insert AFTER INSERT ON analytics_product_days
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_product_days_track();
--> statement-breakpoint
CREATE TRIGGER analytics_product_days_update AFTER UPDATE ON analytics_product_days
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_product_days_track();
--> statement-breakpoint
CREATE TRIGGER analytics_product_days_delete AFTER DELETE ON analytics_product_days
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_product_days_track();
--> statement-breakpoint
CREATE VIEW analytics_order_months_truth AS
  SELECT tenant_id, date_trunc('month', day)::date AS month, currency, status, source,
         sum(orders)::bigint AS orders, sum(paid_orders)::bigint AS paid_orders,
         sum(total_minor)::bigint AS total_minor, sum(taken_minor)::bigint AS taken_minor,
         sum(refunded_minor)::bigint AS refunded_minor
    FROM analytics_order_days_truth
   GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
CREATE VIEW analytics_product_months_truth AS
  SELECT tenant_id, date_trunc('month', day)::date AS month, currency, product_id,
         sum(units)::bigint AS units, sum(revenue_minor)::bigint AS revenue_minor
    FROM analytics_product_days_truth
   GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- The days of the stores that already have some, summed into months once.
INSERT INTO analytics_order_months
       (tenant_id, month, currency, status, source, orders, paid_orders, total_minor, taken_minor, refunded_minor)
SELECT tenant_id, date_trunc('month', day)::date, currency, status, source, sum(orders),
       sum(paid_orders), sum(total_minor), sum(taken_minor), sum(refunded_minor)
  FROM analytics_order_days GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO analytics_product_months (tenant_id, month, currency, product_id, units, revenue_minor)
SELECT tenant_id, date_trunc('month', day)::date, currency, product_id, sum(units), sum(revenue_minor)
  FROM analytics_product_days GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- As in 0013, with the months: emptied after their days (whose delete subtracts from them), then
-- refilled by the days' insert.
CREATE OR REPLACE FUNCTION analytics_rebuild(store uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM analytics_order_days WHERE tenant_id = store;
  DELETE FROM analytics_order_months WHERE tenant_id = store;
  INSERT INTO analytics_order_days (tenant_id, day, currency, status, source, orders, paid_orders, total_minor, taken_minor, refunded_minor)
    SELECT tenant_id, day, currency, status, source, orders, paid_orders, total_minor, taken_minor, refunded_minor
      FROM analytics_order_days_truth WHERE tenant_id = store;
  DELETE FROM analytics_product_days WHERE tenant_id = store;
  DELETE FROM analytics_product_months WHERE tenant_id = store;
  INSERT INTO analytics_product_days (tenant_id, day, currency, product_id, units, revenue_minor)
    SELECT tenant_id, day, currency, product_id, units, revenue_minor
      FROM analytics_product_days_truth WHERE tenant_id = store;
  DELETE FROM analytics_payment_days WHERE tenant_id = store;
  INSERT INTO analytics_payment_days (tenant_id, day, currency, provider, payments, captured_minor, refunded_minor)
    SELECT tenant_id, day, currency, provider, payments, captured_minor, refunded_minor
      FROM analytics_payment_days_truth WHERE tenant_id = store;
  DELETE FROM analytics_customer_days WHERE tenant_id = store;
  DELETE FROM analytics_customer_months WHERE tenant_id = store;
  INSERT INTO analytics_customer_days (tenant_id, customer, day, previous_day, orders)
    SELECT tenant_id, customer, day, previous_day, orders
      FROM analytics_customer_days_truth WHERE tenant_id = store;
END $$;
