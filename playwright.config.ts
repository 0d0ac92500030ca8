import { defineConfig, devices } from "@playwright/test";
import type { AppLocaleOptions } from "./tests/e2e/fixtures";
import {
  fakeProviders,
  firstStartServers,
  mailCapture,
  OWNER_STATE,
  suspendedServer,
} from "./tests/e2e/paths";
import { RECEIVER_SECRET } from "./tests/e2e/receiver-secret";

// E2E_PORT lets a second checkout run its browser tests while another uses the default.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
// First start (issue 18): one server per locale on an empty data directory, without the demo,
// each printing its setup code into a log the test reads; sign-up is open on them.
const FIRST_START = firstStartServers(PORT);
const SUSPENDED = suspendedServer(PORT);
// Stripe and PayPal stand-ins for the main server; the checkout spec steers them over HTTP.
const FAKES = fakeProviders(PORT);
// Mail from the main server lands in a local SMTP capture; specs read it over HTTP.
const MAIL = mailCapture(PORT);

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-gpu",
    ],
  },
};

const LOCALE_TAGS = { en: "en-US", ar: "ar-SA" } as const;

// `npm run build` runs before this (the CI script does it): it builds the admin and compiles
// server.ts into dist/server.js, the production server these web servers start.
export default defineConfig<AppLocaleOptions>({
  testDir: "tests/e2e",
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  // CI is a 2-core machine running five servers and two browsers: an axe scan of a big dialog or
  // a setup with password hashing passes 30 s there on a busy minute, so tests get 60 s.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/, use: { ...chromium, appLocale: "en" } },
    ...FIRST_START.map(({ locale, url }) => ({
      name: `first-start-${locale}`,
      testMatch: /.*\.first-start\.ts/,
      use: { ...chromium, appLocale: locale, locale: LOCALE_TAGS[locale], baseURL: url },
    })),
    ...(["en", "ar"] as const).map((locale) => ({
      name: `suspended-${locale}`,
      testMatch: /.*\.suspended\.ts/,
      use: { ...chromium, appLocale: locale, locale: LOCALE_TAGS[locale], baseURL: SUSPENDED.url },
    })),
    {
      name: "en",
      testMatch: /.*\.spec\.ts/,
      dependencies: ["setup"],
      use: { ...chromium, appLocale: "en", locale: "en-US", storageState: OWNER_STATE },
    },
    {
      name: "ar",
      testMatch: /.*\.spec\.ts/,
      dependencies: ["setup"],
      use: { ...chromium, appLocale: "ar", locale: "ar-SA", storageState: OWNER_STATE },
    },
  ],
  webServer: [
    {
      // A fresh data directory per run: the demo tenant is seeded into an empty database.
      command: `DATA_DIR="$(mktemp -d -t brainsait-e2e-XXXXXX)" node dist/server.js --seed-demo`,
      env: {
        NODE_ENV: "production",
        PORT: String(PORT),
        PUBLIC_URL: baseURL,
        DEMO_PASSWORD: "demo-owner-pass",
        WEBHOOKS_ALLOW_PRIVATE: "1",
        STORE_WEBHOOK_SECRET: RECEIVER_SECRET,
        STRIPE_API_URL: FAKES.stripeUrl,
        PAYPAL_API_URL: FAKES.paypalUrl,
        SMTP_URL: MAIL.smtpUrl,
        // Both projects share one signed-in state, so one refresh-token family: once the access
        // token expires, a refresh in one browser makes the other's a reuse, which revokes the
        // family by design (docs/decisions/0002). The run is longer than 15 minutes now, so the
        // token outlives it and no browser refreshes.
        ACCESS_TOKEN_TTL_SECONDS: "7200",
        LOG_LEVEL: "error",
      },
      url: `${baseURL}/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `npx tsx tests/support/fake-providers.ts --stripe-port ${FAKES.stripePort} --paypal-port ${FAKES.paypalPort}`,
      url: `${FAKES.stripeUrl}/_test/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `npx tsx tests/support/smtp-capture-server.ts --smtp-port ${MAIL.smtpPort} --http-port ${MAIL.httpPort}`,
      url: `${MAIL.httpUrl}/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    ...FIRST_START.map(({ port, url, log }) => ({
      // stdout (where the setup code is printed) goes to the log file; errors still reach ours.
      command: `DATA_DIR="$(mktemp -d -t brainsait-e2e-first-XXXXXX)" node dist/server.js > "${log}"`,
      env: {
        NODE_ENV: "production",
        PORT: String(port),
        PUBLIC_URL: url,
        SIGNUP: "open",
        LOG_LEVEL: "error",
      },
      url: `${url}/health`,
      // Never an old server: its store would already exist.
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore" as const,
      stderr: "pipe" as const,
    })),
    {
      // The demo store, seeded and then suspended by the operator's command line before start.
      command: [
        `export DATA_DIR="$(mktemp -d -t brainsait-e2e-suspended-XXXXXX)"`,
        "npx tsx lib/db/cli.ts seed > /dev/null",
        "npx tsx lib/tenants/cli.ts suspend demo > /dev/null",
        "node dist/server.js",
      ].join(" && "),
      env: {
        NODE_ENV: "production",
        PORT: String(SUSPENDED.port),
        PUBLIC_URL: SUSPENDED.url,
        DEMO_PASSWORD: "demo-owner-pass",
        LOG_LEVEL: "error",
      },
      url: `${SUSPENDED.url}/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
