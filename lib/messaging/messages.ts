import { z } from 'zod/mini';
import { sentenceRefSchema } from '../kb/schema';
import { addOutcomeSchema, extractionSchema, extractModeSchema } from '../library/protocol';
import { cardDataSchema } from '../kb/card-data';

/**
 * Every message between extension contexts, one table: request and response
 * schemas per kind. Both ends validate what they receive.
 */
export const messages = {
  /** Content script / pages → background: the card of one entity. */
  getCard: {
    request: z.strictObject({
      type: z.literal('getCard'),
      entity: z.string().check(z.minLength(1)),
    }),
    response: z.union([cardDataSchema, z.null()]),
  },
  /** Content script / pages → background: open the bundled article at a sentence. */
  openReader: {
    request: z.strictObject({ type: z.literal('openReader'), ref: sentenceRefSchema }),
    response: z.null(),
  },
  /** Background → content script (keyboard command): step to the next or previous mention. */
  stepMention: {
    request: z.strictObject({
      type: z.literal('stepMention'),
      direction: z.union([z.literal(1), z.literal(-1)]),
    }),
    response: z.null(),
  },
  /** Popup → content script (top frame): the entities found on this page, with counts. */
  pageMentions: {
    request: z.strictObject({ type: z.literal('pageMentions') }),
    response: z.strictObject({
      host: z.string(),
      /** False while the page is paused (site or global switch). */
      active: z.boolean(),
      entities: z.array(z.strictObject({ id: z.string(), count: z.int().check(z.positive()) })),
    }),
  },
  /** Popup → content script: scroll to the next mention of an entity and open its card. */
  showEntity: {
    request: z.strictObject({
      type: z.literal('showEntity'),
      entity: z.string().check(z.minLength(1)),
    }),
    response: z.boolean(),
  },
  /** Background (context menu) → content script: show these entities' cards by the selection. */
  showLookup: {
    request: z.strictObject({
      type: z.literal('showLookup'),
      entities: z.array(z.string()).check(z.minLength(1)),
    }),
    response: z.boolean(),
  },
  /** Background → content script (top frame): read the page for the library, as asked. */
  extractPage: {
    request: z.strictObject({ type: z.literal('extractPage'), mode: extractModeSchema }),
    response: extractionSchema,
  },
  /** Content script → background (Firefox, where the reader is not bundled in the page). */
  extractHtml: {
    request: z.strictObject({
      type: z.literal('extractHtml'),
      html: z.string(),
      url: z.string(),
      mode: extractModeSchema,
      selection: z.string(),
    }),
    response: extractionSchema,
  },
  /** Popup → background: add the tab's page (its article, selection or whole text) to the library. */
  addPage: {
    request: z.strictObject({
      type: z.literal('addPage'),
      tabId: z.int(),
      mode: extractModeSchema,
    }),
    response: addOutcomeSchema,
  },
} as const;

export type MessageType = keyof typeof messages;
export type Request<T extends MessageType> = z.infer<(typeof messages)[T]['request']>;
export type Response<T extends MessageType> = z.infer<(typeof messages)[T]['response']>;

export const anyRequestSchema = z.discriminatedUnion('type', [
  messages.getCard.request,
  messages.openReader.request,
  messages.stepMention.request,
  messages.pageMentions.request,
  messages.showEntity.request,
  messages.showLookup.request,
  messages.extractPage.request,
  messages.extractHtml.request,
  messages.addPage.request,
]);
export type AnyRequest = z.infer<typeof anyRequestSchema>;
