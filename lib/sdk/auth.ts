import type { z } from "zod";
import type {
  DisplayPreferencesSchema,
  DisplayPreferencesUpdate,
  MeResponse,
  TokenResponse,
} from "@/lib/auth/contract";
import type { Camelize } from "./casing";
import type { HttpClient } from "./client";

export type Tokens = Camelize<z.infer<typeof TokenResponse>>;
export type Me = Camelize<z.infer<typeof MeResponse>>;
export type DisplayPreferences = z.infer<typeof DisplayPreferencesSchema>;

export class AuthResource {
  constructor(private readonly http: HttpClient) {}

  login(input: { email: string; password: string }): Promise<Tokens> {
    return this.http.request("POST", "/api/v1/auth/login", { body: input });
  }

  refresh(input: { refreshToken: string }): Promise<Tokens> {
    return this.http.request("POST", "/api/v1/auth/refresh", { body: input });
  }

  async logout(input: { refreshToken?: string } = {}): Promise<void> {
    await this.http.request("POST", "/api/v1/auth/logout", { body: input });
  }

  me(): Promise<Me> {
    return this.http.request("GET", "/api/v1/auth/me");
  }

  /** Change how the admin shows the signed-in user numbers and dates; returns all of them. */
  updatePreferences(change: z.infer<typeof DisplayPreferencesUpdate>): Promise<DisplayPreferences> {
    return this.http.request("PATCH", "/api/v1/auth/me/preferences", { body: change });
  }
}
