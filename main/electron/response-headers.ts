/**
 * The headers every response of the app protocol carries. The CSP is a response header, not
 * a meta tag, so it applies before any byte of the page is parsed: scripts, styles and fonts
 * only from the app origin, no eval, no inline script, nothing framed, no plugins, no form
 * posts; the API travels over IPC, so the page needs no network at all.
 */
export function appResponseHeaders(contentType: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), usb=(), serial=(), hid=(), display-capture=()',
    'Cache-Control': 'no-store',
  };
  // A string literal on purpose: electronegativity reads the policy from this assignment and
  // evaluates it; a policy built from parts would be invisible to it.
  headers['Content-Security-Policy'] =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; media-src 'self' blob:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'";
  return headers;
}
