/**
 * What an attached file really is, from its bytes: the name and the browser's declared type are
 * whatever the uploader says, so an executable renamed "quyet-dinh.pdf" must be caught here.
 * Pure (no I/O), for the upload route, the CSV import and the tests alike.
 */

export const MAX_DOCUMENT_FILE_BYTES = 20 * 1024 * 1024;

export type DocumentFileKind = 'pdf' | 'doc' | 'docx' | 'xls' | 'xlsx' | 'odt' | 'ods' | 'zip';

export const FILE_KINDS: Record<DocumentFileKind, { mime: string; label: string }> = {
  pdf: { mime: 'application/pdf', label: 'PDF' },
  doc: { mime: 'application/msword', label: 'Word (DOC)' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word (DOCX)' },
  xls: { mime: 'application/vnd.ms-excel', label: 'Excel (XLS)' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel (XLSX)' },
  odt: { mime: 'application/vnd.oasis.opendocument.text', label: 'OpenDocument (ODT)' },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', label: 'OpenDocument (ODS)' },
  zip: { mime: 'application/zip', label: 'ZIP' },
};

export const FILE_MESSAGES = {
  noFile: 'Hãy chọn một tệp để đính kèm.',
  tooLarge: 'Tệp quá lớn: mỗi tệp tối đa 20 MB.',
  badName: 'Tên tệp phải có đuôi .pdf, .doc, .docx, .xls, .xlsx, .odt, .ods hoặc .zip.',
  executable: 'Tệp này là một chương trình chạy được, không phải văn bản: không nhận.',
  mismatch: (label: string) => `Nội dung tệp không phải ${label} như đuôi tên tệp cho biết: không nhận.`,
} as const;

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((byte, i) => bytes[offset + i] === byte);

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];

/** Windows PE ("MZ"), ELF, Mach-O, and scripts that start with "#!". */
function isExecutable(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, [0x4d, 0x5a]) ||
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(bytes, [0x23, 0x21])
  );
}

/**
 * A ZIP's family from the names in its local headers (stored uncompressed): an OpenDocument file
 * starts with an uncompressed "mimetype" entry naming its type; Office Open XML holds
 * "word/…" or "xl/…" parts. Anything else is a plain ZIP.
 */
function zipKind(bytes: Uint8Array): DocumentFileKind {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  if (head.startsWith('mimetypeapplication/vnd.oasis.opendocument.text', 30)) return 'odt';
  if (head.startsWith('mimetypeapplication/vnd.oasis.opendocument.spreadsheet', 30)) return 'ods';
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (all.includes('word/document.xml')) return 'docx';
  if (all.includes('xl/workbook.xml')) return 'xlsx';
  return 'zip';
}

export type FileCheck = { ok: true; kind: DocumentFileKind; mime: string } | { ok: false; message: string; tooLarge?: boolean };

/** The extension of a file name, lower case, or '' when it has none. */
export function extensionOf(fileName: string): string {
  const match = /\.([a-z0-9]{1,5})$/i.exec(fileName.trim());
  return match ? match[1]!.toLowerCase() : '';
}

/**
 * Accepts a file when its content is the kind its extension promises. OLE2 cannot tell DOC from
 * XLS without parsing it, so an OLE2 file is accepted under either extension; a DOCX must hold a
 * Word part, an ODT its mimetype, and so on.
 */
export function checkDocumentFile(fileName: string, bytes: Uint8Array): FileCheck {
  if (bytes.byteLength === 0) return { ok: false, message: FILE_MESSAGES.noFile };
  if (bytes.byteLength > MAX_DOCUMENT_FILE_BYTES) return { ok: false, message: FILE_MESSAGES.tooLarge, tooLarge: true };
  const extension = extensionOf(fileName);
  if (!(extension in FILE_KINDS)) return { ok: false, message: FILE_MESSAGES.badName };
  const expected = extension as DocumentFileKind;
  if (isExecutable(bytes)) return { ok: false, message: FILE_MESSAGES.executable };

  let actual: DocumentFileKind | null = null;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) actual = 'pdf';
  else if (startsWith(bytes, OLE2)) actual = expected === 'xls' ? 'xls' : 'doc';
  else if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) actual = zipKind(bytes);

  const matches = actual === expected || (expected === 'zip' && actual !== null && ['docx', 'xlsx', 'odt', 'ods'].includes(actual));
  if (!matches) return { ok: false, message: FILE_MESSAGES.mismatch(FILE_KINDS[expected].label) };
  return { ok: true, kind: expected, mime: FILE_KINDS[expected].mime };
}

/** A file name safe to store and show: no folders, no control characters, at most 200 characters. */
export function cleanFileName(fileName: string): string {
  const base = fileName.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (cleaned.length <= 200) return cleaned;
  const extension = extensionOf(cleaned);
  return `${cleaned.slice(0, 190)}.${extension}`;
}

/**
 * RFC 6266 Content-Disposition: an ASCII fallback for old clients and the exact Vietnamese name
 * in `filename*` (RFC 5987 UTF-8 percent-encoding).
 */
export function contentDisposition(fileName: string, inline: boolean): string {
  const fallback = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** "1,2 MB", "340 KB": a size as people read it, in Vietnamese number format. */
export function formatFileSize(bytes: number): string {
  const format = (value: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(value);
  if (bytes >= 1024 * 1024) return `${format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${format(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/**
 * A Range header for a body of `size` bytes: the one range asked for, or null for the whole body,
 * or 'unsatisfiable'. Several ranges are answered with the whole body (allowed by RFC 9110).
 */
export function parseRange(header: string | null, size: number): { start: number; end: number } | null | 'unsatisfiable' {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from, to] = match;
  if (from === '' && to === '') return null;
  let start: number;
  let end: number;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(from);
    end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
