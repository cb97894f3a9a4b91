import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures: `t=<unix seconds>,v1=<hex>` where the hex is HMAC-SHA256 with the shared
 * secret over `<t>.<raw body>`. The timestamp is inside the signed text, so an old delivery cannot
 * be replayed with a fresh timestamp; deliveries older than the tolerance are refused.
 */
export const signatureToleranceSeconds = 300;

function digest(secret: string | Uint8Array, timestamp_seconds: number, rawBody: string): Buffer {
  return createHmac('sha256', secret).update(`${timestamp_seconds}.${rawBody}`, 'utf8').digest();
}

export function signWebhook(secret: string | Uint8Array, rawBody: string, timestamp_seconds: number): string {
  return `t=${timestamp_seconds},v1=${digest(secret, timestamp_seconds, rawBody).toString('hex')}`;
}

/**
 * True when one of the header's v1 signatures (several during a secret rotation) matches and the
 * timestamp is within the tolerance of now, in either direction (clocks drift).
 */
export function verifyWebhookSignature(secret: string | Uint8Array, rawBody: string, header: string | undefined, now_seconds: number): boolean {
  if (typeof header !== 'string' || header.length > 1000) return false;
  let timestamp_seconds: number | undefined;
  const candidates: Buffer[] = [];
  for (const part of header.split(',')) {
    const [key, value, ...rest] = part.trim().split('=');
    if (rest.length > 0 || value === undefined) return false;
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value) || timestamp_seconds !== undefined) return false;
      timestamp_seconds = Number(value);
    } else if (key === 'v1') {
      if (!/^[0-9a-f]{64}$/.test(value)) return false;
      candidates.push(Buffer.from(value, 'hex'));
    }
  }
  if (timestamp_seconds === undefined || candidates.length === 0) return false;
  if (Math.abs(now_seconds - timestamp_seconds) > signatureToleranceSeconds) return false;
  const expected = digest(secret, timestamp_seconds, rawBody);
  // Compare every candidate, so the time taken does not tell which one matched.
  let matched = false;
  for (const candidate of candidates) if (candidate.length === expected.length && timingSafeEqual(candidate, expected)) matched = true;
  return matched;
}
