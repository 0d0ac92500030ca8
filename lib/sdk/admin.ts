import type { z } from "zod";
import type {
  ApiKeyCreate,
  ApiKeyList,
  ApiKeySchema,
  ApiKeyWithSecret,
} from "@/lib/api-keys/contract";
import type { AuditList, AuditQuery } from "@/lib/audit/contract";
import type { StoreSettingsUpdate, TenantSchema } from "@/lib/tenants/contract";
import type {
  InvitationCreate,
  InvitationCreated,
  InvitationList,
  InvitationPreview,
  MemberList,
  MemberSchema,
  MemberUpdate,
} from "@/lib/users/contract";
import type { Tokens } from "./auth";
import { camelize, type Camelize } from "./casing";
import type { HttpClient } from "./client";

export type ApiKey = Camelize<z.infer<typeof ApiKeySchema>>;
export type ApiKeyWithSecret = Camelize<z.infer<typeof ApiKeyWithSecret>>;
export type TeamMember = Camelize<z.infer<typeof MemberSchema>>;
export type Invitation = Camelize<z.infer<typeof InvitationCreated>>["invitation"];
export type StoreSettings = Camelize<z.infer<typeof TenantSchema>>;
export type AuditEntry = Camelize<z.infer<typeof AuditList>>["data"][number];

const id = (value: string) => encodeURIComponent(value);

export class ApiKeysResource {
  constructor(private readonly http: HttpClient) {}
  list(): Promise<Camelize<z.infer<typeof ApiKeyList>>> {
    return this.http.request("GET", "/api/v1/api-keys");
  }
  /** The reply's `key` is the whole key, shown this once. */
  create(input: Camelize<z.input<typeof ApiKeyCreate>>): Promise<ApiKeyWithSecret> {
    return this.http.request("POST", "/api/v1/api-keys", { body: input });
  }
  roll(keyId: string, input: { graceHours: number }): Promise<ApiKeyWithSecret> {
    return this.http.request("POST", `/api/v1/api-keys/${id(keyId)}/roll`, { body: input });
  }
  async revoke(keyId: string): Promise<void> {
    await this.http.request("DELETE", `/api/v1/api-keys/${id(keyId)}`);
  }
}

export class TeamResource {
  constructor(private readonly http: HttpClient) {}
  list(): Promise<Camelize<z.infer<typeof MemberList>>> {
    return this.http.request("GET", "/api/v1/users");
  }
  update(userId: string, input: Camelize<z.input<typeof MemberUpdate>>): Promise<TeamMember> {
    return this.http.request("PATCH", `/api/v1/users/${id(userId)}`, { body: input });
  }
  invite(
    input: Camelize<z.input<typeof InvitationCreate>>,
  ): Promise<Camelize<z.infer<typeof InvitationCreated>>> {
    return this.http.request("POST", "/api/v1/users/invitations", { body: input });
  }
  invitations(): Promise<Camelize<z.infer<typeof InvitationList>>> {
    return this.http.request("GET", "/api/v1/users/invitations");
  }
  async revokeInvitation(invitationId: string): Promise<void> {
    await this.http.request("DELETE", `/api/v1/users/invitations/${id(invitationId)}`);
  }
  /** No credentials needed: the token is the credential. */
  previewInvitation(token: string): Promise<Camelize<z.infer<typeof InvitationPreview>>> {
    return this.http.request("POST", "/api/v1/auth/invitation", { body: { token } });
  }
  acceptInvitation(input: { token: string; name: string; password: string }): Promise<Tokens> {
    return this.http.request("POST", "/api/v1/auth/accept-invitation", { body: input });
  }
}

export class SettingsResource {
  constructor(private readonly http: HttpClient) {}
  get(): Promise<StoreSettings> {
    return this.http.request("GET", "/api/v1/store/settings");
  }
  update(input: Camelize<z.input<typeof StoreSettingsUpdate>>): Promise<StoreSettings> {
    return this.http.request("PATCH", "/api/v1/store/settings", { body: input });
  }
  async uploadLogo(file: Blob, filename = "logo"): Promise<StoreSettings> {
    const form = new FormData();
    form.set("file", file, filename);
    const response = await this.http.send("POST", "/api/v1/store/settings/logo", { body: form });
    return camelize<z.infer<typeof TenantSchema>>(await response.json());
  }
  /**
   * Everything the store holds as a zip (owner only). The Response streams: its body is the
   * archive, `X-Export-Rows` the rows in it and Content-Disposition the file name.
   */
  export(): Promise<Response> {
    return this.http.send("GET", "/api/v1/store/export", { accept: "application/zip" });
  }
}

export class AuditResource {
  constructor(private readonly http: HttpClient) {}
  list(
    params: Partial<Camelize<z.infer<typeof AuditQuery>>> = {},
  ): Promise<Camelize<z.infer<typeof AuditList>>> {
    return this.http.request("GET", "/api/v1/audit-log", { query: params });
  }
}
