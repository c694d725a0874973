/**
 * RFC 8785 canonical JSON: the one byte sequence of a value that is signed and hashed. One
 * implementation for the whole project, the dataset package's (it refuses values JSON cannot hold).
 */
export { canonicalJson, canonicalBytes } from '@originlink/dataset';
