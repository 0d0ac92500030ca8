CREATE TABLE "category_names" (
	"tenant_id" uuid NOT NULL,
	"category" text NOT NULL,
	"name_en" text NOT NULL,
	"name_ar" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "category_names_tenant_id_category_pk" PRIMARY KEY("tenant_id","category")
);
--> statement-breakpoint
ALTER TABLE "category_names" ADD CONSTRAINT "category_names_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;