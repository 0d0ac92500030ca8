import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/admin/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Store API (and with it the database drivers) runs in server.ts, outside the Next bundle;
  // pages reach it through lib/sdk. These stay external should anything import them by mistake.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "ioredis"],
  poweredByHeader: false,
  // `npm run dev` may be opened as 127.0.0.1 as well as localhost.
  allowedDevOrigins: ["127.0.0.1"],
  // `npm run verify` typechecks the whole repository once; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // The CSP, with its per-page nonce, is set in proxy.ts (docs/decisions/0008-web-hardening.md).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
        ],
      },
      {
        // The hosted checkout's URL holds its link's token: no Referer at all, even to Stripe or
        // PayPal. Listed last, so it overrides the rule above for these paths.
        source: "/:locale(en|ar)/pay/:path*",
        headers: [{ key: "Referrer-Policy", value: "no-referrer" }],
      },
    ];
  },
  experimental: {
    // Load each page's server code on its first request, not all of them at start: an idle
    // server holds about 10 MiB less heap (docs/decisions/0018-embedded-footprint.md).
    preloadEntriesOnStart: false,
    // Product images (up to 5 MB, lib/products/images.ts) reach their server action as FormData;
    // the default limit is 1 MB. The margin covers the multipart framing.
    serverActions: { bodySizeLimit: "6mb" },
  },
};

export default withNextIntl(nextConfig);
