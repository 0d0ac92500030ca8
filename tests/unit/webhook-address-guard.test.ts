import { describe, expect, it } from "vitest";
import { checkUrlForm, isPublicAddress } from "@/lib/webhooks/sender";

describe("isPublicAddress refuses special and deprecated ranges", () => {
  it.each([
    // IPv4
    ["0.0.0.0", "unspecified"],
    ["127.0.0.1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local (cloud metadata)"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["192.0.2.1", "documentation"],
    // IPv6
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["::7f00:1", "IPv4-compatible ::/96 (127.0.0.1)"],
    ["::127.0.0.1", "IPv4-compatible ::/96, dotted"],
    ["::a00:1", "IPv4-compatible ::/96 (10.0.0.1)"],
    ["::808:808", "IPv4-compatible ::/96 even with a public v4"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:a00:1", "IPv4-mapped private, hex"],
    ["::ffff:169.254.169.254", "IPv4-mapped metadata"],
    ["::ffff:0:a00:1", "IPv4-translated (RFC 6145)"],
    ["64:ff9b::a00:1", "NAT64 well-known prefix, private v4"],
    ["64:ff9b::808:808", "NAT64 well-known prefix, public v4"],
    ["64:ff9b:1::a00:1", "NAT64 local-use prefix"],
    ["2002:7f00:1::", "6to4 (127.0.0.1)"],
    ["2002:808:808::1", "6to4 (8.8.8.8)"],
    ["2001::1", "Teredo"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"],
    ["fec0::1", "deprecated site-local"],
    ["fc00::1", "unique-local"],
    ["fd12:3456::1", "unique-local"],
    ["fe80::1", "link-local"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "documentation"],
    ["100::1", "discard"],
    ["1::1", "unallocated, outside 2000::/3"],
    ["4000::1", "unallocated, outside 2000::/3"],
    ["not-an-address", "not an address"],
  ])("%s (%s)", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "2606:4700::1111",
    "2606:4700:4700::1111",
    "2001:4860:4860::8888",
    "::ffff:8.8.8.8",
  ])("%s stays allowed", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it("checkUrlForm refuses a bracketed IPv4-compatible address", () => {
    expect(() => checkUrlForm("https://[::7f00:1]/h", false)).toThrow(/private or reserved/);
    expect(checkUrlForm("https://[2606:4700::1111]/h", false).hostname).toBe("[2606:4700::1111]");
  });
});
