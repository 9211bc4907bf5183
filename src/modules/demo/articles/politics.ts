/** Demo articles of the Politics section (original, fictional reporting about Millbrook). */
import { ILLUSTRATION, a, b, h2, ol, p, pull, quote, ul } from '../blocks.js';
import type { DemoArticle } from '../types.js';

const heatShutoffBill: DemoArticle = {
  slug: 'senate-passes-heat-shutoff-protections',
  headline: 'State Senate passes bill barring utility shutoffs during extreme heat',
  standfirst:
    'The measure would stop electric and water companies from disconnecting households for unpaid bills while a heat advisory is in effect, but its fate in the House is less certain.',
  section: 'politics',
  authors: [{ slug: 'daniel-reyes' }, { slug: 'priya-raman', role: 'Additional reporting by' }],
  tags: ['statehouse', 'heat', 'housing', 'energy'],
  dateline: 'Harrisburg, Pa.',
  publishedHoursAgo: 9,
  hero: {
    art: { scene: 'capitol', palette: ['#a7cbe0', '#4f7f5c', '#c0392b', '#26384a'], seed: 5503 },
    caption: 'The bill passed the Senate with support from both parties and now goes to the House.',
    credit: ILLUSTRATION,
    alt: 'Illustration of a state capitol building with a green dome, white columns and a red flag, framed by trees under a blue sky.',
    focalY: 0.45,
  },
  body: [
    p(
      'The state Senate voted 38–12 late yesterday to prohibit electric, gas and water utilities from shutting off service to residential customers for non-payment on any day the National Weather Service has issued a heat advisory or excessive heat warning for their county.',
    ),
    p(
      'Similar protections already exist in the winter: state rules limit shutoffs of heating service between December and March. But there is no comparable rule for summer, even as heat has become the deadliest kind of extreme weather in the United States.',
    ),
    p('The bill’s central provision is brief:'),
    quote(
      'No public utility shall terminate residential electric, natural gas or water service for non-payment on any day for which a heat advisory or excessive heat warning is in effect for the county in which the service is located, or on the day immediately following.',
      'Senate Bill 1187, Section 2',
    ),
    p(
      'Sen. Lorraine Hatcher, a Democrat whose district includes most of Millbrook, wrote the bill after a 71-year-old Eastgate man died in his apartment two summers ago, four days after his electricity was disconnected over a $312 balance. The county coroner ruled the death heat-related.',
    ),
    pull(
      'Nobody should die in this state over a power bill during a heat wave. That is the whole bill. That is all it does.',
      'State Sen. Lorraine Hatcher',
    ),
    h2('Who supports it and who does not'),
    p(
      'The bill drew votes from 14 Republicans, many of them from rural districts served by electric cooperatives. Sen. Dale Strickland, a Republican from the northern part of the county, said he had been persuaded by constituents who rely on electric pumps for well water. “When the power goes, so does the water,” he said.',
    ),
    p(
      'The association representing investor-owned utilities opposed the bill, arguing that a blanket moratorium would let some customers build up large debts that are eventually spread across everyone else’s rates. The group said it supported expanding assistance programmes instead.',
    ),
    p(
      'Consumer advocates said that concern was overstated. In states with similar rules, shutoffs are delayed, not cancelled, and utilities can still collect once the advisory ends. “This is about timing,” said Rosalind Marsh of the Valley Energy Justice Project. “It asks companies to wait a few days.”',
    ),
    p(
      'The House Consumer Protection Committee has not scheduled a hearing. Its chairman, Rep. Marcus Bell, said through a spokesperson that he was “reviewing the Senate’s work.” The legislative session ends June 30.',
    ),
    p(
      'If you are behind on a utility bill, the state’s ',
      a('utility assistance programmes', 'https://example.org/pa/utility-assistance'),
      ' may be able to help, and most utilities will set up a payment plan if you call before a shutoff notice arrives.',
    ),
  ],
};

