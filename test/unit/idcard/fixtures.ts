import { readFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '../../fixtures/idcard');

export function fixturePath(name: string): string {
  return path.join(dir, name);
}

export function hexToBytes(text: string): Uint8Array {
  const digits = text.replace(/[\s:]/g, '');
  return Uint8Array.from(digits.match(/../g) ?? [], (h) => parseInt(h, 16));
}

/** A fixture frame (`<name>.hex`) as bytes. */
export function readFixture(name: string): Uint8Array {
  return hexToBytes(readFileSync(path.join(dir, `${name}.hex`), 'utf8'));
}

/** A fixture of reports, one a line (blank lines separate groups). */
export function readReportLines(name: string): Uint8Array[][] {
  const text = readFileSync(path.join(dir, name), 'utf8');
  return text
    .split(/\n\s*\n/)
    .map((group) => group.split('\n').filter((l) => l.trim()).map(hexToBytes))
    .filter((g) => g.length > 0);
}
