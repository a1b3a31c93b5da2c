/**
 * Discord signs every request to an HTTP interactions endpoint with the application's
 * Ed25519 key: `X-Signature-Ed25519` is the signature of `X-Signature-Timestamp` followed
 * by the raw body, checked with the application's public key (Developer Portal → General
 * Information → Public Key, 32 bytes in hex). node:crypto does the cryptography.
 */
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** An Ed25519 public key is 32 bytes: 64 hexadecimal characters. */
export const PUBLIC_KEY_HEX = /^[0-9a-f]{64}$/i;
const SIGNATURE_HEX = /^[0-9a-f]{128}$/i;

/** SPKI DER for an Ed25519 key is this fixed header (OID 1.3.101.112) followed by the 32 bytes. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function publicKeyFromHex(hex: string): KeyObject {
  if (!PUBLIC_KEY_HEX.test(hex))
    throw new Error('an Ed25519 public key is 64 hexadecimal characters');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

/** True only for a well-formed signature of `timestamp + body` by `key`. */
export function isSignedBy(
  key: KeyObject,
  signatureHex: string,
  timestamp: string,
  body: Buffer,
): boolean {
  if (!SIGNATURE_HEX.test(signatureHex)) return false;
  return verify(
    null,
    Buffer.concat([Buffer.from(timestamp, 'utf8'), body]),
    key,
    Buffer.from(signatureHex, 'hex'),
  );
}
