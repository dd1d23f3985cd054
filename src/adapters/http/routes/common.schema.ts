import { z } from 'zod';

/** The one error body shape of every route. */
export const ErrorSchema = z.object({
  // Loose: a refusal may name more (restore_blocked_by_designation carries `entities`).
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).loose(),
});
