/**
 * The page's picture of itself for a remote screenshot (staff see what the kiosk shows).
 * While a citizen's session is on, every area that may hold their data is painted over on the
 * picture, never on the screen: all text except the buttons' own labels (names, ID numbers,
 * answers, addresses stand in text), every form control, image, video, canvas and SVG (photos,
 * the camera, signatures, QR codes), and anything marked `data-personal`. What is left is the
 * layout and the buttons: enough to see which screen is shown and whether it is stuck.
 */
const PIXEL_RATIO = 0.5;
const COVER = '#8a8a8a';
/** Text in these is the UI's own words, never the citizen's. */
const KEPT_TEXT = 'button, [role="button"], [role="radio"], [role="tab"], [role="checkbox"]';
const COVERED_ELEMENTS = 'input, textarea, select, img, video, canvas, svg, [data-personal]';

/** Viewport rectangles (CSS pixels) of everything a blanked picture covers. */
export function personalAreas(root: HTMLElement): DOMRect[] {
  const areas: DOMRect[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim() || node.parentElement?.closest(KEPT_TEXT)) continue;
    range.selectNodeContents(node);
    areas.push(...Array.from(range.getClientRects()));
  }
  for (const element of Array.from(root.querySelectorAll(COVERED_ELEMENTS))) areas.push(element.getBoundingClientRect());
  return areas.filter((r) => r.width > 0 && r.height > 0);
}

/** A PNG (base64, no data: prefix) of the page; with `blank`, personal areas covered. */
export async function screenPicture(blank: boolean): Promise<string> {
  // Loaded on the first request only: most days no one asks.
  const { toCanvas } = await import('html-to-image');
  const body = document.body;
  // Measured before rendering, on the layout the citizen sees.
  const origin = body.getBoundingClientRect();
  const covers = blank ? personalAreas(body) : [];
  const canvas = await toCanvas(body, { pixelRatio: PIXEL_RATIO, skipFonts: true, backgroundColor: '#ffffff' });
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D context to paint the picture on');
  context.fillStyle = COVER;
  // A margin of 2 CSS pixels: the picture's text may be laid out a little wider than the screen's.
  for (const r of covers) context.fillRect((r.left - origin.left - 2) * PIXEL_RATIO, (r.top - origin.top - 2) * PIXEL_RATIO, (r.width + 4) * PIXEL_RATIO, (r.height + 4) * PIXEL_RATIO);
  const url = canvas.toDataURL('image/png');
  return url.slice(url.indexOf(',') + 1);
}
