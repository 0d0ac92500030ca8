import { expect, hydrated, openPage, test, uniqueId } from "./fixtures";
import { screenshot } from "./screenshots";

// Issue 19: categories carry names in both languages; the filter offers them in the page's.
test("a category named in English and Arabic shows in the page's language in the products filter", async ({
  page,
  t,
  appLocale,
  owner,
}) => {
  const category = `tea-${uniqueId()}`;
  await owner.products.create({
    name: { en: "Mint tea", ar: "شاي بالنعناع" },
    price: "15.00",
    currency: "SAR",
    category,
  });

  await openPage(page, `/${appLocale}/products/categories`, t.products.categories.title);
  const row = page.getByRole("form", { name: category });
  const english = row.getByLabel(t.products.categories.nameEn);
  await hydrated(english);
  await english.fill("Tea");
  await row.getByLabel(t.products.categories.nameAr).fill("شاي");
  await row.getByRole("button", { name: t.products.categories.save }).click();
  await expect(row.getByRole("status")).toHaveText(t.products.categories.saved);
  await screenshot(page, `categories-${appLocale}`);

  await openPage(page, `/${appLocale}/products`, t.products.list.title);
  const filter = page.getByLabel(t.products.filters.category, { exact: true });
  await expect(filter.locator(`option[value="${category}"]`)).toHaveText(
    appLocale === "ar" ? "شاي" : "Tea",
  );
});
