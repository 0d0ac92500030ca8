// Kept apart from schema.ts so contracts (imported by the admin's client code) stay free of Drizzle.
export const ROLES = ["owner", "admin", "staff", "viewer"] as const;
export type Role = (typeof ROLES)[number];
