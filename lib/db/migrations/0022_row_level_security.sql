-- Row-level security on every store's rows (docs/decisions/0021-row-level-security.md).
-- Tenant work runs as brainsait_app with app.tenant_id set to its store (lib/db/tenant-scope.ts):
-- the policies below show it that store's rows only, whatever its query forgot. The role that runs
-- the migrations owns the tables and keeps seeing everything (FORCE makes it go through a policy of
-- its own, not around them): the credential checks, workers and sign-up run as it.

-- The role is the cluster's: another database may have created it first, even at this moment.
DO $$
BEGIN
  CREATE ROLE brainsait_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('GRANT brainsait_app TO %I', current_user);
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO brainsait_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO brainsait_app;
--> statement-breakpoint
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO brainsait_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO brainsait_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO brainsait_app;
--> statement-breakpoint
-- /health/ready compares the applied migrations with the release's, in a store's request too.
GRANT USAGE ON SCHEMA drizzle TO brainsait_app;
--> statement-breakpoint
GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO brainsait_app;
--> statement-breakpoint
-- Every table with a tenant_id, and the tenants table itself (a store sees its own row).
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
      JOIN information_schema.tables tb USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND tb.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I TO brainsait_app '
      'USING (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)', t);
    EXECUTE format('CREATE POLICY owner_access ON %I TO %I USING (true)', t, current_user);
  END LOOP;
  ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
  ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
  CREATE POLICY tenant_isolation ON tenants TO brainsait_app
    USING (id = nullif(current_setting('app.tenant_id', true), '')::uuid);
  EXECUTE format('CREATE POLICY owner_access ON tenants TO %I USING (true)', current_user);
END $$;
--> statement-breakpoint
-- Searches with LIKE, for a store's requests. pg_trgm's and LIKE's operators are not leakproof, so
-- under a policy PostgreSQL may not test them in an index before the policy's own test: a search
-- read every row of its store (10 searches/s instead of 100 on 100k products). This function runs
-- as the tables' owner, through the indexes, and still answers a store's scope for that store only.
CREATE OR REPLACE FUNCTION store_rows_like(p_table text, p_column text, p_tenant uuid, p_pattern text)
RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER
-- SSD pricing: a broad term (10% of a store) goes through the trigram index, not a full scan.
SET search_path = public, pg_temp SET random_page_cost = 1.1 AS $$
BEGIN
  IF (p_table, p_column) NOT IN (('products', 'search_text'), ('orders', 'customer_email'),
      ('orders', 'customer_name_search'), ('audit_log', 'action')) THEN
    RAISE EXCEPTION 'store_rows_like: %.% is not searchable', p_table, p_column;
  END IF;
  IF coalesce(nullif(current_setting('app.tenant_id', true), ''), p_tenant::text) <> p_tenant::text THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE format('SELECT id FROM %I WHERE tenant_id = $1 AND %I LIKE $2', p_table, p_column)
    USING p_tenant, p_pattern;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION store_rows_like(text, text, uuid, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION store_rows_like(text, text, uuid, text) TO brainsait_app;
