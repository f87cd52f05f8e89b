import type { IncomingMessage } from 'node:http';

export class PayloadTooLarge extends Error {}

/** How much of an oversized body is drained (so the client can read our 413) before the socket is cut. */
const DRAIN_FACTOR = 64;

/**
 * Reads a request body up to `limit` bytes. A larger body is not kept: it is drained so the
 * client can read the refusal, and the promise rejects with PayloadTooLarge.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit * DRAIN_FACTOR) req.destroy();
    });
    req.on('end', () => (size > limit ? reject(new PayloadTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('close', () => {
      if (size > limit) reject(new PayloadTooLarge());
    });
    req.on('error', reject);
  });
}
