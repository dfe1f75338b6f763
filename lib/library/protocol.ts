import { z } from 'zod/mini';
import { articleDraftSchema } from './schema';

/** What crosses messaging when a page is added (see lib/messaging/messages.ts). */

export const extractModeSchema = z.enum(['article', 'selection', 'page-text']);

const alternativesSchema = z.lazy(() => z.array(z.enum(['selection', 'page-text'])));

// Made on first use, like the message schemas that hold them (lib/messaging/messages.ts).
export const extractionSchema = z.lazy(() =>
  z.union([
    z.strictObject({ ok: z.literal(true), draft: articleDraftSchema }),
    z.strictObject({
      ok: z.literal(false),
      problem: z.string(),
      alternatives: alternativesSchema,
    }),
  ]),
);

export const addOutcomeSchema = z.lazy(() =>
  z.union([
    z.strictObject({
      ok: z.literal(true),
      id: z.string(),
      title: z.string(),
      updated: z.boolean(),
      /** The known entities the article names, most mentioned first. */
      entities: z.array(z.string()),
    }),
    z.strictObject({
      ok: z.literal(false),
      problem: z.string(),
      alternatives: alternativesSchema,
    }),
  ]),
);
export type AddOutcome = z.infer<typeof addOutcomeSchema>;
