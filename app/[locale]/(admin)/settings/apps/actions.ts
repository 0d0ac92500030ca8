"use server";

import { z } from "zod";
import { adminAction, Locale, toResult } from "@/lib/admin/safe-action";

const AppRef = z.string().trim().min(1).max(40);
const UserId = z.uuid();

const appAction = adminAction.metadata({
  updates: "apps",
  notFound: { code: "APP_NOT_FOUND", message: "App not found" },
});
const withRef = appAction.bindArgsSchemas([Locale, AppRef]);
const withMember = appAction.bindArgsSchemas([Locale, AppRef, UserId]);

/** Installs the app: the API makes its account token and sends it to the install callback. */
export const installApp = toResult(
  withRef.action(async ({ bindArgsParsedInputs: [, appRef], ctx: { store } }) => {
    await store.apps.install(appRef);
    return null;
  }),
);

/** Uninstalls the app: its account token and staff tokens stop working at once. */
export const uninstallApp = toResult(
  withRef.action(async ({ bindArgsParsedInputs: [, appRef], ctx: { store } }) => {
    await store.apps.uninstall(appRef);
    return null;
  }),
);

export const authoriseStaff = toResult(
  withMember.action(async ({ bindArgsParsedInputs: [, appRef, userId], ctx: { store } }) => {
    await store.apps.authoriseStaff(appRef, userId);
    return null;
  }),
);

export const revokeStaff = toResult(
  withMember.action(async ({ bindArgsParsedInputs: [, appRef, userId], ctx: { store } }) => {
    await store.apps.revokeStaff(appRef, userId);
    return null;
  }),
);
