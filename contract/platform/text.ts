import { z } from 'zod';

/**
 * What no text a person gives may contain: control characters (NUL, BEL, …; Cc), format
 * characters (bidirectional overrides and isolates, zero-width joiners, the BOM; Cf), lone
 * surrogates (Cs), private-use (Co) and unassigned (Cn) code points. Line breaks and tabs are
 * allowed in free text only.
 */
const FORBIDDEN_IN_NAME = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u;
const FORBIDDEN_IN_TEXT = /[\p{Cf}\p{Cs}\p{Co}\p{Cn}]|(?![\t\n\r])\p{Cc}/u;

/**
 * A person's name as the platform keeps it: NFC, trimmed, at least one letter, and none of the
 * characters above. Minority names keep their middle dot (·), foreign names their spaces.
 */
export const PersonName = z
  .string()
  .max(60)
  .normalize('NFC')
  .trim()
  .superRefine((value, ctx) => {
    if (FORBIDDEN_IN_NAME.test(value)) ctx.addIssue({ code: 'custom', message: 'contains a character a name cannot have' });
    else if (!/\p{L}/u.test(value)) ctx.addIssue({ code: 'custom', message: 'must contain a letter' });
  });

/** Free text a person typed (a form value, a comment): NFC and no invisible or control characters. */
export const PersonText = (max: number) =>
  z
    .string()
    .max(max)
    .normalize('NFC')
    .refine((value) => !FORBIDDEN_IN_TEXT.test(value), { message: 'contains an invisible or control character' });
