/**
 * The sign-up form tells the password rules before the first try (a hint the field is
 * described by) and, when the server refuses a password, says which rule it broke.
 */
import { describe, expect, it } from "vitest";
import { byId, checkScreen, journeyHarness } from "./support.js";

const journeys = journeyHarness();

describe("sign-up password rules", () => {
  it("shows the rules up front and the server's reason for a refused password", async () => {
    const { page } = await journeys.open({ expectedErrors: /400/ });
    await page.goto("/signup");
    const hint = byId(page, "signup-password-hint");
    await expect(hint.textContent()).resolves.toMatch(/at least 10 characters/i);
    expect(await hint.textContent()).toMatch(/repeated/);
    expect(await hint.textContent()).toMatch(/common password/);
    const password = byId(page, "signup-password");
    expect((await password.getAttribute("aria-describedby"))?.split(" ")).toContain(
      await hint.getAttribute("id"),
    );

    await byId(page, "signup-name").fill("Wren");
    await byId(page, "signup-email").fill(`wren-${Date.now()}@example.com`);
    await password.fill("1234567890");
    await byId(page, "signup-submit").click();
    const refusal = byId(page, "form-error");
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/most common passwords/);
    expect((await password.getAttribute("aria-describedby"))?.split(" ")).toEqual([
      "password-hint",
      "form-error",
    ]);
    await checkScreen(page, "signup-password-refused");

    await password.fill("aaaaaaaaaaaa");
    await byId(page, "signup-submit").click();
    // The refusal itself, not the hint (which names the same rule up front).
    await expect
      .poll(async () => (await refusal.textContent()) ?? "")
      .toMatch(/is one character repeated/);
  }, 60_000);
});
