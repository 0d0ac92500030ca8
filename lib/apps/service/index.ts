// The apps module's verbs (docs/apps.md): developers and their apps, a store's installs, and
// the credentials apps call with.
export * from "./developers";
export * from "./installs";
export * from "./credentials";
export { deliverCallback } from "./callbacks";
export type { AppsSettings } from "./shared";
