DROP INDEX "orders_tenant_email_idx";--> statement-breakpoint
CREATE INDEX "orders_tenant_email_idx" ON "orders" USING btree ("tenant_id","customer_email" text_pattern_ops);