import { errorReason } from '../text/error-reason';

export type FileText = { ok: true; text: string } | { ok: false; problem: string };

/**
 * The text of a file the user chose. Reading can fail after the choice (the file was moved,
 * changed or is not readable), and then the user is told which file and why.
 */
export async function readFileText(file: Blob & { name: string }): Promise<FileText> {
  try {
    return { ok: true, text: await file.text() };
  } catch (error) {
    const reason = errorReason(error);
    return { ok: false, problem: `“${file.name}” could not be read (${reason}).` };
  }
}
