ALTER TABLE "webhook_endpoints" ADD COLUMN "disabled_code" text;--> statement-breakpoint
UPDATE "webhook_endpoints" SET "disabled_code" = CASE
  WHEN "disabled_reason" LIKE '%410%' THEN 'receiver_gone'
  WHEN "disabled_reason" LIKE '%5 days%' THEN 'failing_for_5_days'
END
WHERE NOT "enabled" AND "disabled_reason" IS NOT NULL;
