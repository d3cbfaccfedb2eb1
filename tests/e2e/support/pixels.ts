import { PNG } from 'pngjs';

/** A rectangle in CSS pixels of the viewport (screenshots are taken at device scale 1). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Number of pixels that differ between two screenshots of the same viewport, counted inside `box`
 * (the whole image when omitted). Works on PNG buffers from Playwright and Puppeteer alike.
 */
export function differingPixels(a: Uint8Array, b: Uint8Array, box?: Box): number {
  const first = PNG.sync.read(Buffer.from(a));
  const second = PNG.sync.read(Buffer.from(b));
  if (first.width !== second.width || first.height !== second.height) {
    throw new Error(
      `Screenshots differ in size: ${first.width}×${first.height} vs ${second.width}×${second.height}`,
    );
  }
  const x0 = Math.max(0, Math.floor(box?.x ?? 0));
  const y0 = Math.max(0, Math.floor(box?.y ?? 0));
  const x1 = Math.min(first.width, Math.ceil(box === undefined ? first.width : box.x + box.width));
  const y1 = Math.min(
    first.height,
    Math.ceil(box === undefined ? first.height : box.y + box.height),
  );
  let differing = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * first.width + x) * 4;
      if (
        first.data[i] !== second.data[i] ||
        first.data[i + 1] !== second.data[i + 1] ||
        first.data[i + 2] !== second.data[i + 2]
      ) {
        differing++;
      }
    }
  }
  return differing;
}

/**
 * In-page function (pass it to `page.evaluate` with a highlight name): the viewport box of that
 * highlight's first range, grown by 4 px above and below so an underline drawn under the text
 * falls inside. Null when the highlight is missing or empty.
 */
export function firstRangeBox(name: string): Box | null {
  const highlight = CSS.highlights.get(name);
  const range = highlight === undefined ? undefined : [...highlight][0];
  if (range === undefined) return null;
  const rect = (range as Range).getBoundingClientRect();
  return { x: rect.x, y: rect.y - 4, width: rect.width, height: rect.height + 8 };
}
