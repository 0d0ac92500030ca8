import { expect, format, seriousViolations, test, uniqueId } from "./fixtures";

test("the team page on a phone: members and invitations are cards, nothing off-screen", async ({
  page,
  owner,
  appLocale,
  t,
}) => {
  const email = `phone-${appLocale}-${uniqueId()}@example.test`;
  await owner.team.invite({ email, role: "viewer", sendEmail: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/${appLocale}/settings/team`);
  const team = t.settings.team;

  // The tables are gone; the cards hold the same controls.
  await expect(page.getByRole("table")).toHaveCount(0);
  const invitations = page.getByRole("list", { name: /./ }).filter({ hasText: email });
  await expect(invitations).toBeVisible();
  const card = invitations.getByRole("listitem").filter({ hasText: email });
  await expect(
    card.getByRole("button", { name: format(team.invitations.newLinkFor, { email }) }),
  ).toBeVisible();
  await expect(
    card.getByRole("button", { name: format(team.withdraw.buttonFor, { email }) }),
  ).toBeVisible();

  // Every card's buttons sit inside the screen, in either direction.
  for (const button of await page.getByRole("main").getByRole("button").all()) {
    if (!(await button.isVisible())) continue;
    const box = (await button.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await seriousViolations(page)).toEqual([]);

  // "New link" gives a new link and says the old one stopped working.
  await card.getByRole("button", { name: format(team.invitations.newLinkFor, { email }) }).click();
  const dialog = page.getByRole("dialog", { name: team.invitations.newLinkTitle });
  await expect(dialog.getByLabel(team.invite.link)).toHaveValue(/token=bsi_/);
  await expect(dialog.getByRole("link", { name: team.invite.whatsapp })).toHaveAttribute(
    "href",
    /^https:\/\/wa\.me\/\?text=/,
  );
});
