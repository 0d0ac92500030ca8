ALTER TABLE "orders" ADD COLUMN "customer_name_search" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "customer_phone" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shipping_address" jsonb;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "payment_method" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "carrier" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "tracking_number" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "discount_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shipping_minor" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "orders_tenant_phone_idx" ON "orders" USING btree ("tenant_id","customer_phone");--> statement-breakpoint
CREATE INDEX "orders_name_search_trgm_idx" ON "orders" USING gin ("customer_name_search" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_payment_method" CHECK ("orders"."payment_method" is null or "orders"."payment_method" in ('cash_on_delivery', 'bank_transfer', 'card_on_delivery'));--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_adjustments" CHECK ("orders"."discount_minor" >= 0 and "orders"."shipping_minor" >= 0);--> statement-breakpoint
-- Hand-written backfill: existing orders' names folded for search as lib/text/search.ts folds
-- them (lower case; tashkeel and tatweel dropped; alef, taa marbuta, alef maqsura and digit
-- forms unified; spaces collapsed). Orders written from now on are folded by the service.
UPDATE "orders"
   SET "customer_name_search" = btrim(regexp_replace(
         translate(
           regexp_replace(lower("customer_name"), '[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]', '', 'g'),
           'آأإٱةى٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹',
           'ااااهي01234567890123456789'),
         '\s+', ' ', 'g'))
 WHERE "customer_name" IS NOT NULL;
