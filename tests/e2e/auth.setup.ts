import { DEMO, expect, greetingPattern, MESSAGES, signIn, test } from "./fixtures";
import { OWNER_STATE } from "./paths";

// Signs in once through the real form; the en and ar projects reuse the saved cookies.
test("sign in as the demo owner", async ({ page }) => {
  await signIn(page, "en");
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    greetingPattern(MESSAGES.en, DEMO.userName),
  );
  await page.context().storageState({ path: OWNER_STATE });
});
