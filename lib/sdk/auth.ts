import type { z } from "zod";
import type { MeResponse, TokenResponse } from "@/lib/auth/contract";
import type { Camelize } from "./casing";
import type { HttpClient } from "./client";

export type Tokens = Camelize<z.infer<typeof TokenResponse>>;
export type Me = Camelize<z.infer<typeof MeResponse>>;

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
}
