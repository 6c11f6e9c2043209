// Request-body parsing for the loopback Telegram Bot API simulator: JSON, urlencoded, query
// strings and multipart/form-data (parsed by hand, leniently, the way telegraf sends it).
import type { IncomingMessage } from 'node:http';

/** One uploaded file from a multipart body (the bytes are kept so tests can inspect them). */
export interface SimUploadedFile {
  filename: string;
  bytes: number;
  contentType?: string;
  data: Buffer;
}

/** One part of a multipart/form-data body. */
export interface MultipartPart {
  name: string;
  filename?: string;
  headers: Record<string, string>;
  data: Buffer;
}

/** Parsed request parameters: plain values (strings from forms, any JSON from JSON bodies) and files. */
export interface ParsedParams {
  params: Record<string, unknown>;
  files: Record<string, SimUploadedFile>;
}

/** Thrown when a request body cannot be read or parsed; carries the Bot API status and description. */
export class BodyError extends Error {
  /** Builds a body error with the HTTP status to answer. */
  constructor(readonly status: number, description: string) {
    super(description);
  }
}

/** Reads the whole request body, refusing (413) anything above maxBytes. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      total += chunk.length;
      if (total > maxBytes) {
        failed = true;
        reject(new BodyError(413, 'Request Entity Too Large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks, total));
    });
    req.on('error', (err) => {
      if (!failed) {
        failed = true;
        reject(err);
      }
    });
  });
}

/** Extracts the boundary parameter of a multipart content type, quoted or not. */
export function multipartBoundary(contentType: string): string | undefined {
  const m = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Splits header parameters like `form-data; name="a"; filename="b.csv"` into a lower-cased map. */
export function headerParams(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(value)) !== null) {
    const key = (m[1] ?? '').toLowerCase();
    let v = (m[2] ?? '').trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    if (key.endsWith('*')) {
      // RFC 5987: charset'lang'percent-encoded
      const ext = /^[^']*'[^']*'(.*)$/.exec(v);
      try {
        out[key.slice(0, -1)] = decodeURIComponent(ext ? (ext[1] ?? '') : v);
      } catch {
        out[key.slice(0, -1)] = v;
      }
    } else if (!(key in out)) {
      out[key] = v;
    }
  }
  return out;
}

/** Parses a multipart/form-data body; tolerant of LF-only line ends, missing closing delimiter and `name:value` headers without a space. */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delim = Buffer.from(`--${boundary}`, 'latin1');
  // Find every delimiter that starts a line.
  const starts: number[] = [];
  let from = 0;
  for (;;) {
    const i = body.indexOf(delim, from);
    if (i < 0) break;
    if ((i === 0 || body[i - 1] === 0x0a) && isDelimiterEnd(body, i + delim.length)) starts.push(i);
    from = i + delim.length;
  }
  if (starts.length === 0) throw new BodyError(400, 'Bad Request: multipart boundary not found');
  const parts: MultipartPart[] = [];
  for (let k = 0; k < starts.length; k++) {
    const at = starts[k] as number;
    let p = at + delim.length;
    if (body[p] === 0x2d && body[p + 1] === 0x2d) break; // closing delimiter
    while (p < body.length && (body[p] === 0x20 || body[p] === 0x09)) p++;
    if (body[p] === 0x0d && body[p + 1] === 0x0a) p += 2;
    else if (body[p] === 0x0a) p += 1;
    let end = k + 1 < starts.length ? (starts[k + 1] as number) : body.length;
    // Strip the line end that belongs to the next delimiter.
    if (k + 1 < starts.length) {
      if (body[end - 1] === 0x0a) end--;
      if (body[end - 1] === 0x0d) end--;
    }
    if (end < p) end = p;
    const part = parsePart(body.subarray(p, end));
    if (part) parts.push(part);
  }
  return parts;
}

/** A delimiter is `--boundary` followed by `--`, or by optional spaces and a line end (or the end of the body). */
function isDelimiterEnd(body: Buffer, p: number): boolean {
  if (body[p] === 0x2d && body[p + 1] === 0x2d) return true;
  while (p < body.length && (body[p] === 0x20 || body[p] === 0x09)) p++;
  return p >= body.length || body[p] === 0x0d || body[p] === 0x0a;
}

function parsePart(raw: Buffer): MultipartPart | undefined {
  let headerEnd: number;
  let bodyStart: number;
  if (raw[0] === 0x0d && raw[1] === 0x0a) {
    headerEnd = 0;
    bodyStart = 2;
  } else if (raw[0] === 0x0a) {
    headerEnd = 0;
    bodyStart = 1;
  } else {
    const crlf = raw.indexOf('\r\n\r\n');
    const lf = raw.indexOf('\n\n');
    if (crlf >= 0 && (lf < 0 || crlf <= lf)) {
      headerEnd = crlf;
      bodyStart = crlf + 4;
    } else if (lf >= 0) {
      headerEnd = lf;
      bodyStart = lf + 2;
    } else {
      headerEnd = raw.length;
      bodyStart = raw.length;
    }
  }
  const headers: Record<string, string> = {};
  for (const line of raw.subarray(0, headerEnd).toString('utf8').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const disposition = headers['content-disposition'];
  if (disposition === undefined) return undefined;
  const dp = headerParams(disposition);
  const name = dp['name'];
  if (name === undefined) return undefined;
  const part: MultipartPart = { name, headers, data: raw.subarray(bodyStart) };
  if (dp['filename'] !== undefined) part.filename = dp['filename'];
  return part;
}

function mergeSearchParams(target: Record<string, unknown>, sp: URLSearchParams): void {
  for (const [k, v] of sp) target[k] = v;
}

/** Parses query string plus body (JSON, urlencoded or multipart) into one parameter map; body wins over query. */
export function parseParams(query: URLSearchParams, contentType: string | undefined, body: Buffer): ParsedParams {
  const params: Record<string, unknown> = {};
  const files: Record<string, SimUploadedFile> = {};
  mergeSearchParams(params, query);
  const ct = (contentType ?? '').toLowerCase();
  if (body.length === 0) return { params, files };
  if (ct.startsWith('application/json') || (ct === '' && body[0] === 0x7b)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new BodyError(400, "Bad Request: can't parse JSON object");
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new BodyError(400, 'Bad Request: JSON object expected');
    }
    Object.assign(params, parsed as Record<string, unknown>);
  } else if (ct.startsWith('application/x-www-form-urlencoded')) {
    mergeSearchParams(params, new URLSearchParams(body.toString('utf8')));
  } else if (ct.startsWith('multipart/form-data')) {
    const boundary = multipartBoundary(contentType ?? '');
    if (boundary === undefined) throw new BodyError(400, 'Bad Request: multipart boundary is missing');
    for (const part of parseMultipart(body, boundary)) {
      if (part.filename !== undefined) {
        const file: SimUploadedFile = { filename: part.filename, bytes: part.data.length, data: Buffer.from(part.data) };
        const ctype = part.headers['content-type'];
        if (ctype !== undefined) file.contentType = ctype;
        files[part.name] = file;
      } else {
        params[part.name] = part.data.toString('utf8');
      }
    }
  }
  return { params, files };
}
