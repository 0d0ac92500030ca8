import type { z } from "zod";
import type { StoreCreatedResponse } from "@/lib/auth/contract";
import type {
  SetupRequest,
  SetupStatus,
  SignupRequest,
  SlugAvailability,
} from "@/lib/tenants/contract";
import type { Camelize } from "./casing";
import type { HttpClient } from "./client";

export type SetupState = Camelize<z.infer<typeof SetupStatus>>;
export type SetupInput = Camelize<z.input<typeof SetupRequest>>;
export type SignupInput = Camelize<z.input<typeof SignupRequest>>;
/** A sign-in's tokens plus the new store. */
export type StoreCreated = Camelize<z.infer<typeof StoreCreatedResponse>>;
export type SlugCheck = Camelize<z.infer<typeof SlugAvailability>>;

/** First-run setup: public, no store yet (the client's tenantId is not used). */
export class SetupResource {
  constructor(private readonly http: HttpClient) {}
  status(): Promise<SetupState> {
    return this.http.request("GET", "/api/v1/setup");
  }
  /** 403 SETUP_CODE_INVALID, 409 SETUP_DONE / SLUG_TAKEN, 422 SLUG_INVALID / SLUG_RESERVED. */
  complete(input: SetupInput): Promise<StoreCreated> {
    return this.http.request("POST", "/api/v1/setup", { body: input });
  }
}

export class StoresResource {
  constructor(private readonly http: HttpClient) {}
  slugAvailability(slug: string): Promise<SlugCheck> {
    return this.http.request("GET", "/api/v1/stores/slug-availability", { query: { slug } });
  }
}

/** Public sign-up (404 SIGNUP_CLOSED unless the operator set SIGNUP=open). */
export function signup(http: HttpClient, input: SignupInput): Promise<StoreCreated> {
  return http.request("POST", "/api/v1/signup", { body: input });
}
