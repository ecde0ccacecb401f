import type { Locator, Page } from 'playwright-core';

/** A real mouse drag: press on the source, move in steps (past the activation distance), release over the target. */
export async function drag(page: Page, source: Locator, to: { x: number; y: number }): Promise<void> {
  const box = await source.boundingBox();
  if (!box) throw new Error('drag source not visible');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 12, box.y + box.height / 2 + 6, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 14 });
  await page.mouse.move(to.x, to.y + 1, { steps: 2 });
  await page.mouse.up();
  // dnd-kit swallows clicks for 50 ms after a drag ends (a capture listener on the document, removed by a timer),
  // so a click sent sooner, as a script can but a person cannot, would be lost. Wait that window out.
  await page.waitForTimeout(DND_CLICK_GUARD_MS);
}

const DND_CLICK_GUARD_MS = 80;

/** A point on an element to drop at: its centre, near its top edge (insert above) or its right edge (beside). */
export async function point(locator: Locator, where: 'center' | 'top' | 'right' = 'center') {
  const box = await locator.boundingBox();
  if (!box) throw new Error('drop target not visible');
  if (where === 'top') return { x: box.x + box.width / 2, y: box.y + Math.min(8, box.height / 4) };
  if (where === 'right') return { x: box.x + box.width - 6, y: box.y + box.height / 2 };
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
