/** Fen as yuan with two decimals and thousands separators: 123456 → "1,234.56". */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${(abs % 100).toString().padStart(2, '0')}`;
}

/** 2026-11-23 → 2026年11月23日; 2026-11 → 2026年11月. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return d ? `${y}年${Number(m)}月${Number(d)}日` : `${y}年${Number(m)}月`;
}
