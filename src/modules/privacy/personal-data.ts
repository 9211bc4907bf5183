/**
 * The contract between the privacy module (data export and account deletion) and every module
 * that keeps personal data about a reader. Each such module provides one source; the privacy
 * module gathers them, so a new module with personal data is one source and one line in app.ts.
 */

/** The reader whose data is exported or erased. */
export interface DataSubject {
  userId: number;
  email: string;
}

export interface ErasureOptions {
  /** What happens to the reader's comments (settings.privacy.deletedComments). */
  comments: 'anonymise' | 'remove';
}

export interface PersonalDataSource {
  /** The key of this source's part of the export ("comments", "supportPayments" …). */
  name: string;
  /** Everything this module keeps about the subject, as plain JSON-serialisable data. */
  export(subject: DataSubject): Promise<unknown>;
  /**
   * Removes the subject's personal data, or anonymises what must be kept (payment records the
   * law requires). Runs before the account row itself is deleted; must be safe to run twice.
   */
  erase(subject: DataSubject, options: ErasureOptions): Promise<void>;
}
