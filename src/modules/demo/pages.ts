/**
 * The demo publication's standing pages. They are written to be realistic starting points for a
 * small newsroom, not legal advice; a real publication should have its own reviewed by counsel.
 */
import { a, b, h2, p, ul } from './blocks.js';
import type { DemoPage } from './types.js';

const CONTACT = 'privacy@civicledger.example';

const privacyPolicy: DemoPage = {
  slug: 'privacy-policy',
  title: 'Privacy Policy',
  body: [
    p(
      'The Civic Ledger is a nonprofit newsroom. We collect as little information about our readers as we can while still running a website, a comments section, a newsletter and a membership programme. This page explains what we collect, why, who else sees it and what you can do about it. It applies to civicledger.example and the emails we send.',
    ),
    h2('What we collect'),
    ul(
      [b('Server logs.'), ' Like every website, our servers record each request: the page, the time, your browser’s user agent and your IP address. We use these logs to keep the site running and to stop abuse. They are deleted after 14 days, and IP addresses are not used to build profiles of readers.'],
      [b('Comments.'), ' If you create an account to comment, we store your display name, email address and the comments you post. Your email address is never shown publicly.'],
      [b('Newsletter.'), ' If you subscribe, we store your email address and which newsletters you chose. We do not track whether you open our emails or which links you click.'],
      [b('Memberships and donations.'), ' Payments are processed by Stripe. We receive your name, email address, the amount and the status of your membership. We never see or store your full card number; Stripe handles it under its own privacy policy.'],
      [b('Messages you send us.'), ' Tips, letters and corrections requests are kept as long as needed to respond and to maintain our reporting records.'],
    ),
    h2('Cookies'),
    p(
      'By default we set only essential cookies: one that keeps you signed in if you have an account, and one that protects forms against cross-site request forgery. We do not use advertising cookies, cross-site trackers or third-party analytics scripts. We count page views on our own server, without cookies, to understand which stories readers find useful.',
    ),
    h2('What we do not do'),
    ul(
      'We do not sell your personal information, and we do not share it with advertisers or data brokers.',
      'We do not let third parties place tracking code on our pages.',
      'We do not use your data to target you with advertising, on our site or anywhere else.',
    ),
    h2('Global Privacy Control'),
    p(
      'We honour the Global Privacy Control (GPC) signal. If your browser or extension sends it, we treat it as a request to opt out of any sale or sharing of your personal information and apply that choice automatically, without asking you to sign in. See ',
      a('Do Not Sell or Share My Personal Information', '/do-not-sell'),
      ' for details.',
    ),
    h2('Your rights'),
    p(
      'Wherever you live, you can ask us for a copy of the personal information we hold about you, ask us to correct it or ask us to delete it. Signed-in readers can export their account data and delete their account from the account page; deletion removes your email address and replaces your name on past comments with “Former reader.” We may keep payment records for as long as tax law requires.',
    ),
    h2('Contact'),
    p(
      'Questions or requests about privacy go to ',
      a(CONTACT, `mailto:${CONTACT}`),
      '. We answer within 30 days, usually much sooner. If we change this policy in a way that matters, we will say so at the top of this page and in our newsletter.',
    ),
  ],
};

const termsOfUse: DemoPage = {
  slug: 'terms-of-use',
  title: 'Terms of Use',
  body: [
    p(
      'These terms govern your use of The Civic Ledger’s website, newsletters and comments. By using the site you agree to them. We have tried to write them in plain language; if anything is unclear, write to us at ',
      a('hello@civicledger.example', 'mailto:hello@civicledger.example'),
      '.',
    ),
    h2('Our journalism'),
    p(
      'Everything we publish is free to read. You may share links to our stories anywhere. Other publishers may republish our articles free of charge under our republishing guidelines, which require crediting The Civic Ledger and the author, linking to the original story and not editing the text except for style or length. Photographs and illustrations credited to other people or organisations are not included in that permission.',
    ),
    p(
      'We work hard to be accurate. When we make a mistake, we correct it and note the correction at the bottom of the story. Our journalism is provided for information, and is not legal, financial or medical advice.',
    ),
    h2('Accounts'),
    ul(
      'You must be at least 13 years old to create an account.',
      'Keep your sign-in details private; you are responsible for activity on your account.',
      'You may close your account at any time from the account page.',
    ),
    h2('Comments'),
    p(
      'Comments are meant for civil discussion of our reporting. You keep ownership of what you write, but you give us permission to display, moderate and remove it. We may edit a comment only to remove personal information or illegal material, and we will not change its meaning. We do not allow:',
    ),
    ul(
      'Personal attacks, harassment, threats or slurs.',
      'Spam, advertising or repeated off-topic posts.',
      'Sharing someone else’s private information.',
      'Impersonating another person, including our staff.',
      'Content that infringes someone’s copyright or is otherwise unlawful.',
    ),
    p(
      'Moderators may remove comments or suspend accounts that break these rules. If you think we made a mistake, reply to the moderation email and a person will review it.',
    ),
    h2('Memberships'),
    p(
      'Memberships and donations support our work and do not buy editorial influence. Recurring memberships renew automatically until you cancel, which you can do at any time from your account page or by emailing us. Because we are a nonprofit, contributions may be tax-deductible; we will send a receipt for each payment.',
    ),
    h2('Changes and liability'),
    p(
      'We may update these terms from time to time and will note the date of the latest change on this page. To the extent the law allows, we are not liable for indirect damages arising from your use of the site. These terms are governed by the laws of the Commonwealth of Pennsylvania.',
    ),
  ],
};

