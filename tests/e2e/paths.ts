import { tmpdir } from "node:os";

/**
 * Cookies of the demo owner, saved by auth.setup.ts and reused by the en and ar projects. Under
 * test-results/ (git- and prettier-ignored); Playwright empties that folder before setup runs.
 */
export const OWNER_STATE = "test-results/.auth/owner.json";

/**
 * The first-start servers (playwright.config.ts): one per locale, on ports after E2E_PORT unless
 * E2E_SETUP_PORT says otherwise, each writing its stdout (with the setup code) to `log`.
 */
export function firstStartServers(mainPort: number) {
  const first = Number(process.env.E2E_SETUP_PORT ?? mainPort + 10);
  return (["en", "ar"] as const).map((locale, i) => {
    const port = first + i;
    return {
      locale,
      port,
      url: `http://127.0.0.1:${port}`,
      log: `${tmpdir()}/brainsait-e2e-first-start-${port}.log`,
    };
  });
}

/**
 * A server whose demo store the operator has suspended before it started (seed, then
 * `npm run stores -- suspend demo`): the admin's banner and the owner's export are tried there.
 */
export function suspendedServer(mainPort: number) {
  const port = Number(process.env.E2E_SETUP_PORT ?? mainPort + 10) + 2;
  return { port, url: `http://127.0.0.1:${port}` };
}

/**
 * The fake Stripe and PayPal servers (tests/support/fake-providers.ts) the main server talks to
 * instead of the real ones: 12111 and 12112 beside the default port 3100, moving with E2E_PORT.
 */
export function fakeProviders(mainPort: number) {
  const stripePort = mainPort + 9011;
  const paypalPort = mainPort + 9012;
  return {
    stripePort,
    paypalPort,
    stripeUrl: `http://127.0.0.1:${stripePort}`,
    paypalUrl: `http://127.0.0.1:${paypalPort}`,
  };
}

/**
 * The SMTP capture (tests/support/smtp-capture-server.ts) the main server mails through
 * (SMTP_URL): 12113 for SMTP and 12114 for the HTTP side specs read, beside the default port 3100.
 */
export function mailCapture(mainPort: number) {
  const smtpPort = mainPort + 9013;
  const httpPort = mainPort + 9014;
  return {
    smtpPort,
    httpPort,
    smtpUrl: `smtp://e2e:e2e@127.0.0.1:${smtpPort}`,
    httpUrl: `http://127.0.0.1:${httpPort}`,
  };
}
