import type { Locator, Page } from "@playwright/test";

/**
 * Number of distinct RGB colours in a screenshot of `target`. A blank (or failed) WebGL canvas
 * is one flat colour; shaded spheres and lines give hundreds. The PNG is decoded by the page's
 * own 2D canvas, so no image library is needed in the test.
 */
export async function distinctColours(page: Page, target: Locator): Promise<number> {
  const png = await target.screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext("2d");
    if (!ctx) throw new Error("no 2D context");
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  }, png.toString("base64"));
}
