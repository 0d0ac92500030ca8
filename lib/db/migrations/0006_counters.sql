CREATE TABLE "order_counts" (
	"tenant_id" uuid NOT NULL,
	"status" text NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "order_counts_tenant_id_status_pk" PRIMARY KEY("tenant_id","status")
);
--> statement-breakpoint
ALTER TABLE "order_counts" ADD CONSTRAINT "order_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- Counters move once per statement, not once per row: a row-level trigger rewrote the same
-- counter row for every row of a bulk insert (an all-or-nothing CSV import), and each rewrite in
-- one transaction walks the row's whole version chain, so a large import grew quadratically.
-- TG_ARGV[0] names the counter table. Changes are applied in (tenant, status) order, so
-- concurrent statements take counter locks in one order. A delete only decrements: when a
-- tenant's deletion cascades, its counter rows may already be gone and must not come back.
CREATE FUNCTION counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    EXECUTE format(
      'UPDATE %I AS c SET count = c.count - d.n
         FROM (SELECT tenant_id, status, count(*) AS n FROM old_rows GROUP BY 1, 2) d
        WHERE c.tenant_id = d.tenant_id AND c.status = d.status',
      TG_ARGV[0]);
  ELSE
    EXECUTE format(
      'INSERT INTO %I AS c (tenant_id, status, count)
         SELECT tenant_id, status, sum(delta) FROM (%s) changes
          GROUP BY 1, 2 HAVING sum(delta) <> 0 ORDER BY 1, 2
       ON CONFLICT (tenant_id, status) DO UPDATE SET count = c.count + excluded.count',
      TG_ARGV[0],
      CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT tenant_id, status, 1 AS delta FROM new_rows'
        ELSE 'SELECT tenant_id, status, 1 AS delta FROM new_rows
              UNION ALL SELECT tenant_id, status, -1 FROM old_rows'
      END);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER "products_count_insert_delete" ON "products";
--> statement-breakpoint
DROP TRIGGER "products_count_status" ON "products";
--> statement-breakpoint
DROP FUNCTION "product_counts_track"();
--> statement-breakpoint
CREATE TRIGGER products_count_insert AFTER INSERT ON products
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION counts_track('product_counts');
--> statement-breakpoint
CREATE TRIGGER products_count_update AFTER UPDATE ON products
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION counts_track('product_counts');
--> statement-breakpoint
CREATE TRIGGER products_count_delete AFTER DELETE ON products
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION counts_track('product_counts');
--> statement-breakpoint
CREATE TRIGGER orders_count_insert AFTER INSERT ON orders
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION counts_track('order_counts');
--> statement-breakpoint
CREATE TRIGGER orders_count_update AFTER UPDATE ON orders
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION counts_track('order_counts');
--> statement-breakpoint
CREATE TRIGGER orders_count_delete AFTER DELETE ON orders
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION counts_track('order_counts');
--> statement-breakpoint
INSERT INTO order_counts (tenant_id, status, count)
  SELECT tenant_id, status, count(*) FROM orders GROUP BY tenant_id, status;
