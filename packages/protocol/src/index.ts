/**
 * @originlink/protocol: the gateway-to-gateway protocol. Envelope and message kinds, JWS signing and
 * verification with pinned keys, message decoding, receipts, partner metadata, protocol error codes.
 * No database, no HTTP server.
 */
export * from './message-kinds.js';
export * from './envelope.js';
export * from './payloads.js';
export { canonicalJson, canonicalBytes } from './canonical.js';
export { digestPattern, sha256Digest, payloadDigest } from './digest.js';
export {
  signatureAlgorithms,
  isSignatureAlgorithm,
  isKeyValidAt,
  publicJwk,
  jwkThumbprint,
  displayFingerprint,
  type SignatureAlgorithm,
  type EcPublicJwk,
  type OkpPublicJwk,
  type PublicJwk,
  type PrivateJwk,
  type EcPrivateJwk,
  type OkpPrivateJwk,
  type PinnedKey,
  type ThumbprintInput,
} from './jwk.js';
export { generateSigningKey, createSigner, parsePrivateJwk, type Signer } from './signing-keys.js';
export { jwsType, signEnvelope, verifyEnvelopeSignature, type VerifyOptions, type VerifyResult, type SignatureFailureCode } from './jws.js';
export { createMessage, encodeMessage, checkPayload, isMessageOfKind, type CreateMessageInput, type PayloadCheck } from './messages.js';
export { decodeMessage, type DecodeContext, type DecodeResult } from './decode-message.js';
export { createReceipt, checkReceipt, type CreateReceiptInput, type ExpectedReceipt, type ReceiptCheck } from './receipts.js';
export {
  PartnerMetadataSchema,
  PublishedJwkSchema,
  buildMetadata,
  parseMetadata,
  type PartnerMetadata,
  type PublishedJwk,
  type MetadataInput,
  type MetadataResult,
} from './partner-metadata.js';
export { protocolCodes, isProtocolCode, type ProtocolCode, type ProtocolCodeSpec } from './protocol-codes.js';
export { protocolMessagesEn, protocolMessageEn } from './protocol-messages-en.js';
export { signStatement, verifyStatement, statementType, type StatementResult } from './signed-statement.js';
