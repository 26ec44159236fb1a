import type * as OpenCv from '@techstark/opencv-js';

/** OpenCV's WebAssembly build (`@techstark/opencv-js`), compiled once (about a second) on first use. */
export type Cv = typeof OpenCv;

/**
 * The module is a thenable that resolves to itself: awaiting it, or returning it from a promise,
 * never ends. So it travels in a box, and readiness is its classes existing (its init hook may
 * already be taken).
 */
let opencv: Promise<{ cv: Cv }> | undefined;

export async function loadOpenCv(): Promise<{ cv: Cv }> {
  opencv ??= import('@techstark/opencv-js').then(async (module) => {
    const cv = (module as unknown as { default: Cv }).default;
    while (!(cv as { Mat?: unknown }).Mat) await new Promise((resolve) => setTimeout(resolve, 20));
    return { cv };
  });
  return opencv;
}
