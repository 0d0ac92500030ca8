import { z } from "@hono/zod-openapi";
import { SCOPES } from "@/lib/auth/permissions";
import { APP_LIMITS, REF_PATTERN } from "./fields";
import { APP_KINDS, CALLBACK_EVENTS } from "./schema";

/**
 * Developer and app references: what apps send in `brainsait-dev-ref` and `brainsait-app-ref`.
 * Read case-insensitively and stored in lower case (docs/apps.md, "References").
 */
export const Ref = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    REF_PATTERN,
    "2 to 40 letters, digits, hyphens or underscores, starting with a letter or digit",
  );

export const DeveloperCreate = z
  .object({
    developer_ref: Ref,
    name: z.string().trim().min(1).max(APP_LIMITS.name),
    email: z.email().trim().max(APP_LIMITS.email),
  })
  .openapi("DeveloperCreate", {
    example: { developer_ref: "sahara", name: "Sahara Apps", email: "dev@sahara.example" },
  });

export const DeveloperSchema = z
  .object({
    developer_ref: z.string(),
    name: z.string(),
    email: z.string(),
    developer_token: z.string().openapi({
      description:
        "The developer's unsigned token: sign it with the developer secret for brainsait-dev-token",
    }),
    created_at: z.string(),
    secret_rotated_at: z.string().nullable(),
  })
  .openapi("Developer");

export const DeveloperWithSecret = DeveloperSchema.extend({
  developer_secret: z.string().openapi({ description: "Shown in this reply only" }),
}).openapi("DeveloperWithSecret");

export const DeveloperList = z.object({ data: z.array(DeveloperSchema) }).openapi("DeveloperList");

export const DeveloperSecret = z
  .object({ developer_ref: z.string(), developer_secret: z.string() })
  .openapi("DeveloperSecret");

const AppScopes = z.array(z.enum(SCOPES)).min(1).max(SCOPES.length);
const AppName = z.object({
  en: z.string().trim().min(1).max(APP_LIMITS.name),
  ar: z.string().trim().min(1).max(APP_LIMITS.name),
});

export const AppCreate = z
  .object({
    app_ref: Ref,
    name: AppName,
    description: z.string().trim().max(APP_LIMITS.description).optional(),
    install_callback_url: z.string().trim().max(APP_LIMITS.callbackUrl),
    scopes: AppScopes,
    kind: z.enum(APP_KINDS).default("system"),
  })
  .openapi("AppCreate", {
    example: {
      app_ref: "parcelforce",
      name: { en: "Parcelforce shipping", ar: "شحن بارسل فورس" },
      description: "Prints labels for paid orders",
      install_callback_url: "https://apps.sahara.example/brainsait/installed",
      scopes: ["orders:read", "products:read"],
      kind: "system",
    },
  });

// Without its default: a PATCH that leaves kind out must not turn a staff app into a system app.
export const AppUpdate = AppCreate.omit({ app_ref: true })
  .extend({ kind: z.enum(APP_KINDS) })
  .partial()
  .openapi("AppUpdate");

export const AppSchema = z
  .object({
    app_ref: z.string(),
    developer: z.object({ developer_ref: z.string(), name: z.string() }),
    name: z.object({ en: z.string(), ar: z.string() }),
    description: z.string(),
    install_callback_url: z.string(),
    scopes: z.array(z.string()),
    kind: z.enum(APP_KINDS),
    installs: z.number().int().openapi({ description: "Stores that have it installed now" }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("App");

export const AppList = z.object({ data: z.array(AppSchema) }).openapi("AppList");

/** What the developer sees of each store that installed an app (and the install callback sends). */
export const InstalledAccount = z
  .object({
    account_code: z.string().openapi({ description: "The store's slug: X-Tenant-ID" }),
    account_token: z
      .string()
      .openapi({ description: "Unsigned: sign it with the developer secret" }),
    installed_at: z.string(),
    scopes: z.array(z.string()),
  })
  .openapi("InstalledAccount");

export const InstalledAccounts = z.array(InstalledAccount).openapi("InstalledAccounts");

/** An app as a store sees it in its directory: whether it is installed, and with what. */
export const StoreAppSchema = z
  .object({
    app_ref: z.string(),
    developer: z.object({ developer_ref: z.string(), name: z.string() }),
    name: z.object({ en: z.string(), ar: z.string() }),
    description: z.string(),
    scopes: z.array(z.string()).openapi({ description: "What the app asks for" }),
    kind: z.enum(APP_KINDS),
    install: z
      .object({
        installed_at: z.string(),
        installed_by: z.object({ id: z.string(), name: z.string() }).nullable(),
        scopes: z.array(z.string()).openapi({ description: "What the store granted" }),
        callback_status: z
          .enum(["pending", "succeeded", "failed"])
          .nullable()
          .openapi({ description: "The install callback's delivery" }),
      })
      .nullable(),
  })
  .openapi("StoreApp");

export const StoreAppList = z.object({ data: z.array(StoreAppSchema) }).openapi("StoreAppList");

export const CallbackAttemptSchema = z
  .object({
    number: z.number().int(),
    request_headers: z.record(z.string(), z.string()),
    response_status: z.number().int().nullable(),
    response_body: z.string().nullable(),
    error: z.string().nullable(),
    duration_ms: z.number().int(),
    created_at: z.string(),
  })
  .openapi("AppCallbackAttempt");

export const CallbackSchema = z
  .object({
    id: z.uuid(),
    event: z.enum(CALLBACK_EVENTS),
    url: z.string(),
    status: z.enum(["pending", "succeeded", "failed"]),
    attempts: z.number().int(),
    next_attempt_at: z.string().nullable(),
    last_status_code: z.number().int().nullable(),
    created_at: z.string(),
    completed_at: z.string().nullable(),
    attempt_log: z.array(CallbackAttemptSchema),
  })
  .openapi("AppCallback");

export const CallbackList = z.object({ data: z.array(CallbackSchema) }).openapi("AppCallbackList");

export const AppStaffMember = z
  .object({
    user_id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: z.string(),
    authorised: z.boolean(),
    authorised_at: z.string().nullable(),
  })
  .openapi("AppStaffMember");

export const AppStaffList = z.object({ data: z.array(AppStaffMember) }).openapi("AppStaffList");

/** The staff authorise call, shaped as the Brightpearl model shows it (camelCase on purpose). */
export const AuthoriseInput = z
  .object({
    apiAccountCredentials: z.object({
      emailAddress: z.string().trim().max(254),
      password: z.string().max(1000),
    }),
  })
  .openapi("StaffAuthorise", {
    example: {
      apiAccountCredentials: { emailAddress: "katie@topfurniture.example", password: "0p3nSE5AME" },
    },
  });

export const AuthoriseResult = z
  .object({ response: z.string().openapi({ description: "The staff token" }) })
  .openapi("StaffToken");
