/**
 * The 6,763 hanzi of GB 2312 (rows 16–87 of its 94×94 table), decoded through the platform's
 * GBK decoder rather than copied: exactly the characters Debian's Simplified Chinese Zinnia model
 * knows. A second model trained on other writing (the Japanese one) may offer only these, so it
 * never puts kana or a traditional-only form (陸 for 陆) in front of a citizen writing a name.
 */
let table: Set<string> | undefined;

export function gb2312Hanzi(): ReadonlySet<string> {
  if (table) return table;
  const decoder = new TextDecoder('gbk', { fatal: true });
  table = new Set<string>();
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      // Row 55 (0xD7) stops at cell 89: GB 2312 leaves its last five positions empty.
      if (row === 0xd7 && cell > 0xf9) continue;
      table.add(decoder.decode(new Uint8Array([row, cell])));
    }
  }
  return table;
}
