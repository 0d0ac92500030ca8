"use server";

import { z } from "zod";
import { APP_KIND_VALUES, APP_LIMITS, REF_PATTERN } from "@/lib/apps/fields";
import { adminAction, fieldIssues, Locale, toResult } from "@/lib/admin/safe-action";
import { SCOPES } from "@/lib/auth/permissions";

const Ref = z.string().trim().toLowerCase().regex(REF_PATTERN);
const Name = z.string().trim().min(1).max(APP_LIMITS.name);

const DeveloperInput = z.object({
  developerRef: Ref,
  name: Name,
  email: z.email().trim().max(APP_LIMITS.email),
});

const AppInput = z.object({
  name: z.object({ en: Name, ar: Name }),
  description: z.string().trim().max(APP_LIMITS.description),
  installCallbackUrl: z.string().trim().min(1).max(APP_LIMITS.callbackUrl),
  scopes: z.array(z.enum(SCOPES)).min(1),
  kind: z.enum(APP_KIND_VALUES),
});
const NewAppInput = AppInput.extend({ appRef: Ref });

/** A developer secret, for the copy-once dialog: the only time the browser sees it. */
export interface IssuedDeveloperSecret {
  developerRef: string;
  secret: string;
}

const developerAction = adminAction.metadata({
  updates: "developers",
  notFound: { code: "DEVELOPER_NOT_FOUND", message: "Developer not found" },
  fieldNames: "camelCase",
  errorFields: { DEVELOPER_REF_TAKEN: "developerRef", APP_REF_TAKEN: "appRef" },
});

export const registerDeveloper = toResult(
  developerAction
    .inputSchema(DeveloperInput, fieldIssues(DeveloperInput))
    .action(async ({ parsedInput, ctx: { store } }): Promise<IssuedDeveloperSecret> => {
      const developer = await store.developers.register(parsedInput);
      return { developerRef: developer.developerRef, secret: developer.developerSecret };
    }),
);

/** Every app of the developer must sign with the new secret from now on. */
export const rotateDeveloperSecret = toResult(
  developerAction
    .bindArgsSchemas([Locale, Ref])
    .action(async ({ bindArgsParsedInputs: [, developerRef], ctx: { store } }) => {
      const rotated = await store.developers.rotateSecret(developerRef);
      return {
        developerRef: rotated.developerRef,
        secret: rotated.developerSecret,
      } satisfies IssuedDeveloperSecret;
    }),
);

export const createApp = toResult(
  developerAction
    .bindArgsSchemas([Locale, Ref])
    .inputSchema(NewAppInput, fieldIssues(NewAppInput))
    .action(async ({ parsedInput, bindArgsParsedInputs: [, developerRef], ctx: { store } }) => {
      const app = await store.developers.createApp(developerRef, parsedInput);
      return { appRef: app.appRef };
    }),
);

export const updateApp = toResult(
  developerAction
    .bindArgsSchemas([Locale, Ref, Ref])
    .inputSchema(AppInput, fieldIssues(AppInput))
    .action(
      async ({ parsedInput, bindArgsParsedInputs: [, developerRef, appRef], ctx: { store } }) => {
        await store.developers.updateApp(developerRef, appRef, parsedInput);
        return { appRef };
      },
    ),
);
