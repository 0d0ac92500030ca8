import type { Page } from "@playwright/test";

const WIDTHS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

/**
 * Full-page screenshots at desktop and phone width, for a person to look at (mirroring,
 * alignment, overflow): test-results/screenshots/<name>-desktop.png and -phone.png.
 */
export async function screenshot(page: Page, name: string) {
  const original = page.viewportSize();
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    // No element may stick out sideways at this width (a page that scrolls sideways is broken).
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    if (overflow > 0) throw new Error(`${name} overflows sideways by ${overflow}px at ${label}`);
    await page.screenshot({
      path: `test-results/screenshots/${name}-${label}.png`,
      fullPage: true,
    });
  }
  if (original) await page.setViewportSize(original);
}
