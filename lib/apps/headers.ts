/**
 * The headers of an app's call (docs/apps.md, "Signing"). On their own, free of
 * imports, so the SDK (which runs in browsers) sends the very names the API reads.
 */
export const APP_HEADERS = {
  developerRef: "brainsait-dev-ref",
  appRef: "brainsait-app-ref",
  accountToken: "brainsait-account-token",
  staffToken: "brainsait-staff-token",
  developerToken: "brainsait-dev-token",
} as const;
