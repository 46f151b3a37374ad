/**
 * The contract between the HTTP layer and the per-source origins: an origin is a pure function from a parsed
 * request to a complete reply. Keeping origins free of sockets lets faults reuse the real reply (a truncated
 * body needs the real bytes) and lets the server record the status it actually sent in one place.
 */
import { STATUS_CODES } from 'node:http';

/** A parsed request as an origin sees it. */
export interface OriginRequest {
  method: string;
  /** path as sent, still percent-encoded */
  path: string;
  query: URLSearchParams;
  /** lower-cased header names */
  headers: Record<string, string>;
}

/** A complete answer; the body is always text because every stored source is text. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Answers one request for one source. Must not throw for any input a client can send. */
export type Origin = (request: OriginRequest) => Reply;

export const CONTENT_TYPE = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  wiki: 'text/x-wiki; charset=UTF-8',
} as const;

/** A reply with the given body and content type. */
export function textReply(status: number, body: string, contentType: string = CONTENT_TYPE.text): Reply {
  return { status, headers: { 'content-type': contentType }, body };
}

/** A JSON reply; the value is serialised here so origins never hand-write JSON. */
export function jsonReply(status: number, value: unknown, extraHeaders: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': CONTENT_TYPE.json, ...extraHeaders }, body: JSON.stringify(value) };
}

/** The "<status> <reason phrase>" text used where a source's own error page is not worth imitating. */
export function statusLine(status: number): string {
  return `${status} ${STATUS_CODES[status] ?? 'Unknown'}`;
}

/** The robots.txt served when a test does not provide one: everything allowed. */
export const DEFAULT_ROBOTS_TXT = 'User-agent: *\nAllow: /\n';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Decodes percent-encoding (and `+` as space when `plusIsSpace`), returning the input unchanged when it is
 * malformed: a client sending a broken escape must get a 404, not crash the server.
 */
export function safeDecode(text: string, plusIsSpace = false): string {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, ' ') : text);
  } catch {
    return text;
  }
}
