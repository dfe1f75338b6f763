import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

interface FileButtonProps {
  children: ComponentChildren;
  /** The file input's accessible name (tests and assistive tools find it by this). */
  label: string;
  accept: string;
  multiple?: boolean;
  onFiles(files: File[]): void;
}

/**
 * A button that opens the file picker. The input itself is hidden: the button is the
 * one control, so keyboard users meet one tab stop, not two with one name.
 */
export function FileButton({
  children,
  label,
  accept,
  multiple = false,
  onFiles,
}: FileButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        {children}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        multiple={multiple}
        hidden
        aria-label={label}
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          // Cleared so that choosing the same file again, after fixing it, reads it again.
          e.currentTarget.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </>
  );
}
