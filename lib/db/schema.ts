// Every module's tables, for Drizzle's relational queries and for drizzle-kit.
export * from "@/lib/tenants/schema";
export * from "@/lib/users/schema";
export * from "@/lib/auth/schema";
export * from "@/lib/audit/schema";
export * from "@/lib/api/platform/schema";
export * from "@/lib/events/schema";
export * from "@/lib/products/schema";
export * from "@/lib/api-keys/schema";
export * from "@/lib/orders/schema";
export * from "@/lib/webhooks/schema";
export * from "@/lib/payments/schema";
export * from "@/lib/apps/schema";
