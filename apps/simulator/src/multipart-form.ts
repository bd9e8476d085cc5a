import { RequestBodyError } from './request-body.js';

/** One part of a multipart/form-data body. */
export interface MultipartPart {
  /** The form field name. */
  readonly name: string;
  /** Set for file fields. */
  readonly filename: string | undefined;
  readonly contentType: string | undefined;
  readonly data: Buffer;
}

const HEADER_END = Buffer.from('\r\n\r\n');

function readBoundary(contentType: string | undefined): string {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) {
    throw new RequestBodyError('Expected a multipart/form-data body.', 400);
  }
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new RequestBodyError('The multipart/form-data body names no boundary.', 400);
  return boundary;
}

function parsePartHeaders(text: string): { name: string; filename: string | undefined; contentType: string | undefined } {
  let disposition = '';
  let contentType: string | undefined;
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const header = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (header === 'content-disposition') disposition = value;
    else if (header === 'content-type') contentType = value;
  }
  const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) throw new RequestBodyError('A multipart part has no Content-Disposition name.', 400);
  const filename = /(?:^|;)\s*filename="([^"]*)"/i.exec(disposition)?.[1];
  return { name, filename, contentType };
}

/**
 * Parses a multipart/form-data body (RFC 7578) as fetch's FormData encodes it, which is how both
 * official SDKs upload files. Throws a {@link RequestBodyError} (400) on anything malformed.
 */
export function parseMultipartForm(body: Buffer, contentType: string | undefined): MultipartPart[] {
  const boundary = readBoundary(contentType);
  const delimiter = Buffer.from(`--${boundary}`);
  const nextDelimiter = Buffer.from(`\r\n--${boundary}`);
  const parts: MultipartPart[] = [];

  let position = body.indexOf(delimiter);
  if (position < 0) throw new RequestBodyError('The multipart/form-data body does not contain its boundary.', 400);
  position += delimiter.length;
  for (;;) {
    // After a delimiter: `--` closes the body, CRLF opens the next part.
    if (body.subarray(position, position + 2).toString('latin1') === '--') return parts;
    if (body.subarray(position, position + 2).toString('latin1') !== '\r\n') {
      throw new RequestBodyError('Malformed multipart/form-data delimiter.', 400);
    }
    const headersStart = position + 2;
    const headersEnd = body.indexOf(HEADER_END, headersStart);
    if (headersEnd < 0) throw new RequestBodyError('A multipart part has no end of headers.', 400);
    const headers = parsePartHeaders(body.subarray(headersStart, headersEnd).toString('utf8'));
    const dataStart = headersEnd + HEADER_END.length;
    const dataEnd = body.indexOf(nextDelimiter, dataStart);
    if (dataEnd < 0) throw new RequestBodyError('The multipart/form-data body is not closed by its boundary.', 400);
    parts.push({ ...headers, data: body.subarray(dataStart, dataEnd) });
    position = dataEnd + nextDelimiter.length;
  }
}
