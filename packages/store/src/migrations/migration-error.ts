/**
 * Why the migrator refused to run. Not a StoreError: retrying never helps, an operator must act
 * (restore the edited migration file, upgrade the binary, fix a file name).
 */

export const migrationErrorCodes = [
  /** An applied migration's file changed since it was applied. */
  'checksum-mismatch',
  /** The database has a migration this version does not know (it was migrated by a newer version). */
  'unknown-migration',
  /** A migration is pending although a later one is already applied. */
  'out-of-order',
  /** A .sql file in the migrations folder is not named NNNN_name.sql, or two share a number. */
  'bad-file',
] as const;
export type MigrationErrorCode = (typeof migrationErrorCodes)[number];

export class MigrationError extends Error {
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}
