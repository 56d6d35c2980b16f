import type { Result } from '../result.js';

/** A bookmark of the PDF, flattened: its title and depth (1 = top level). */
export interface OutlineEntry {
  title: string;
  level: number;
}

export interface PdfText {
  /** Text of each page, page 1 first. */
  pages: string[];
  /** The bookmarks, flattened in reading order. */
  outline: OutlineEntry[];
  /** Pages without a text layer (scanned images) that were skipped. */
  emptyPages: number;
}

export interface PdfReadOptions {
  signal?: AbortSignal;
  /** Called after each batch of pages with pages read so far and the page count. */
  onPages?: (done: number, total: number) => void;
}

/**
 * Reads a PDF's page texts and bookmarks. Files that are not PDFs, need a password or are scans
 * without a text layer are expected failures (BAD_FILE with what to do); aborting gives CANCELLED.
 * The rules library holds only the rules of structure, chunking and search; the reading lives in an
 * adapter (src/readers/).
 */
export interface PdfReader {
  read(bytes: Uint8Array, fileName: string, options?: PdfReadOptions): Promise<Result<PdfText>>;
}