const doNotSell: DemoPage = {
  slug: 'do-not-sell',
  title: 'Do Not Sell or Share My Personal Information',
  body: [
    p(
      'Several US states, including California, Colorado, Connecticut, Virginia and a growing list of others, give residents the right to tell a business not to sell their personal information, or to share it for cross-context behavioural advertising, which means using what you do on one site to target ads to you on another. Some of those laws also cover targeted advertising and profiling more broadly.',
    ),
    p(
      b('The Civic Ledger does not sell or share personal information, and never has.'),
      ' We do not run advertising trackers, we do not work with data brokers, and we do not pass reader data to advertisers. But we think you should not have to take our word for it, and you should not have to live in a particular state to exercise the choice. So we offer the opt-out to every reader.',
    ),
    h2('How to opt out'),
    ul(
      [b('Use the control on this page.'), ' The one-click opt-out control appears on this page, below this text. Choosing it records your preference in an essential cookie on this browser, and on your account if you are signed in, so it follows you across devices.'],
      [b('Send a Global Privacy Control signal.'), ' We honour Global Privacy Control (GPC). If your browser or a privacy extension sends the GPC signal, we treat it as a valid opt-out request for that browser automatically. You do not need to do anything else, and we will not ask you to confirm it.'],
      [b('Write to us.'), ' Email ', a(CONTACT, `mailto:${CONTACT}`), ' with the subject “Do not sell or share” and we will apply the opt-out to any account associated with your email address.'],
    ),
    h2('What opting out changes'),
    p(
      'Because we do not sell or share personal information today, opting out will not change what you see on our site. What it does is bind us: if we ever considered a partnership that would involve selling or sharing reader data, your recorded opt-out would exclude you from it, and we would be required to honour it under the laws that apply to us.',
    ),
    h2('Authorised agents and verification'),
    p(
      'You may ask someone else to submit an opt-out for you. We do not need to verify your identity to honour an opt-out request, since it only limits what we can do with your data. For requests to access or delete your data, we will confirm your identity by sending a message to the email address on your account before acting.',
    ),
    h2('No penalty for opting out'),
    p(
      'We will never charge you a different price, offer you a different level of service or treat you differently because you exercised a privacy right. Read more in our ',
      a('Privacy Policy', '/privacy-policy'),
      '.',
    ),
  ],
};

const about: DemoPage = {
  slug: 'about',
  title: 'About The Civic Ledger',
  body: [
    p(
      'The Civic Ledger is an independent, nonprofit newsroom covering Millbrook and the Larrow Valley. We report on the city council and the school board, the statehouse in Harrisburg, the river and the climate that is changing it, and the music, theatre and books that make this a good place to live.',
    ),
    p(
      'We were founded after the valley’s daily newspaper closed its local desk, leaving no reporter assigned full-time to city hall for the first time in more than a century. Today a staff of seven reporters and editors does that work, supported by readers.',
    ),
    h2('What we believe'),
    ul(
      'Local news is a public good. Everything we publish is free to read, with no paywall.',
      'Readers deserve to know how we work. We link to our sources and documents and we correct our mistakes in public.',
      'A newsroom should answer to its community. We have no owners and no advertisers to please, and our donors have no say over our coverage.',
    ),
    h2('How we are funded'),
    p(
      'Most of our budget comes from reader memberships, with the rest from local foundations and an annual fundraising event. We publish a list of every donor who gives more than $1,000 a year. ',
      'To become a member, write to ',
      a('members@civicledger.example', 'mailto:members@civicledger.example'),
      '.',
    ),
    h2('Get in touch'),
    p(
      'Send tips to ',
      a('tips@civicledger.example', 'mailto:tips@civicledger.example'),
      ', corrections to ',
      a('corrections@civicledger.example', 'mailto:corrections@civicledger.example'),
      ', and everything else to ',
      a('hello@civicledger.example', 'mailto:hello@civicledger.example'),
      '.',
    ),
  ],
};

export const demoPages: DemoPage[] = [privacyPolicy, termsOfUse, doNotSell, about];
