DROP INDEX "products_tenant_name_idx";--> statement-breakpoint
CREATE INDEX "products_tenant_name_ar_idx" ON "products" USING btree ("tenant_id",coalesce(nullif("name_ar", ''), "name_en"),"id");--> statement-breakpoint
CREATE INDEX "products_tenant_name_idx" ON "products" USING btree ("tenant_id",coalesce(nullif("name_en", ''), "name_ar"),"id");