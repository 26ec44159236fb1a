import { z } from 'zod';

/** How a print ended, in message keys the UI translates (print.done, print.a4.mediaEmpty, …). */
export const PrintResultView = z.object({
  ok: z.boolean(),
  message: z.string(),
  nextStep: z.string().optional(),
  warnings: z.array(z.string()),
  /** A failed job kept on the terminal: 重新打印 sends it again without starting over. */
  retryId: z.string().optional(),
});
export type PrintResultView = z.infer<typeof PrintResultView>;
