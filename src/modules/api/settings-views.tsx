/** The publication settings form (/admin/settings): every group an admin may change, one page. */
import type { Staff } from '../accounts/index.js';
import { Notices, type Notice } from '../newsroom/notices.js';
import { adminPage, type Look } from '../newsroom/shell.js';
import type { PublicationSettings } from '../settings/service.js';
import { Check, Field, Select } from './form-fields.js';
import { decimalOf } from '../revenue/amount.js';

export function settingsPage(look: Look | null, staff: Staff, s: PublicationSettings, notice: Notice = {}): string {
  const money = (amount: number) => decimalOf(amount, s.support.currency);
  return adminPage({
    look,
    staff,
    title: 'Settings',
    active: 'settings',
    children: (
      <form method="post" action="/admin/settings" class="admin-form staff-settings">
        <Notices notice={notice} />
        <h2>Publication</h2>
        <Field name="name" label="Name" value={s.name} />
        <Field name="tagline" label="Tagline" value={s.tagline} />
        <Field name="description" label="Description" value={s.description} />
        <Field name="logoMediaId" label="Logo (media id)" value={s.logoMediaId ?? ''} hint="The id of an image in the media library; empty for the name in type." />
        <Field name="accentColor" label="Accent colour" value={s.accentColor} type="color" />
        <h2>Language and time</h2>
        <Field name="locale" label="Locale" value={s.locale} hint="A BCP 47 tag, such as en-GB or fr-FR." />
        <Field name="timeZone" label="Time zone" value={s.timeZone} hint="An IANA zone, such as Europe/London." />
        <Field name="pageSize" label="Stories per listing page" value={s.pageSize} type="number" min={5} max={100} />
        <h2>Ads in articles</h2>
        <Select
          name="ads.source"
          label="Fill ad slots with"
          value={s.ads.source}
          options={[
            ['house', 'House ads (from Ads in this admin)'],
            ['thirdParty', 'A third-party ad tag'],
            ['off', 'Nothing: no ad slots'],
          ]}
        />
        <Field name="adRule.everyParagraphs" label="A slot after every N paragraphs" value={s.adRule.everyParagraphs} type="number" min={1} max={50} />
        <Field name="adRule.notBeforeParagraph" label="Never before paragraph" value={s.adRule.notBeforeParagraph} type="number" min={1} max={50} />
        <Field name="adRule.maxSlots" label="At most this many slots" value={s.adRule.maxSlots} type="number" min={0} max={20} />
        <Field name="ads.frequencyCap" label="Show one house ad to one visitor at most (times a day, 0 = no cap)" value={s.ads.frequencyCap} type="number" min={0} max={1000} />
        <Select
          name="ads.emptySlots"
          label="A slot with no ad to show"
          value={s.ads.emptySlots}
          options={[
            ['reserve', 'Keeps its space'],
            ['collapse', 'Takes no space'],
          ]}
        />
        <Field name="ads.thirdPartyScript" label="Third-party ad tag (script address)" value={s.ads.thirdPartyScript} hint="An https address; loaded only after consent where it is needed, non-personalised for readers who opted out." />
        <h2>Reader support</h2>
        <Field name="support.currency" label="Currency" value={s.support.currency.toUpperCase()} hint="A three-letter code, such as USD or EUR." />
        <Field name="support.presets" label="Preset amounts" value={s.support.presets.map(money).join(', ')} hint="Up to six amounts, separated by commas, such as 5, 10, 25." />
        <Field name="support.minimumAmount" label="Smallest amount" value={money(s.support.minimumAmount)} />
        <Field name="support.maximumAmount" label="Largest amount" value={money(s.support.maximumAmount)} />
        <Field name="support.pitchHeading" label="Pitch heading" value={s.support.pitchHeading} hint="{name} becomes the publication's name." />
        <Field name="support.pitchText" label="Pitch text" value={s.support.pitchText} />
        <Check name="support.adFreeForSupporters" label="Supporters see no ads" checked={s.support.adFreeForSupporters} />
        <h2>Newsletters</h2>
        <Field name="newsletters.briefingHour" label="Send the daily briefing at (hour, 0–23; empty: by hand only)" value={s.newsletters.briefingHour ?? ''} type="number" min={0} max={23} />
        <Field name="newsletters.batchSize" label="Recipients per sending batch" value={s.newsletters.batchSize} type="number" min={1} max={1000} />
        <h2>Privacy</h2>
        <Select
          name="privacy.consentBanner"
          label="Ask for consent before ads and cookies"
          value={s.privacy.consentBanner}
          options={[
            ['off', 'No consent banner'],
            ['euUk', 'Visitors from the EU, EEA and UK (and where the country is unknown)'],
            ['everyone', 'Every visitor'],
          ]}
        />
        <Select
          name="privacy.deletedComments"
          label="When a reader deletes their account, their comments"
          value={s.privacy.deletedComments}
          options={[
            ['anonymise', 'Stay, shown as by a former reader'],
            ['remove', 'Are removed'],
          ]}
        />
        <h2>Comments</h2>
        <Check name="comments.openByDefault" label="New articles are open for comments" checked={s.comments.openByDefault} />
        <Field name="comments.autoCloseDays" label="Close comments after (days, 0 = never)" value={s.comments.autoCloseDays} type="number" min={0} max={3650} />
        <Check name="comments.preModeration" label="Hold every comment for a moderator" checked={s.comments.preModeration} />
        <p>
          <button type="submit">Save settings</button>
        </p>
      </form>
    ),
  });
}
