import type { App } from "@/lib/sdk";
import type { When } from "@/components/apps/app-view";

/** One app of a developer account as the developer area shows it. */
export interface DeveloperAppView {
  ref: string;
  /** In the page's language, for lists and headings. */
  title: string;
  name: App["name"];
  description: string;
  installCallbackUrl: string;
  scopes: string[];
  kind: App["kind"];
  installs: number;
}

/** A developer account of the signed-in person, dates already formatted by the server. */
export interface DeveloperView {
  ref: string;
  name: string;
  email: string;
  /** The unsigned developer token: readable at any time, useless without the secret. */
  token: string;
  registered: When;
  rotated: When | null;
  apps: DeveloperAppView[];
}
