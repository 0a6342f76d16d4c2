import { isUtf8 } from 'node:buffer';
import type { InputFile } from '../../schemas/consultation.js';
import { AbortError, InputError } from '../errors.js';
import { throwIfAborted } from '../stage.js';
import type { ReadContext } from './source.js';

/** An encoding the decoder can read; `utf-8?` is UTF-8 that falls back to Windows-1252. */
export type TextEncoding = 'utf-8' | 'utf-8?' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Always decode in streaming mode: besides carrying partial characters across chunks, it
 * avoids Node 20's one-shot fast path for windows-1252, which decodes bytes 0x80-0x9F as if
 * they were ISO-8859-1 (so `“€”` would come out as C1 control characters).
 */
const STREAM = { stream: true } as const;

/** Bytes looked at to detect the encoding and binary content. */
const SAMPLE_BYTES = 8192;

/**
 * Detects the encoding of a file from its first bytes: a byte-order mark, else UTF-16 by the
 * pattern of NUL bytes, else `utf-8?` (UTF-8 while the bytes are valid UTF-8, then
 * Windows-1252). Returns a reason instead when the bytes look binary.
 */
export function detectEncoding(sample: Uint8Array): TextEncoding | { binary: string } {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  const utf16 = detectUtf16(sample);
  if (utf16) return utf16;
  const binary = findBinaryContent(sample);
  return binary ? { binary } : 'utf-8?';
}

/** UTF-16 without a BOM: mostly-Latin text has a NUL in nearly every other byte. */
function detectUtf16(sample: Uint8Array): TextEncoding | undefined {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNuls++;
    if (sample[i + 1] === 0) oddNuls++;
  }
  if (oddNuls >= pairs * 0.4 && evenNuls <= pairs * 0.05) return 'utf-16le';
  if (evenNuls >= pairs * 0.4 && oddNuls <= pairs * 0.05) return 'utf-16be';
  return undefined;
}

const SIGNATURES: [string, number[]][] = [
  ['it starts like a ZIP archive, e.g. an .xlsx or .docx file', [0x50, 0x4b, 0x03, 0x04]],
  ['it starts like a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['it starts like an old Office file, e.g. an .xls file', [0xd0, 0xcf, 0x11, 0xe0]],
  ['it starts like a gzip archive', [0x1f, 0x8b]],
];

/** Why the sample looks binary (NUL bytes, many control characters), or undefined for text. */
export function findBinaryContent(sample: Uint8Array): string | undefined {
  for (const [reason, bytes] of SIGNATURES) {
    if (bytes.every((byte, i) => sample[i] === byte)) return reason;
  }
  let nuls = 0;
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) nuls++;
    // Tab, line feed, vertical tab, form feed, carriage return and escape occur in text.
    else if ((byte < 0x20 && (byte < 0x09 || byte > 0x0d) && byte !== 0x1b) || byte === 0x7f) {
      controls++;
    }
  }
  const kb = Math.ceil(sample.length / 1024);
  if (nuls > 0) return `${nuls} NUL bytes in the first ${kb} KB`;
  if (controls > sample.length * 0.1) {
    return `${controls} control characters in the first ${kb} KB; if it is UTF-16 text without a byte-order mark, set its encoding`;
  }
  return undefined;
}

/** Maps the config's encoding names to TextDecoder labels. */
function decoderEncoding(spec: InputFile['encoding']): TextEncoding | undefined {
  return spec === 'latin1' ? 'windows-1252' : spec;
}

/**
 * Streams the text of a file, decoded and with line ends normalised to `\n`. Throws an
 * InputError for an empty or binary file and an AbortError when the signal fires.
 * @param encoding the configured encoding; default: detected by {@link detectEncoding}.
 */
export async function* decodeText(
  ctx: ReadContext,
  encoding?: InputFile['encoding'],
): AsyncGenerator<string> {
  const newlines = createNewlineNormaliser();
  let decoder: ChunkDecoder | undefined;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of readChunks(ctx)) {
    let bytes = chunk;
    if (!decoder) {
      // Hold chunks back until there are enough bytes to detect the encoding.
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < SAMPLE_BYTES) continue;
      bytes = Buffer.concat(pending);
      pending = [];
      decoder = openDecoder(ctx, bytes, encoding);
    }
    const text = newlines.push(decoder.decode(bytes));
    if (text) yield text;
  }
  let tail = '';
  if (!decoder) {
    const name = ctx.source.name;
    if (pendingBytes === 0) throw new InputError(`${name}: the file is empty`, name);
    const bytes = Buffer.concat(pending);
    decoder = openDecoder(ctx, bytes, encoding);
    tail = decoder.decode(bytes);
  }
  const text = newlines.push(tail + decoder.end(), true);
  if (text) yield text;
}

/**
 * Reads a whole text file into one string, for formats parsed as a whole (JSON, documents).
 * Throws an InputError when it holds nothing but whitespace.
 */
export async function readText(
  ctx: ReadContext,
  encoding?: InputFile['encoding'],
): Promise<string> {
  const chunks: string[] = [];
  for await (const chunk of decodeText(ctx, encoding)) chunks.push(chunk);
  const text = chunks.join('');
  const name = ctx.source.name;
  if (!text.trim()) throw new InputError(`${name}: the file is empty`, name);
  return text;
}

