import { z } from 'zod/mini';
import { sentenceRefSchema } from '../kb/schema';
import { addOutcomeSchema, extractionSchema, extractModeSchema } from '../library/protocol';
import { cardDataSchema } from '../kb/card-data';

/**
 * A message kind's schemas, made when a message of that kind first crosses: the
 * content script loads this table in every frame of every page, and most frames
 * never send or receive most kinds (building them all cost ~2 ms per frame).
 */
function kind<Req extends z.ZodMiniType, Res extends z.ZodMiniType>(
  request: () => Req,
  response: () => Res,
) {
  return { request: z.lazy(request), response: z.lazy(response) };
}

/**
 * Every message between extension contexts, one table: request and response
 * schemas per kind. Both ends validate what they receive.
 */
export const messages = {
  /** Content script / pages → background: the card of one entity. */
  getCard: kind(
    () =>
      z.strictObject({
        type: z.literal('getCard'),
        entity: z.string().check(z.minLength(1)),
      }),
    () => z.union([cardDataSchema, z.null()]),
  ),
  /** Content script / pages → background: open the bundled article at a sentence. */
  openReader: kind(
    () => z.strictObject({ type: z.literal('openReader'), ref: sentenceRefSchema }),
    () => z.null(),
  ),
  /** Background → content script (keyboard command): step to the next or previous mention. */
  stepMention: kind(
    () =>
      z.strictObject({
        type: z.literal('stepMention'),
        direction: z.union([z.literal(1), z.literal(-1)]),
      }),
    () => z.null(),
  ),
  /** Popup → content script (top frame): the entities found on this page, with counts. */
  pageMentions: kind(
    () => z.strictObject({ type: z.literal('pageMentions') }),
    () =>
      z.strictObject({
        host: z.string(),
        /** False while the page is paused (site or global switch). */
        active: z.boolean(),
        entities: z.array(z.strictObject({ id: z.string(), count: z.int().check(z.positive()) })),
      }),
  ),
  /** Popup → content script: scroll to the next mention of an entity and open its card. */
  showEntity: kind(
    () =>
      z.strictObject({
        type: z.literal('showEntity'),
        entity: z.string().check(z.minLength(1)),
      }),
    () => z.boolean(),
  ),
  /** Background (context menu) → content script: show these entities' cards by the selection. */
  showLookup: kind(
    () =>
      z.strictObject({
        type: z.literal('showLookup'),
        entities: z.array(z.string()).check(z.minLength(1)),
      }),
    () => z.boolean(),
  ),
  /** Background → content script (top frame): read the page for the library, as asked. */
  extractPage: kind(
    () => z.strictObject({ type: z.literal('extractPage'), mode: extractModeSchema }),
    () => extractionSchema,
  ),
  /** Content script → background (Firefox, where the reader is not bundled in the page). */
  extractHtml: kind(
    () =>
      z.strictObject({
        type: z.literal('extractHtml'),
        html: z.string(),
        url: z.string(),
        mode: extractModeSchema,
        selection: z.string(),
      }),
    () => extractionSchema,
  ),
  /** Popup → background: add the tab's page (its article, selection or whole text) to the library. */
  addPage: kind(
    () =>
      z.strictObject({
        type: z.literal('addPage'),
        tabId: z.int(),
        mode: extractModeSchema,
      }),
    () => addOutcomeSchema,
  ),
} as const;

export type MessageType = keyof typeof messages;
export type Request<T extends MessageType> = z.infer<(typeof messages)[T]['request']>;
export type Response<T extends MessageType> = z.infer<(typeof messages)[T]['response']>;
export type AnyRequest = { [T in MessageType]: Request<T> }[MessageType];

export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(messages, type);
}
