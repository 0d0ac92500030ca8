import { describe, expect, it } from "vitest";
import { adminClientIp, clientAddress, forwardedClientIp, parseTrustProxy } from "@/lib/client-ip";

describe("parseTrustProxy", () => {
  it("reads off, true/1 and a number of proxies", () => {
    for (const off of [undefined, "", "0", "false", " FALSE "])
      expect(parseTrustProxy(off)).toBe(0);
    expect(parseTrustProxy("1")).toBe(1);
    expect(parseTrustProxy("true")).toBe(1);
    expect(parseTrustProxy("TRUE")).toBe(1);
    expect(parseTrustProxy("2")).toBe(2);
  });

  it("refuses anything else at startup", () => {
    for (const bad of ["yes", "-1", "1.5", "2 proxies", "0x2", "100"])
      expect(() => parseTrustProxy(bad), bad).toThrow(/TRUST_PROXY/);
  });
});

describe("forwardedClientIp", () => {
  it("one proxy: the rightmost entry, whatever the client put before it", () => {
    expect(forwardedClientIp("198.51.100.7", 1)).toBe("198.51.100.7");
    expect(forwardedClientIp("1.1.1.1, 6.6.6.6,198.51.100.7", 1)).toBe("198.51.100.7");
    expect(forwardedClientIp("2001:db8::1, 2001:db8::7", 1)).toBe("2001:db8::7");
  });

  it("two proxies: the entry the outer proxy appended", () => {
    expect(forwardedClientIp("6.6.6.6, 198.51.100.7, 10.0.0.3", 2)).toBe("198.51.100.7");
    expect(forwardedClientIp("198.51.100.7, 10.0.0.3", 2)).toBe("198.51.100.7");
  });

  it("no trusted entry: too few entries, no proxies, or a value that is not an address", () => {
    expect(forwardedClientIp("10.0.0.3", 2)).toBeUndefined();
    expect(forwardedClientIp("198.51.100.7", 0)).toBeUndefined();
    expect(forwardedClientIp(undefined, 1)).toBeUndefined();
    expect(forwardedClientIp("", 1)).toBeUndefined();
    expect(forwardedClientIp("198.51.100.7,", 1)).toBeUndefined();
    expect(forwardedClientIp("1.1.1.1, unknown", 1)).toBeUndefined();
    expect(forwardedClientIp("1.1.1.1, 198.51.100.7:443", 1)).toBeUndefined();
    expect(forwardedClientIp("1.1.1.1, <script>", 1)).toBeUndefined();
    expect(forwardedClientIp("198.51.100.7", Number.NaN)).toBeUndefined();
  });
});

describe("clientAddress", () => {
  it("falls back to the socket's address", () => {
    expect(clientAddress("6.6.6.6, 198.51.100.7", "10.0.0.2", 1)).toBe("198.51.100.7");
    expect(clientAddress("6.6.6.6", "10.0.0.2", 0)).toBe("10.0.0.2");
    expect(clientAddress("garbage", "10.0.0.2", 1)).toBe("10.0.0.2");
    expect(clientAddress(undefined, "10.0.0.2", 2)).toBe("10.0.0.2");
  });

  it("the admin reads the single address server.ts resolved", () => {
    expect(adminClientIp("198.51.100.7")).toBe("198.51.100.7");
    expect(adminClientIp(null)).toBeUndefined();
  });
});
