/**
 * A tagged template that escapes every interpolated value unless it is already `Html`. Templates
 * are written as `html\`<td>${value}</td>\``; a citizen's name containing `<` or `&` prints as
 * text and can never become markup. The only way to insert markup is another `html` fragment
 * or `trustedMarkup`, which is reserved for markup we generate ourselves (the QR code SVG).
 */
export class Html {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.markup;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] as string;
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] as string);
  });
  return new Html(out);
}

/** Markup produced by our own code from validated data (never from user text). */
export function trustedMarkup(markup: string): Html {
  return new Html(markup);
}
