/**
 * The control for the load event: an extension with the same content-script
 * entries as the build (same matches, frames and run_at) whose scripts and styles
 * are empty files: what injecting anything costs (Chromium gives each frame an
 * isolated world for it, and holds the load event back for a script injected at
 * document_end or document_idle). Measuring against this control leaves only what
 * Backstory's own code adds.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod/mini';

const manifestSchema = z.object({
  manifest_version: z.literal(3),
  version: z.string(),
  content_scripts: z
    .array(
      z.object({
        matches: z.array(z.string()),
        all_frames: z.optional(z.boolean()),
        run_at: z.optional(z.string()),
        js: z._default(z.array(z.string()), []),
        css: z._default(z.array(z.string()), []),
      }),
    )
    .check(z.minLength(1)),
});

/** Writes the control into a fresh temporary folder and returns its path. */
export function writeEmptyContentScriptExtension(builtDir: string): string {
  const path = join(builtDir, 'manifest.json');
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${path} has no content scripts to copy: ${parsed.error.message}`);
  }
  const built = parsed.data;
  const dir = mkdtempSync(join(tmpdir(), 'backstory-empty-content-script-'));
  for (const entry of built.content_scripts) {
    for (const file of [...entry.js, ...entry.css]) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), '');
    }
  }
  const manifest = {
    manifest_version: 3,
    name: 'Empty content script (bench control)',
    version: built.version,
    content_scripts: built.content_scripts,
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}
