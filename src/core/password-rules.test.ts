import { describe, expect, it } from "vitest";
import { PASSWORD_MIN, passwordRuleBroken } from "./password-rules.js";

describe("password rules (NIST SP 800-63B)", () => {
  it("refuses short passwords, counting characters rather than UTF-16 units", () => {
    expect(passwordRuleBroken("short one")?.rule).toBe("too-short");
    expect(passwordRuleBroken("🏃".repeat(PASSWORD_MIN - 1))?.rule).toBe("too-short");
  });

  it("refuses one character repeated, spaces included", () => {
    expect(passwordRuleBroken(" ".repeat(10))?.rule).toBe("one-character");
    expect(passwordRuleBroken("a".repeat(40))?.rule).toBe("one-character");
  });

  it("refuses common passwords from the bundled list, whatever their case", () => {
    for (const common of ["1234567890", "qwertyuiop", "QwertyUiop", "1q2w3e4r5t"]) {
      const broken = passwordRuleBroken(common);
      expect(broken?.rule).toBe("common");
      expect(broken?.message).toContain("common");
    }
  });

  it("accepts a few words", () => {
    expect(passwordRuleBroken("correct horse battery staple")).toBeNull();
    expect(passwordRuleBroken("🏃🏃🏃🏃🏃🏋🏋🏋🏋🏋")).toBeNull();
  });

  it("refuses over-long passwords", () => {
    expect(passwordRuleBroken("ab".repeat(101))?.rule).toBe("too-long");
  });
});
