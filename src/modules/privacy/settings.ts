/**
 * Privacy as publication settings (settings.privacy): the consent banner and what account
 * deletion does with the reader's comments.
 */
import { Type, type Static } from '@sinclair/typebox';

export const PrivacySettingsSchema = Type.Object({
  /** off: no banner; euUk: visitors the geo header places in the EU, EEA or UK; everyone. */
  consentBanner: Type.Union([Type.Literal('off'), Type.Literal('euUk'), Type.Literal('everyone')]),
  /** On account deletion: comments kept as "[deleted reader]", or removed. */
  deletedComments: Type.Union([Type.Literal('anonymise'), Type.Literal('remove')]),
});
export type PrivacySettings = Static<typeof PrivacySettingsSchema>;

export const defaultPrivacySettings: PrivacySettings = {
  consentBanner: 'off',
  deletedComments: 'anonymise',
};
