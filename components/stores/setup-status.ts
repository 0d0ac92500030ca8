import { connection } from "next/server";
import { cache } from "react";
import { log } from "@/lib/log";
import { BrainSAITStore } from "@/lib/sdk";

export interface SetupStatus {
  /** No store yet and no demo: the first visitor with the setup code creates one. */
  needed: boolean;
  signup: "open" | "closed";
  /** Whether the server sends email (SMTP_URL): the forgot-password page and team invitations ask. */
  mail: "on" | "off";
}

/**
 * Whether the platform still needs its first store and whether sign-up is open: one cheap
 * public API call per request. If the API cannot say, nothing redirects and sign-up stays hidden.
 */
export const setupStatus = cache(async (): Promise<SetupStatus> => {
  // Asked at request time, never while the build prerenders.
  await connection();
  try {
    const status = await new BrainSAITStore({ tenantId: "", maxRetries: 0 }).setup.status();
    return {
      needed: status.needed === true,
      signup: status.signup === "open" ? "open" : "closed",
      mail: status.mail === "on" ? "on" : "off",
    };
  } catch (error) {
    log.warn("admin.setup_status_failed", { error });
    return { needed: false, signup: "closed", mail: "off" };
  }
});
