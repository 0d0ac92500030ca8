import { describe, expect, it } from "vitest";
import { crossOriginRefusal, rejectCrossOrigin } from "@/lib/admin/same-origin";

const PUBLIC_URL = "https://store.example.com";

function headers(values: Record<string, string>): Headers {
  return new Headers(values);
}

describe("crossOriginRefusal (CSRF check for the admin's state-changing route handlers)", () => {
  it.each([
    ["Origin matches Host", { host: "127.0.0.1:3417", origin: "http://127.0.0.1:3417" }],
    [
      "Origin matches Host, fetch says same-origin",
      { host: "localhost:3000", origin: "http://localhost:3000", "sec-fetch-site": "same-origin" },
    ],
    [
      "Origin matches the first X-Forwarded-Host (a proxy rewrote Host)",
      {
        host: "10.0.0.5:3000",
        "x-forwarded-host": "admin.example.com, 10.0.0.1",
        origin: "https://admin.example.com",
      },
    ],
    ["Origin is the configured public URL", { host: "internal:3000", origin: PUBLIC_URL }],
    ["no Origin and no Sec-Fetch-Site (not a browser: curl, a script)", { host: "localhost" }],
    ["a user-initiated request (Sec-Fetch-Site: none)", { host: "a", "sec-fetch-site": "none" }],
  ])("allows: %s", (_, values) => {
    expect(crossOriginRefusal(headers(values), PUBLIC_URL)).toBeNull();
  });

  it.each([
    ["another origin", { host: "127.0.0.1:3417", origin: "http://evil.example" }],
    ["same host name, another port", { host: "localhost:3000", origin: "http://localhost:4000" }],
    [
      "a sibling subdomain",
      { host: "store.example.com", origin: "https://evil.store.example.com" },
    ],
    ["an opaque origin (sandboxed frame, data: URL)", { host: "localhost", origin: "null" }],
    ["an Origin that is not a URL", { host: "localhost", origin: "not a url" }],
    ["cross-site by Sec-Fetch-Site without Origin", { host: "x", "sec-fetch-site": "cross-site" }],
    ["same-site by Sec-Fetch-Site without Origin", { host: "x", "sec-fetch-site": "same-site" }],
    [
      "Sec-Fetch-Site cross-site even though Origin matches Host",
      { host: "localhost", origin: "http://localhost", "sec-fetch-site": "cross-site" },
    ],
    ["an Origin without any Host to compare with", { origin: "http://localhost" }],
  ])("refuses: %s", (_, values) => {
    expect(crossOriginRefusal(headers(values), PUBLIC_URL)).toEqual(expect.any(String));
  });

  it("does not take the public URL's host for a different scheme", () => {
    expect(
      crossOriginRefusal(
        headers({ host: "internal", origin: "http://store.example.com" }),
        PUBLIC_URL,
      ),
    ).toEqual(expect.any(String));
  });
});

describe("rejectCrossOrigin", () => {
  it("answers 403 CROSS_ORIGIN_REQUEST in the error envelope", async () => {
    const request = new Request("http://localhost/en/products/import/upload", {
      method: "POST",
      headers: { host: "localhost", origin: "http://evil.example", "content-type": "text/plain" },
      body: "x",
    });
    const response = rejectCrossOrigin(request);
    expect(response?.status).toBe(403);
    expect(await response?.json()).toMatchObject({
      type: "permission_error",
      code: "CROSS_ORIGIN_REQUEST",
    });
  });

  it("lets a same-origin request through", () => {
    const request = new Request("http://localhost/en/products/import/upload", {
      method: "POST",
      headers: { host: "localhost", origin: "http://localhost" },
      body: "x",
    });
    expect(rejectCrossOrigin(request)).toBeNull();
  });
});
