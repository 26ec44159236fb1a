/**
 * How the Chromium host's page proves it was opened by this launch: WebSocket subprotocols.
 * Kept apart from the schemas so the UI bundle does not carry zod.
 */
export const WS_PROTOCOL = 'tongban.v1';
export const WS_SECRET_PREFIX = 'secret.';