/** Reads the raw bytes of a file as Buffers, counting them and honouring the abort signal. */
export async function* readChunks(ctx: ReadContext): AsyncGenerator<Buffer> {
  const stream = ctx.source.open();
  try {
    for await (const chunk of stream) {
      throwIfAborted(ctx.signal, 'Ingest');
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      ctx.onBytes(buffer.length);
      yield buffer;
    }
  } catch (error) {
    if (error instanceof AbortError || error instanceof InputError) throw error;
    const name = ctx.source.name;
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`${name}: cannot be read (${reason})`, name, undefined, { cause: error });
  } finally {
    stream.destroy();
  }
}

/** Reads a whole file into one Buffer (for formats that cannot be streamed, like XLSX). */
export async function readAllBytes(ctx: ReadContext): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of readChunks(ctx)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

interface ChunkDecoder {
  /** Decodes the next bytes of the file. */
  decode(chunk: Buffer): string;
  end(): string;
}

function openDecoder(
  ctx: ReadContext,
  head: Buffer,
  configured: InputFile['encoding'],
): ChunkDecoder {
  const name = ctx.source.name;
  const detected = detectEncoding(head.subarray(0, SAMPLE_BYTES));
  const chosen = decoderEncoding(configured);
  // Only UTF-16, detected or configured, may be full of NUL bytes.
  const encoding = chosen ?? (typeof detected === 'string' ? detected : undefined);
  if (typeof detected === 'object' && !encoding?.startsWith('utf-16')) {
    throw new InputError(`${name}: looks like a binary file, not text (${detected.binary})`, name);
  }
  if (encoding === undefined) throw new Error('unreachable: no encoding for a text file');
  ctx.logger.debug(`${name}: reading as ${encoding === 'utf-8?' ? 'UTF-8' : encoding}`);
  return encoding === 'utf-8?' ? createFallbackDecoder(ctx) : createDecoder(encoding);
}

function createDecoder(encoding: Exclude<TextEncoding, 'utf-8?'>): ChunkDecoder {
  const decoder = new TextDecoder(encoding);
  return {
    decode: (chunk) => decoder.decode(chunk, STREAM),
    end: () => decoder.decode(),
  };
}

/**
 * UTF-8 while the bytes are valid UTF-8, Windows-1252 from the first byte that is not. A file
 * that is ASCII up to that point decodes exactly as if it had been Windows-1252 throughout.
 */
function createFallbackDecoder(ctx: ReadContext): ChunkDecoder {
  const utf8 = new TextDecoder('utf-8');
  const cp1252 = new TextDecoder('windows-1252');
  let carry: Buffer = Buffer.alloc(0);
  let fallback = false;
  let sawNonAscii = false;
  let offset = 0;
  return {
    decode(chunk) {
      if (fallback) return cp1252.decode(chunk, STREAM);
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const complete = bytes.length - incompleteUtf8Tail(bytes);
      if (isUtf8(bytes.subarray(0, complete))) {
        carry = Buffer.from(bytes.subarray(complete));
        const text = utf8.decode(bytes.subarray(0, complete), STREAM);
        sawNonAscii ||= text.length !== complete;
        offset += complete;
        return text;
      }
      fallback = true;
      const valid = validUtf8Prefix(bytes);
      const head = utf8.decode(bytes.subarray(0, valid), STREAM);
      sawNonAscii ||= head.length !== valid;
      const name = ctx.source.name;
      if (sawNonAscii) {
        ctx.logger.warn(
          `${name}: not valid UTF-8 at byte ${offset + valid}; read the rest as Windows-1252 (the file mixes encodings)`,
        );
      } else ctx.logger.debug(`${name}: not UTF-8; reading as Windows-1252`);
      return head + cp1252.decode(bytes.subarray(valid), STREAM);
    },
    end: () => (carry.length && !fallback ? cp1252.decode(carry, STREAM) : '') + cp1252.decode(),
  };
}

/** Length of the longest prefix of `bytes` that is complete, valid UTF-8. */
function validUtf8Prefix(bytes: Uint8Array): number {
  const complete = (length: number) => length - incompleteUtf8Tail(bytes.subarray(0, length));
  let low = 0;
  let high = bytes.length;
  // Validity of prefixes is monotone, so binary search for the longest valid one.
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (isUtf8(bytes.subarray(0, complete(mid)))) low = mid;
    else high = mid - 1;
  }
  return complete(low);
}

/** Length of an incomplete UTF-8 sequence at the end of `bytes` (0 to 3). */
export function incompleteUtf8Tail(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let i = end - 1; i >= Math.max(0, end - 3); i--) {
    const byte = bytes[i] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return end - i < needed ? end - i : 0;
  }
  return 0;
}

/** Turns `\r\n` and lone `\r` into `\n`, also when a `\r\n` is split across chunks. */
function createNewlineNormaliser(): { push(text: string, last?: boolean): string } {
  let heldCr = false;
  return {
    push(text, last = false) {
      let out = heldCr ? `\r${text}` : text;
      heldCr = !last && out.endsWith('\r');
      if (heldCr) out = out.slice(0, -1);
      return out.includes('\r') ? out.replace(/\r\n?/g, '\n') : out;
    },
  };
}
