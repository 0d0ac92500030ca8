import type { z } from "zod";
import type {
  DisplayPreferencesSchema,
  DisplayPreferencesUpdate,
  LoginRequest,
  MeResponse,
  PasswordResetConfirm,
  PasswordResetRequest,
  TokenResponse,
} from "@/lib/auth/contract";
import type { Camelize } from "./casing";
import type { HttpClient } from "./client";

export type Tokens = Camelize<z.infer<typeof TokenResponse>>;
export type Me = Camelize<z.infer<typeof MeResponse>>;
export type DisplayPreferences = z.infer<typeof DisplayPreferencesSchema>;

export class AuthResource {
  constructor(private readonly http: HttpClient) {}

  login(input: z.infer<typeof LoginRequest>): Promise<Tokens> {
    return this.http.request("POST", "/api/v1/auth/login", { body: input });
  }

  refresh(input: { refreshToken: string }): Promise<Tokens> {
    return this.http.request("POST", "/api/v1/auth/refresh", { body: input });
  }

  async logout(input: { refreshToken?: string } = {}): Promise<void> {
    await this.http.request("POST", "/api/v1/auth/logout", { body: input });
  }

  /**
   * Forgot password: emails a one-time link if the email has an account in the store. The answer
   * is the same either way; 409 MAIL_DISABLED when the server sends no mail.
   */
  async requestPasswordReset(input: z.infer<typeof PasswordResetRequest>): Promise<void> {
    await this.http.request("POST", "/api/v1/auth/password-reset", { body: input });
  }

  /** Sets a new password with the link's token; the person's sessions all end. */
  async confirmPasswordReset(input: z.infer<typeof PasswordResetConfirm>): Promise<void> {
    await this.http.request("POST", "/api/v1/auth/password-reset/confirm", { body: input });
  }

  me(): Promise<Me> {
    return this.http.request("GET", "/api/v1/auth/me");
  }

  /** Change how the admin shows the signed-in user numbers and dates; returns all of them. */
  updatePreferences(change: z.infer<typeof DisplayPreferencesUpdate>): Promise<DisplayPreferences> {
    return this.http.request("PATCH", "/api/v1/auth/me/preferences", { body: change });
  }
}
