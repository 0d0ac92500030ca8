import { defineConfig, devices } from "@playwright/test";
import type { AppLocaleOptions } from "./tests/e2e/fixtures";
import { OWNER_STATE } from "./tests/e2e/paths";
import { RECEIVER_SECRET } from "./tests/e2e/receiver-secret";

// E2E_PORT lets a second checkout run its browser tests while another uses the default.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

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

// `next build` runs before this (the CI script does it); the web server only starts the result.
export default defineConfig<AppLocaleOptions>({
  testDir: "tests/e2e",
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/, use: { ...chromium, appLocale: "en" } },
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
  webServer: {
    // A fresh data directory per run: the demo tenant is seeded into an empty database.
    command: `DATA_DIR="$(mktemp -d -t brainsait-e2e-XXXXXX)" npx tsx server.ts --seed-demo`,
    env: {
      NODE_ENV: "production",
      PORT: String(PORT),
      PUBLIC_URL: baseURL,
      DEMO_PASSWORD: "demo-owner-pass",
      WEBHOOKS_ALLOW_PRIVATE: "1",
      STORE_WEBHOOK_SECRET: RECEIVER_SECRET,
      LOG_LEVEL: "error",
    },
    url: `${baseURL}/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
