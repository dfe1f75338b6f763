import { z } from 'zod/mini';
import { categories, type Category } from '../catalog/category';
import { broadModes } from '../match/evidence';

/**
 * The one source of truth for settings: types, defaults and validation all come
 * from this schema. Every field carries its default, so a field that is missing
 * or broken falls back on its own without taking the others with it.
 */

const HOST = /^(?=.{1,253}$)[a-z0-9-]+(?:\.[a-z0-9-]+)*$/;

const bool = (fallback: boolean) =>
  z._default(z.boolean({ error: 'expected true or false' }), fallback);
const oneOf = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z._default(z.enum(values, { error: `expected one of ${values.join(', ')}` }), fallback);

export const markingModes = ['first', 'all', 'none'] as const;
export const modifierKeys = ['none', 'Alt', 'Control', 'Shift', 'Meta'] as const;
export const themes = ['system', 'light', 'dark'] as const;

const settingsSchema = z.strictObject({
  /** Master switch. */
  enabled: bool(true),
  /** Sites (host names) where Backstory stays quiet. */
  pausedHosts: z._default(
    z.array(z.string().check(z.regex(HOST, 'expected host names such as example.com')), {
      error: 'expected a list of host names',
    }),
    [],
  ),
  /** Which kinds of entity are marked and get cards. */
  categories: z.strictObject(
    Object.fromEntries(categories.map((c) => [c, bool(true)])) as Record<
      Category,
      z.ZodMiniDefault<z.ZodMiniBoolean>
    >,
  ),
  /** How loud the marking is: the first mention of each entity, all of them, or none (hover only). */
  marking: oneOf(markingModes, 'first'),
  /**
   * Broad places and institutions: only on pages about the corpus's subjects (the
   * page names one of its specific entities), on every page, or never.
   */
  broadMode: oneOf(broadModes, 'topic'),
  /** How long the pointer rests on a mention before its card opens, ms. */
  hoverDelayMs: z._default(
    z
      .int({ error: 'expected a whole number of milliseconds' })
      .check(z.gte(100, 'expected at least 100 ms'), z.lte(2000, 'expected at most 2000 ms')),
    400,
  ),
  /** Cards open only while this key is held ("none": always). */
  modifier: oneOf(modifierKeys, 'none'),
  theme: oneOf(themes, 'system'),
});

export type Settings = z.infer<typeof settingsSchema>;
export type Marking = Settings['marking'];
export type ModifierKey = Settings['modifier'];
export type Theme = Settings['theme'];

export interface ParsedSettings {
  settings: Settings;
  /** One line per field that was unusable and fell back to its default. */
  problems: string[];
}

/** One unusable field: what is wrong, and what reading it from storage did instead. */
interface Problem {
  what: string;
  fallback: string;
}

type Shape = Record<string, z.ZodMiniType>;

function shapeOf(schema: z.ZodMiniType): Shape | undefined {
  const def = (schema as { _zod: { def: { type: string; shape?: Shape } } })._zod.def;
  return def.type === 'object' ? def.shape : undefined;
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function parseObject(
  shape: Shape,
  raw: unknown,
  path: string,
  problems: Problem[],
): Record<string, unknown> {
  const record =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : {};
  if (raw !== undefined && record !== raw)
    problems.push({
      what: `${path || 'settings'}: expected an object, got ${describe(raw)}`,
      fallback: 'using defaults',
    });
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const where = path ? `${path}.${key}` : key;
    const inner = shapeOf(schema);
    if (inner) {
      out[key] = parseObject(inner, record[key], where, problems);
      continue;
    }
    const parsed = schema.safeParse(record[key]);
    if (parsed.success) {
      out[key] = parsed.data;
    } else {
      out[key] = schema.parse(undefined);
      problems.push({
        what: `${where}: ${describe(record[key])} is not valid (${parsed.error.issues[0]?.message ?? 'invalid'})`,
        fallback: `reset to ${describe(out[key])}`,
      });
    }
  }
  for (const key of Object.keys(record)) {
    if (!(key in shape))
      problems.push({
        what: `${path ? `${path}.` : ''}${key}: unknown setting`,
        fallback: 'ignored',
      });
  }
  return out;
}

/**
 * Reads settings from anything (storage, an imported file): every usable field
 * is kept, every broken one falls back to its default and is reported.
 */
export function parseSettings(raw: unknown): ParsedSettings {
  const found: Problem[] = [];
  const value = parseObject(shapeOf(settingsSchema)!, raw ?? {}, '', found);
  return {
    settings: settingsSchema.parse(value),
    problems: found.map((p) => `${p.what}; ${p.fallback}`),
  };
}

/**
 * What is wrong in a value, without what reading it would do about it: for an
 * import, which is refused whole ("reset to …" would contradict "unchanged").
 */
export function invalidSettings(raw: unknown): string[] {
  const found: Problem[] = [];
  parseObject(shapeOf(settingsSchema)!, raw ?? {}, '', found);
  return found.map((p) => p.what);
}

export const defaultSettings: Settings = settingsSchema.parse({ categories: {} });
