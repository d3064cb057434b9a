/**
 * Reading small JSON request bodies (SelfSubjectAccessReview, fault control). Bodies are
 * capped so a misbehaving client cannot make the simulator buffer without bound.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError, badRequest, failure } from './status.js';

const MAX_BODY_BYTES = 1024 * 1024;

/** Parse the body as JSON; an empty body is `undefined`. Malformed JSON answers 400. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) {
      throw new ApiError(failure(413, 'RequestEntityTooLarge', 'the request body is too large'));
    }
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ApiError(badRequest(`the request body is not valid JSON: ${(err as Error).message}`));
  }
}
