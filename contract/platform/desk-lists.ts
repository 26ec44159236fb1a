/**
 * The lists of a clerk's "my cases" (plain values, so the renderer may use them at run time).
 * A case is the clerk's while they hold its claim, or (once nobody holds it) when they claimed,
 * accepted, transferred or asked materials for it.
 */
export const DESK_LISTS = ['claimed', 'accepted', 'awaiting-materials', 'transferred', 'ready', 'returned'] as const;
export type DeskListName = (typeof DESK_LISTS)[number];