const floodGrants: DemoArticle = {
  slug: 'federal-flood-grants-stall-valley-projects',
  headline: 'Federal flood-prevention grants stall in Congress, leaving three valley projects in limbo',
  standfirst:
    'Millbrook and two neighbouring towns have spent years preparing applications for money that may not arrive before the next big storm.',
  section: 'politics',
  authors: [{ slug: 'daniel-reyes' }],
  tags: ['flooding', 'infrastructure', 'climate-change'],
  dateline: 'Washington DC',
  publishedHoursAgo: 120,
  hero: {
    art: { scene: 'capitol', palette: ['#c9d6e3', '#8fa39a', '#2f5d8a', '#2e3440'], seed: 6607 },
    caption: 'Funding for the grant programme is tied up in a dispute over the broader spending bill.',
    credit: ILLUSTRATION,
    alt: 'Illustration of a domed government building with columns and long wings, seen from a lawn and a wide path, with clouds in a pale sky.',
  },
  body: [
    p(
      'A federal grant programme that pays communities to prevent flood damage before it happens has been frozen for seven months by a standoff in Congress, and three projects in the Larrow Valley that were counting on it are now on hold.',
    ),
    p(
      'The Community Flood Resilience programme, run by the Federal Emergency Management Agency, was created to fund levees, culverts, buyouts of repeatedly flooded homes and other work that reduces the cost of future disasters. Its money is included in an appropriations bill that has stalled amid a broader fight over spending levels.',
    ),
    h2('What is waiting'),
    ul(
      [b('Millbrook:'), ' $14.2 million to replace undersized culverts on Tanner Creek, which overflowed into the Riverside neighbourhood twice last year.'],
      [b('Harlow Township:'), ' $3.8 million to buy out and demolish 19 homes that have flooded at least three times since 2004.'],
      [b('Kessock Borough:'), ' $6.1 million to raise a half-mile stretch of River Road that cuts off the borough’s only fire station when it floods.'],
    ),
    p(
      'All three applications were scored and recommended for funding last year, according to letters obtained by The Civic Ledger. Final approval requires the money to be appropriated.',
    ),
    p(
      '“We did everything they asked. We hired the engineers, we did the cost-benefit analysis, we held the public meetings,” said Millbrook’s public works director, Aaron Feldt. “And now the answer is: wait.”',
    ),
    h2('The politics in Washington'),
    p(
      'The valley’s representative in the House, Rep. Colleen Mahaffey, said she had asked the chamber’s leaders to pass the disaster-related portions of the bill separately. She acknowledged that request had not gained traction. “Flood money should not be a bargaining chip,” she said in an interview in her office. “But it is, right now.”',
    ),
    p(
      'A spokesperson for the House Appropriations Committee said negotiations were continuing and that members of both parties supported the programme. The spokesperson declined to give a timeline.',
    ),
    p(
      'Budget analysts have long argued that prevention spending saves money. A widely cited study by the National Institute of Building Sciences estimated that every dollar spent on federal mitigation grants saved about six dollars in future disaster costs.',
    ),
    p(
      'For Feldt, the math is more immediate. The Tanner Creek culverts are rated in poor condition. “If we get a storm like last April’s before this gets fixed,” he said, “we will spend more cleaning up than the project would have cost.”',
    ),
  ],
};

