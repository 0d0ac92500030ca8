import { describe, expect, it } from "vitest";
import { signatureMatches, signToken } from "@/lib/apps/signing";

describe("app token signing (docs/apps.md)", () => {
  it("signs an account token as the Brightpearl test vector shows", () => {
    expect(
      signToken(
        "fcVGPrRapgRyT83CJb9kg8wBpgIV7tdKikdKA/7SmvY=",
        "c72a9373-86f5-4138-a41f-c26cd9abfe4e",
      ),
    ).toBe("xOcgfoSsTBnWVAHr46EIWpA5U+/mpflsts/lF7p2jnc=");
  });

  it("signs a developer token the same way", () => {
    expect(
      signToken(
        "irhkVURWuLDYZwziDKhCsSGYrczWtfL7Pz5oX2GRDXo=",
        "MlcTe8zimMPgYf/batW+ckJEAj467bbapA0cQBx6WwM=",
      ),
    ).toBe("llWnSJurpSUUTLNOtVd8Ik/ox6+4OVY/TdLSvE1+VWg=");
  });

  it("accepts only the exact signature", () => {
    const secret = "fcVGPrRapgRyT83CJb9kg8wBpgIV7tdKikdKA/7SmvY=";
    const token = "c72a9373-86f5-4138-a41f-c26cd9abfe4e";
    expect(signatureMatches(secret, token, "xOcgfoSsTBnWVAHr46EIWpA5U+/mpflsts/lF7p2jnc=")).toBe(
      true,
    );
    expect(signatureMatches(secret, token, "xOcgfoSsTBnWVAHr46EIWpA5U+/mpflsts/lF7p2jnd=")).toBe(
      false,
    );
    expect(signatureMatches(secret, token, "short")).toBe(false);
    expect(signatureMatches(secret, token, "")).toBe(false);
    expect(signatureMatches("another secret", token, signToken(secret, token))).toBe(false);
  });
});
