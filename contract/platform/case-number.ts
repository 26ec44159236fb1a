/**
 * The case number a citizen reads off the receipt and types back: the last eight hex digits of
 * the case id (the random part of a UUIDv7), grouped for reading aloud. Unique enough among one
 * terminal's cases, which is where a typed number is looked up; the QR code carries the full id.
 */
export function caseNumberOf(caseId: string): string {
  const tail = caseId.replace(/-/g, '').slice(-8).toUpperCase();
  return `${tail.slice(0, 4)}-${tail.slice(4)}`;
}

export function normaliseCaseNumber(input: string): string {
  const compact = input.toUpperCase().replace(/[^0-9A-F]/g, '');
  return compact.length === 8 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : input.toUpperCase();
}
