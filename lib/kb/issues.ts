/**
 * Zod issues as lines a person can act on. Apart from load.ts so the KB build can use it
 * before the generated files that load.ts bundles exist.
 */

/** Enough issues to locate a broken build without flooding a page. */
const MAX_ISSUES = 8;

export function describeIssues(
  issues: readonly { path: PropertyKey[]; message: string }[],
): string {
  const lines = issues
    .slice(0, MAX_ISSUES)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  if (issues.length > MAX_ISSUES) lines.push(`…and ${issues.length - MAX_ISSUES} more`);
  return lines.join('\n');
}
