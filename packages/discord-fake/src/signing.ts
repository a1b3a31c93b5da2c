/**
 * How Discord signs what it POSTs to an interactions endpoint: an Ed25519 key pair of the
 * application (here, the fake's own), `X-Signature-Ed25519` over `X-Signature-Timestamp`
 * followed by the raw body.
 */
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

export class Signer {
  /** The public key as the Developer Portal shows it: the raw 32 bytes, in hex. */
  readonly publicKeyHex: string;
  readonly #privateKey: KeyObject;

  constructor() {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    // An Ed25519 JWK's `x` is exactly the raw public key.
    const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
    this.publicKeyHex = raw.toString('hex');
    this.#privateKey = privateKey;
  }

  /** The two signature headers for `body`, timestamped now (Unix seconds) unless told. */
  headers(
    body: Buffer | string,
    timestamp = String(Math.floor(Date.now() / 1000)),
  ): Record<string, string> {
    const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), Buffer.from(body)]);
    return {
      'x-signature-ed25519': sign(null, signed, this.#privateKey).toString('hex'),
      'x-signature-timestamp': timestamp,
    };
  }
}