const primaryQuestions: DemoArticle = {
  slug: 'primary-election-questions-answered',
  headline: 'Your questions about the May primary, answered',
  standfirst:
    'Here is who can vote, how to get a mail ballot, where to go on election day and what is actually on the ballot in Millbrook this spring.',
  section: 'politics',
  authors: [{ slug: 'daniel-reyes' }, { slug: 'grace-whitfield' }],
  tags: ['elections', 'explainer', 'statehouse', 'city-council'],
  dateline: 'Millbrook',
  publishedHoursAgo: 150,
  hero: {
    art: { scene: 'classroom', palette: ['#dfe6ec', '#2f5d6e', '#d98c3a', '#2a2f3a'], seed: 7701 },
    caption: 'Many of Millbrook’s polling places are in school buildings.',
    credit: ILLUSTRATION,
    alt: 'Illustration of a school classroom with a chalkboard, hanging lamps, a window and rows of desks, of the kind used as a polling place.',
  },
  body: [
    p(
      'We asked readers what they wanted to know about the primary election. More than 200 of you wrote in. These are the questions we heard most often, with answers checked against state law and the Larrow County elections office. Rules can change; when in doubt, call the county.',
    ),
    h2('Can I vote in the primary?'),
    p(
      'Pennsylvania holds closed primaries, which means only voters registered with a party can vote in that party’s races for offices such as mayor, council or the state House. Voters who are unaffiliated or registered with a minor party can still vote on any ballot questions, which this year include a city charter amendment.',
    ),
    h2('How do I vote by mail?'),
    ol(
      'Apply online through the state’s voter services site or in person at the county elections office. The deadline to apply is one week before election day.',
      'When the ballot arrives, fill it in with blue or black ink and seal it in the inner secrecy envelope.',
      'Put that envelope in the outer return envelope, then sign and date the declaration on the back. Undated envelopes have led to rejected ballots.',
      'Return it by mail or at one of the county’s drop boxes. It must arrive by 8 p.m. on election day; a postmark is not enough.',
    ),
    h2('What is on the ballot?'),
    ul(
      'Mayor: Elena Ortega is seeking a second term and faces one challenger in the Democratic primary. Two candidates are running in the Republican primary.',
      'City Council: four of nine district seats, including the open Riverside seat.',
      'State House: the 104th and 107th districts both have contested primaries.',
      'Ballot question: a charter amendment to create an independent office of inspector general for city contracts.',
    ),
    p(
      'The charter amendment is the one item every registered voter can weigh in on. A yes vote would create an inspector general, appointed to a six-year term and removable only for cause, with the power to audit city contracts and subpoena records. A no vote keeps the current system, in which the city controller reviews contracts after they are signed.',
    ),
    h2('Where do I vote in person?'),
    p(
      'Your polling place is printed on your voter registration card and listed on the county website. Three Millbrook precincts have new locations this year because of school renovations. Polls are open from 7 a.m. to 8 p.m.; anyone in line at 8 p.m. can vote.',
    ),
    h2('Do I need ID?'),
    p(
      'Only if you are voting at a polling place for the first time. First-time voters can use a driver’s licence, a utility bill, a bank statement or several other documents that show their name and address.',
    ),
    h2('What if something goes wrong at the polls?'),
    p(
      'If your name is not in the poll book, ask to vote by provisional ballot; it will be counted once the county confirms you are eligible. If you requested a mail ballot but never returned it, bring the ballot and both envelopes to your polling place so poll workers can void it and let you vote in person. You can report problems to the county elections office, whose phone line is open until polls close.',
    ),
    p(
      'Have another question? ',
      a('Send it to our newsroom', 'mailto:elections@civicledger.example'),
      ' and we will add answers to this guide through election day.',
    ),
  ],
};

const countyTax: DemoArticle = {
  slug: 'county-weighs-first-property-tax-increase-in-eleven-years',
  headline: 'Larrow County weighs its first property-tax increase in eleven years',
  standfirst:
    'Commissioners say rising jail and emergency-dispatch costs leave them little choice; farmers in the county’s rural townships say they are already stretched.',
  section: 'politics',
  authors: [{ slug: 'maya-okafor' }],
  tags: ['budget', 'agriculture'],
  dateline: 'Millbrook',
  publishedHoursAgo: 300,
  hero: {
    art: { scene: 'fields', palette: ['#a9d3e3', '#6f9a3a', '#e6b84a', '#2e4a22'], seed: 8803 },
    caption: 'Farmland makes up more than half of Larrow County’s taxable acreage but a much smaller share of its assessed value.',
    credit: ILLUSTRATION,
    alt: 'Illustration of rolling farmland with striped crop rows in the foreground, a red barn and silo, and a line of trees under a summer sky.',
  },
  body: [
    p(
      'The three Larrow County commissioners signalled this week that they will propose raising the county property-tax rate by 0.6 mills next year, an increase of about $84 a year on a home assessed at $140,000.',
    ),
    p(
      'It would be the first increase since 2014. Commissioners have balanced recent budgets by drawing down reserves, which the county’s finance director said would fall below two months of operating expenses by the end of the year without new revenue.',
    ),
    p(
      'Most of the pressure comes from two places. The county jail’s medical contract will cost $2.9 million more next year after the only bidder raised its price. And the county’s 911 centre needs to replace its radio system, which the manufacturer will stop supporting in 2027.',
    ),
    p(
      '“Nobody up here wants to raise taxes,” said Commissioner Ruth Kalinowski. “But we cannot run a jail without doctors or a 911 centre without radios.”',
    ),
    p(
      'At a crowded public meeting in the county courthouse, several farmers said the increase would hit them harder than homeowners in Millbrook. Because Pennsylvania allows farmland to be taxed on its agricultural use rather than its market value, the effect on most farms would be modest. But farm families pay full rates on their houses and outbuildings.',
    ),
    p(
      '“Corn is four dollars, fertiliser is up, and now this,” said Dale Hartsock, who grows grain and raises beef cattle in Harlow Township. “It adds up.”',
    ),
    p(
      'Commissioner Bernard Szabo said the county would look for savings before the final vote, including sharing dispatch services with a neighbouring county. The preliminary budget will be published in November, with a final vote in December.',
    ),
  ],
};

export const politicsArticles: DemoArticle[] = [heatShutoffBill, floodGrants, primaryQuestions, countyTax];
