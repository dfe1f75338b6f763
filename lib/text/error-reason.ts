/** What a failure says of itself, for the messages that tell the reader what went wrong. */
export function errorReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
