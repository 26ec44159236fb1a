/**
 * The handwriting figures of bench/kiosk alone, without Chromium or the terminal: top-1 and top-5
 * over 517 common name characters, per half, stroke end → candidates, beside the Chinese model
 * alone. Run: npx tsx bench/kiosk/handwriting.ts
 */
import { handwritingFigures } from './input-engines';

console.log(JSON.stringify({ bench: 'kiosk-handwriting', handwriting: handwritingFigures() }, null, 2));
