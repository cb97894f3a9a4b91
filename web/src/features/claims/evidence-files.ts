/**
 * The server's evidence rules (src/services/claims/evidence.ts), checked before sending so a
 * member learns at once that a file will be refused instead of after a long upload. The server
 * checks again, and also the bytes each type must start with.
 */
export const maxEvidenceFiles = 20;
export const maxEvidenceFileBytes = 10 * 1024 * 1024;
const allowedTypes: Readonly<Record<string, string>> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };
export const evidenceAccept = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** The type the server will see: the browser's, or (when it has none) the one of the file's extension. */
export function evidenceType(file: File): string | undefined {
  const declared = file.type.toLowerCase();
  if (Object.values(allowedTypes).includes(declared)) return declared;
  if (declared !== '') return undefined;
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : allowedTypes[extension];
}

export type FileProblem = 'type' | 'size' | 'empty';

export function fileProblem(file: File): FileProblem | undefined {
  if (evidenceType(file) === undefined) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > maxEvidenceFileBytes) return 'size';
  return undefined;
}

/** A size as people read it: 512 KB, 3.4 MB (binary units, as the 10 MiB limit). */
export function formatFileSize(size_bytes: number, locale: string): string {
  const format = (value: number, unit: string) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
  if (size_bytes < 1024) return format(size_bytes, 'B');
  if (size_bytes < 1024 * 1024) return format(size_bytes / 1024, 'KB');
  return format(size_bytes / 1024 / 1024, 'MB');
}
