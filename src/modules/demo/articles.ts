/**
 * The demo publication's articles. Everything here is original, fictional reporting about the
 * invented city of Millbrook, Pennsylvania, and its river, the Larrow. Any resemblance to real
 * people or institutions is accidental.
 */
import { a, b, embed, h2, i, img, ol, p, pull, quote, ul } from './blocks.js';
import type { DemoArticle } from './types.js';

const ILLUSTRATION = 'Illustration: The Civic Ledger';

// ---------------------------------------------------------------------------------------------
// Local

const councilBudget: DemoArticle = {
  slug: 'council-passes-budget-after-overnight-fight',
  headline: 'Council passes $412 million budget after overnight fight over police overtime and library hours',
  standfirst:
    'A 5–4 vote just before dawn restores Sunday library hours and trims police overtime, but leaves the argument over a hiring freeze for another day.',
  section: 'local',
  authors: [{ slug: 'maya-okafor' }, { slug: 'samuel-adeyemi', role: 'Additional reporting by' }],
  tags: ['city-council', 'budget', 'libraries'],
  dateline: 'Millbrook',
  publishedHoursAgo: 2,
  update: {
    hoursAgo: 1,
    kind: 'update',
    text: 'This article has been updated with a statement from Mayor Elena Ortega, who said she will sign the budget.',
  },
  hero: {
    art: { scene: 'skyline', palette: ['#f0a57a', '#4a5d7a', '#ffd27a', '#1f2a44'], seed: 1101 },
    caption: 'Office lights burned late downtown as the City Council debated the budget through the night.',
    credit: ILLUSTRATION,
    alt: 'Illustration of a city skyline at dusk, with lit office windows, water towers on the rooftops and street lamps along a road.',
    focalY: 0.6,
  },
  body: [
    p(
      'After nearly eleven hours of debate, public comment and two recesses that stretched past midnight, the Millbrook City Council voted 5–4 shortly before 5 a.m. to adopt a $412 million operating budget for the coming fiscal year, the largest in the city’s history.',
    ),
    p(
      'The spending plan, which takes effect July 1, restores Sunday hours at all four branches of the Millbrook Free Library, adds twelve positions to the parks department and cuts the police department’s overtime budget by $2.3 million, about 18 percent less than Mayor Elena Ortega proposed in March.',
    ),
    p(
      'It does not raise the property-tax rate. It does increase the city’s stormwater fee by $3.50 a month for a typical household, the first increase since the fee was created in 2016.',
    ),
    h2('How the vote came together'),
    p(
      'For most of the night the council appeared deadlocked. Council President Raymond Castellano, who wanted to keep the mayor’s overtime figure intact, twice called recesses to meet privately with members. The compromise that emerged around 3:30 a.m. moved $1.1 million of the overtime cut into a fund for the long-promised civilian crisis-response unit, which would send trained counselors rather than officers to some mental-health calls.',
    ),
    p(
      'That was enough to win over Councilmember Tomás Herrera, who had said earlier in the evening that he would not vote for “a budget that cuts public safety and calls it reform.” Herrera joined Denise Pryor, Aileen Marsh, Curtis Vandermolen and Joy Adebayo-Hart in the majority.',
    ),
    pull(
      'We found the money for Sunday hours by asking a simple question: what do people in this city actually use?',
      'Councilmember Denise Pryor',
    ),
    p(
      'Pryor, who represents the Eastgate and Riverside districts and led the push for library hours, said the change would cost about $640,000 a year. Branches have been closed on Sundays since 2020, when hours were cut during the pandemic and never restored.',
    ),
    h2('What is in the budget'),
    ul(
      [b('Libraries:'), ' Sunday hours restored at all four branches, plus two new children’s librarians.'],
      [b('Police:'), ' overtime reduced to $10.4 million; $1.1 million set aside for a civilian crisis-response pilot.'],
      [b('Parks:'), ' twelve new positions, most of them maintenance staff for the riverfront trails.'],
      [b('Stormwater:'), ' the monthly fee rises from $8 to $11.50 for a typical home, paying for culvert repairs in flood-prone neighbourhoods.'],
      [b('Reserves:'), ' the rainy-day fund stays at 9 percent of spending, below the 12 percent the city controller recommends.'],
    ),
    p(
      'Budget Director Kevin Bao told the council that the plan balances only because of a one-time transfer of $6.8 million from last year’s surplus, and warned that the city faces a gap of roughly $15 million next year if revenue growth slows. “This budget buys time,” he said. “It does not buy a solution.”',
    ),
    p(
      'The four members who voted no, including Castellano, said they objected to the overtime cut and to the use of reserves. Castellano predicted the police department would return to the council for more money before the year is out. “We will be back here in November, and everyone in this room knows it,” he said.',
    ),
    p(
      'More than 140 people signed up to speak during public comment, which ran until nearly 1 a.m. Most addressed the library hours or the crisis-response unit; a smaller group from the Riverside neighbourhood asked the council to speed up culvert repairs after last spring’s flooding.',
    ),
    p(
      'Ortega, who did not attend the meeting, said in a statement released at 7 a.m. that she would sign the budget “with gratitude and a few reservations,” and that she would ask the council to revisit the hiring freeze on non-emergency positions in the fall. ',
      a('Read the full budget document', 'https://example.org/millbrook/budget/adopted.pdf'),
      ' as adopted.',
    ),
  ],
};

const valleyLine: DemoArticle = {
  slug: 'valley-line-light-rail-delayed-again',
  headline: 'Valley Line light rail slips again; first trains now not expected until 2029',
  standfirst:
    'Transit officials blame a redesigned river crossing and a shortage of rail cars, while riders on the crowded Route 9 bus say they have heard it all before.',
  section: 'local',
  authors: [{ slug: 'samuel-adeyemi' }],
  tags: ['transit', 'infrastructure', 'downtown', 'budget'],
  dateline: 'Millbrook',
  publishedHoursAgo: 52,
  update: {
    hoursAgo: 27,
    kind: 'update',
    text: 'This article has been updated with the revised cost estimate that Millbrook Area Transit released after publication.',
  },
  hero: {
    art: { scene: 'transit', palette: ['#9fcbe0', '#5a8a5a', '#d6452f', '#243447'], seed: 2203 },
    caption: 'An artist’s impression of a Valley Line train on the elevated section planned near Front Street.',
    credit: ILLUSTRATION,
    alt: 'Illustration of a white light-rail train with a red stripe crossing an elevated concrete guideway in front of city buildings, with trees below.',
  },
  body: [
    p(
      'The Valley Line, the 9.4-mile light rail line meant to link downtown Millbrook with the Northside medical campus and the airport, will not carry passengers until the spring of 2029 at the earliest, Millbrook Area Transit told its board this week. That is two years later than the agency promised when construction began, and four years later than the date printed on the original campaign mailers.',
    ),
    p(
      'Rochelle Dunmore, the agency’s general manager, said two problems account for most of the delay. Engineers have had to redesign the bridge that carries the line over the Larrow River after soil borings found softer ground than expected beneath two of its piers. And the manufacturer building the line’s 14 rail cars has pushed back delivery after losing a supplier of traction motors.',
    ),
    p(
      '“I am not going to stand here and tell you the new date is guaranteed,” Dunmore said. “I will tell you it is based on what we know today, and that we will report to this board every month on whether we are holding it.”',
    ),
    h2('A timeline of promises'),
    ol(
      'Voters approve a half-cent sales tax for transit, with light rail “running by 2025.”',
      'Federal funding agreement signed; opening date set for late 2026.',
      'Construction begins on the downtown segment; opening moved to 2027.',
      'River-crossing redesign announced; agency says the 2027 date is “at risk.”',
      'This week: the board is told spring 2029, pending delivery of the rail cars.',
    ),
    p(
      'The revised estimate puts the project’s cost at $1.27 billion, up from $1.08 billion. Agency officials said federal grants would cover a portion of the increase, but did not say how much. The remainder would come from the sales-tax fund, which also pays for bus service.',
    ),
    p(
      'That worries riders like Deborah Nwosu, who takes the Route 9 bus from Eastgate to a nursing job on the Northside campus. The bus is scheduled every 12 minutes at rush hour; a Civic Ledger analysis of the agency’s own arrival data found that in the past year one in five trips ran more than ten minutes late.',
    ),
    p(
      '“They keep telling us the train is coming, and in the meantime the bus is what we have,” Nwosu said. “I would like them to fix the thing I am standing at today.”',
    ),
    p(
      'Dunmore said the agency would add two trips to Route 9 in the morning peak starting next month, and that it was studying signal priority at six intersections along Gable Avenue, where buses lose the most time.',
    ),
    p(
      'Board member Francine Oduya asked the agency to publish a monthly schedule-and-budget report for the project online. Dunmore agreed. The first is due at the board’s next meeting.',
    ),
  ],
};

const schoolStartTimes: DemoArticle = {
  slug: 'school-board-votes-later-start-times',
  headline: 'School board votes 5–4 to push high school start times to 8:30 a.m.',
  standfirst:
    'The change, backed by sleep researchers and most students who testified, means new bus routes, later sports practices and earlier mornings for elementary families.',
  section: 'local',
  authors: [{ slug: 'lena-kowalski' }],
  tags: ['schools', 'transit', 'public-health'],
  dateline: 'Millbrook',
  publishedHoursAgo: 20,
  update: {
    hoursAgo: 14,
    kind: 'correction',
    text: 'An earlier version of this article misstated the number of bus routes that will change. It is 23, not 32.',
  },
  hero: {
    art: { scene: 'classroom', palette: ['#e9dcc3', '#3f6b56', '#e0a43a', '#2c3440'], seed: 3307 },
    caption: 'High school classes in Millbrook will begin an hour later starting next fall.',
    credit: ILLUSTRATION,
    alt: 'Illustration of an empty classroom with rows of wooden desks facing a green chalkboard, a wall clock and a sunny window.',
  },
  body: [
    p(
      'Millbrook’s two public high schools will start classes at 8:30 a.m. next fall, an hour later than today, after the Millbrook Area School Board voted 5–4 at its meeting last night to approve a new bell schedule that has divided parents for more than a year.',
    ),
    p(
      'Middle schools will move from 8:05 to 8:45 a.m. To make the bus system work with the same number of drivers, elementary schools will start earlier, at 7:50 a.m. instead of 8:40. Twenty-three bus routes will change.',
    ),
    p(
      'Board President Nadia Farouk, who voted for the change, said the decision came down to evidence. Pediatricians’ groups have for years recommended that middle and high schools start no earlier than 8:30, citing research linking early starts to chronic sleep loss in teenagers, lower grades and more car crashes among young drivers.',
    ),
    pull(
      'I have fallen asleep in first period more times than I can count. It is not because I don’t care. It is because it is still dark.',
      'Imani Castro, a junior at Millbrook North High School',
    ),
    p(
      'About two dozen students spoke in favour of the change during the public-comment period. Opposition came mostly from parents of younger children, who said the earlier elementary start would force them to pay for before-school care or rearrange work shifts.',
    ),
    p('One letter, read aloud by board member Grant Osei, was signed by 61 elementary parents:'),
    quote(
      'We understand the research about teenagers. We are asking the board to understand our mornings, too. A 7:50 start means children waiting for buses at 7 a.m. in January, in the dark, on roads without sidewalks.',
      'Letter from parents at Lindell and Fairmount elementary schools',
    ),
    p(
      'Superintendent Harold Quince said the district would open free before-school programmes at all nine elementary schools, starting at 7 a.m., paid for with $420,000 from a state grant. He also said the district would add crossing guards at eleven stops identified as hazardous.',
    ),
    p(
      'Athletic directors warned that later dismissal, at 3:20 p.m., would push some games and practices into the evening and cause students to miss more class time for away games. The district said it would work with the league on schedules.',
    ),
    p(
      'The four members who voted no said they supported later starts in principle but wanted to wait a year to find a way to do it without moving elementary schools earlier. “We are solving one problem by creating another,” said board member Carol Peña.',
    ),
    p(
      'The new schedule takes effect on the first day of the next school year. The district said it would publish new bus routes by June 1.',
    ),
  ],
};

const farmersMarket: DemoArticle = {
  slug: 'farmers-market-moves-to-car-free-front-street',
  headline: 'Saturday farmers market will move to a car-free Front Street this summer',
  standfirst:
    'After 31 years in a parking lot, the market gets a riverfront home, twice the stalls and a pilot that closes four blocks to traffic every Saturday morning.',
  section: 'local',
  authors: [{ slug: 'samuel-adeyemi' }],
  tags: ['downtown', 'agriculture', 'larrow-river', 'city-council'],
  dateline: 'Millbrook',
  publishedHoursAgo: 100,
  hero: {
    art: { scene: 'market', palette: ['#bfe0ea', '#4c7a5a', '#d9534f', '#2d3440'], seed: 4409 },
    caption: 'The market will have room for as many as 80 vendors on Front Street.',
    credit: 'Illustration: Rosa Delgado / The Civic Ledger',
    alt: 'Illustration of a row of market stalls with red-and-white striped awnings, crates of fruit and vegetables, string lights and shoppers in front of a row of pastel-coloured buildings.',
  },
  body: [
    p(
      'For 31 years, the Millbrook Farmers Market has set up every Saturday in the municipal parking lot on Mill Street, squeezed between a bank drive-through and the back of a tyre shop. This summer it is moving to the river.',
    ),
    p(
      'The City Council’s transportation committee approved a pilot that will close Front Street between Gable Avenue and Canal Street to cars from 6 a.m. to 2 p.m. every Saturday from May through October. The market will occupy the street; the sidewalks and the riverfront plaza will stay open to walkers and cyclists.',
    ),
    p(
      'Bettina Alvarez, who has managed the market for nine years, said the Mill Street lot had room for 38 vendors and a waiting list of more than 50. Front Street can hold as many as 80. “We have farmers who have waited four seasons for a spot,” she said. “This year we can say yes to most of them.”',
    ),
    p(
      'Not everyone on Front Street is pleased. Owners of two restaurants that serve brunch said they worried customers would not be able to park. The city will open the Canal Street garage free of charge on Saturday mornings and add a temporary bike corral at each end of the closure.',
    ),
    p(
      'Harold Tibbs, whose family has sold apples and cider at the market since it opened, said he had mixed feelings about leaving the lot. “It’s ugly, but it’s ours,” he said. Then he looked at the renderings of the river. “All right. I will miss it for about a week.”',
    ),
    p(
      'The pilot will be evaluated in November. Council members said they would look at vendor sales, foot traffic counts and complaints from businesses before deciding whether to make it permanent.',
    ),
    p(
      'The market accepts SNAP benefits and will continue its programme that doubles the value of SNAP dollars spent on fruit and vegetables, up to $20 a week.',
    ),
  ],
};

// ---------------------------------------------------------------------------------------------
// Politics

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

// ---------------------------------------------------------------------------------------------
// Climate

const heatWave: DemoArticle = {
  slug: 'heat-index-cooling-centres-extend-hours',
  headline: 'Heat index to top 105 degrees; cooling centres extend hours through the weekend',
  standfirst:
    'Forecasters expect the hottest stretch of the year so far, with little relief overnight; here is where to cool off and who is most at risk.',
  section: 'climate',
  authors: [{ slug: 'priya-raman' }, { slug: 'samuel-adeyemi' }],
  tags: ['heat', 'public-health', 'libraries'],
  dateline: 'Millbrook',
  publishedHoursAgo: 5,
  update: {
    hoursAgo: 3,
    kind: 'update',
    text: 'This article has been updated: the Eastgate and Northside library branches will now stay open until 9 p.m. as cooling centres.',
  },
  hero: {
    art: { scene: 'skyline', palette: ['#f28c4a', '#7a4a3a', '#ffe08a', '#3a1f2a'], seed: 1207 },
    caption: 'Temperatures downtown are expected to stay above 80 degrees overnight.',
    credit: ILLUSTRATION,
    alt: 'Illustration of a city skyline under a hazy orange sky with a large, pale sun, dark buildings with lit windows and street lamps.',
  },
  body: [
    p(
      'The National Weather Service has issued an excessive heat warning for Larrow County from noon today through Sunday evening, with afternoon highs in the upper 90s and a heat index, which combines temperature and humidity, reaching 105 to 108 degrees.',
    ),
    p(
      'Just as dangerous, forecasters said, is the lack of relief at night. Overnight lows downtown are expected to stay near 80, which means homes without air conditioning will not cool down between days. Most heat deaths in past heat waves occurred indoors, among older people living alone.',
    ),
    h2('Where to cool off'),
    p('The city and county are operating these air-conditioned cooling centres. All are free, and no ID is required.'),
    ul(
      [b('Millbrook Free Library, Central branch'), ' (212 Canal St.): 9 a.m. to 9 p.m. daily.'],
      [b('Eastgate and Northside library branches:'), ' 10 a.m. to 9 p.m. daily.'],
      [b('Riverside Community Center'), ' (40 Tanner Way): open 24 hours through Sunday, with cots available.'],
      [b('Larrow County Senior Center'), ' (1180 Gable Ave.): 8 a.m. to 8 p.m.; free rides for people over 60 by calling the centre.'],
      [b('Route 9 and Route 14 buses'), ' are free through Sunday for anyone travelling to a cooling centre.'],
    ),
    h2('Who is most at risk'),
    p(
      'People over 65, infants and young children, outdoor workers, people with heart or lung disease, and people taking certain medications are most vulnerable. So are people who are homeless. Dr. Amara Lindgren, the county’s health officer, urged residents to check on neighbours twice a day.',
    ),
    p(
      '“Heat illness can move fast,” she said. “Confusion, a racing heartbeat, hot dry skin or fainting mean call 911. Do not wait to see if it passes.”',
    ),
    p(
      'A Civic Ledger analysis of county emergency data found that calls for heat-related illness more than doubled during last July’s heat wave compared with an average summer week, and that the Riverside and Eastgate neighbourhoods, which have the least tree cover in the city, accounted for 40 percent of those calls.',
    ),
    p(
      'The Millbrook Area School District said summer programmes would end at noon on Friday, and the city has closed outdoor pools after 5 p.m. because lifeguards cannot safely work in the afternoon heat. Splash pads will remain open until dusk.',
    ),
    p(
      'The state Senate passed a bill this week that would bar utility shutoffs for non-payment during heat warnings, but it is not yet law. If you are behind on a bill, call your utility and ask for a payment arrangement before a shutoff notice arrives. If your power goes out, report it and go to a cooling centre.',
    ),
  ],
};

const longRoad: DemoArticle = {
  slug: 'the-long-road-to-the-river',
  headline: 'The long road to the river',
  standfirst:
    'Fifty years after the Larrow ran orange with mill waste, Millbrook is about to open its first public beach since 1961, thanks to a shelf of jars, a lawsuit, a very large sewer bill and a great many volunteers with coolers.',
  section: 'climate',
  authors: [{ slug: 'priya-raman' }, { slug: 'samuel-adeyemi', role: 'Data analysis by' }],
  tags: ['larrow-river', 'climate-change', 'flooding', 'public-health'],
  dateline: 'Millbrook',
  publishedHoursAgo: 96,
  hero: {
    art: { scene: 'river', palette: ['#b7d7e2', '#5f8f4e', '#f2c46a', '#23402f'], seed: 1309 },
    caption: 'Volunteers have paddled and sampled the Larrow every summer week since 2008.',
    credit: ILLUSTRATION,
    alt: 'Illustration of a winding river running through green banks toward distant hills, with two people paddling a yellow canoe and trees along both shores.',
    focalY: 0.6,
  },
  body: [
    p(
      'At a quarter past six on a July morning, Jonah Whitcomb walked into the Larrow River up to his knees, unscrewed the cap of a sterile plastic bottle and held it under the surface with his arm fully extended, the way he has done perhaps two thousand times. He counted to three, lifted the bottle out, capped it and wrote the time on its label with a grease pencil. “You reach out so you do not sample yourself,” he said, wading back to the gravel bar below the Canal Street bridge. “Whatever is on your legs is not what is in the river.”',
    ),
    p(
      'The bottle went into a cooler with eleven others, each from a different spot along a 14-mile stretch of the river, collected that morning by a rotating crew of about 120 volunteers: retirees, high school biology students, a pair of off-duty nurses, a fly-fishing guide. By noon a lab at the county health department would begin counting the bacteria in them. By the following afternoon the results would be posted on a website that swimmers, paddlers and anglers check the way other people check the weather.',
    ),
    p(
      'For most of the past century, nobody would have bothered. The Larrow was a river you crossed, not one you entered. Now, for the first time since 1961, the city is preparing to open a public swimming beach on its banks, at a former coal yard in the Riverside neighbourhood that has been reshaped into a sloping lawn, a strip of imported sand and a lifeguard stand. Getting there took fifty years, two lawsuits, one closed paper mill, several hundred million dollars of sewer work and a great many volunteers with coolers. It also took a woman named Ruth Ann Bellamy and a shelf of jars.',
    ),
    h2('The jars'),
    p(
      'In 1974 Bellamy was a 34-year-old mother of three living on River Road, downstream from the Kestrel Paper Mill and the Alder Tanning Company. On some days the river outside her kitchen window ran a rusty orange. On others it foamed. In summer it smelled so strongly of sulphur that her neighbours kept their windows shut. That spring she began filling a mason jar from the river every Sunday and labelling it with the date. By autumn she had 26 jars. She carried them in a laundry basket to a City Council meeting and lined them up along the front of the dais, from clear to the colour of strong tea.',
    ),
    p(
      '“I didn’t say very much,” Bellamy, now 84, recalled in her living room, a few hundred yards from the spot where she filled the jars. “I didn’t have to. They just looked at the jars.” The state had already documented the problem. A 1972 survey by what was then the Department of Environmental Resources described the lower Larrow in language that is startling to read today:',
    ),
    quote(
      'The stream below the Kestrel outfall supports no fish life of any kind. Bottom sediments are coated with fibrous waste to a depth of several inches. Dissolved oxygen approaches zero during low summer flows. Recreational contact with the water is not advised at any point below Millbrook.',
      'State stream survey of the Larrow River, 1972',
    ),
    p(
      'What changed was not the evidence but the law. The federal Clean Water Act, passed in 1972, required industrial dischargers to obtain permits and meet limits on what they released. Bellamy and a dozen neighbours formed Friends of the Larrow and began doing something no agency was doing at the time: watching the mill’s outfall pipe and writing down what they saw, with dates, times and Polaroid photographs. In 1979 their logbooks formed the backbone of a lawsuit that forced Kestrel to build a treatment plant. The company’s lawyers, Bellamy remembers, called them “the ladies with the notebooks.” She took it as a compliment.',
    ),
    img({
      art: { scene: 'mountains', palette: ['#f2c1a0', '#4e6b58', '#ffd48a', '#2c3550'], seed: 1311 },
      caption: 'The Larrow rises in the Alder Ridge hills, where its headwaters have always run clean. The trouble began downstream.',
      credit: ILLUSTRATION,
      alt: 'Illustration of snow-capped mountain peaks reflected in a still lake at dawn, with dark pine trees on the shore.',
    }),
    h2('What the numbers show'),
    p(
      'The mill closed in 1988, and the tannery a few years later. But industrial waste was only half the problem; the other half came from the city itself. Like many older American cities, Millbrook was built with combined sewers, which carry rainwater and household sewage in the same pipes. On dry days everything flows to the treatment plant. When it rains hard, the pipes overflow, by design, into the nearest waterway. Until the 2000s, Millbrook had 31 such overflow points along the Larrow and its creeks.',
    ),
    p(
      'In 2006, under a consent decree with federal and state regulators, the city agreed to a 25-year, $640 million programme to separate sewers, build storage tunnels and expand its treatment plant. The centrepiece, a two-mile tunnel bored 90 feet beneath Front Street, can hold 28 million gallons of storm runoff until the plant is ready to treat it. Ratepayers have covered most of the cost through steadily rising sewer bills, which have roughly tripled since the decree was signed, a burden that falls hardest on the city’s poorest households.',
    ),
    p(
      'For this article, The Civic Ledger analysed every summer sample collected by Friends of the Larrow volunteers since 2008, more than 9,400 in all, and compared them with the state’s swimming standard, which is based on the concentration of E. coli bacteria. The results show a river that has changed, unevenly, in the direction everyone hoped:',
    ),
    ul(
      'In the summers of 2008 to 2010, 31 percent of samples from the Riverside reach met the swimming standard. In the past three summers, 78 percent did.',
      'Samples taken within 48 hours of heavy rain still fail more than half the time, because some overflow points remain.',
      'The upstream reach above the city, where farm runoff is the main concern, has improved less: from 58 percent to 69 percent.',
      'The worst single site remains the mouth of Tanner Creek, which drains much of Eastgate and still receives overflows several times a summer.',
    ),
    p(
      'That pattern is why the new beach will operate the way many urban swimming spots now do: open by default, closed after storms, with daily testing and a flag on the lifeguard stand. A blue flag means the previous day’s sample met the standard; a red flag means it did not, or that more than half an inch of rain has fallen in the past two days. The county health department will post the day’s flag online by 10 a.m., and lifeguards will be trained to explain it to anyone who asks.',
    ),
    pull(
      'We are not going to get a pristine mountain stream. We are going to get a city river that is safe most days, and honest about the days it isn’t.',
      'Jonah Whitcomb, executive director of Friends of the Larrow',
    ),
    h2('The work that is not finished'),
    p(
      'Whitcomb is careful not to declare victory. Six overflow points remain, the largest of them on Tanner Creek, and the tunnel meant to capture it is not due until 2031, with a cost that has risen by a third. Heavier downpours, which climate scientists expect to become more frequent in the Northeast, are filling the existing tunnels faster than engineers planned for when the decree was signed. There are newer worries, too. Algal blooms have appeared in the slow water above the Kessock dam three times in five years; volunteers have started testing for the nitrogen and phosphorus that wash off farm fields and suburban lawns; and state regulators are only beginning to measure so-called forever chemicals in the sediment near the old tannery site.',
    ),
    img({
      art: { scene: 'harbor', palette: ['#8fc1d4', '#2f6f8a', '#f6c66b', '#17324a'], seed: 1313 },
      caption: 'Below Millbrook the Larrow widens into Kessock Reach, where sailboats returned in the 1990s after decades away.',
      credit: ILLUSTRATION,
      alt: 'Illustration of a wide stretch of water at sunset with sailboats and a small motorboat, a wooden pier in the foreground and a low town on the far shore.',
    }),
    p(
      'Then there is the question of who the river is for. Riverside, the neighbourhood that will get the beach, is one of the city’s lowest-income areas and flooded again during last month’s derecho. Some residents worry that a cleaner river will bring higher rents before it brings anything else. “I am glad the water is better. I grew up being told not to touch it,” said Marisela Ortiz, who has lived two blocks from the new beach for 22 years. “I just want to still be living here when my grandkids can swim in it.” The city has set aside $4 million in the beach project’s budget for a home-repair fund for existing Riverside homeowners, and the council is debating a proposal to give long-time renters the first right to buy if their buildings are sold. Advocates say both are a start and neither is enough.',
    ),
    p(
      'On the morning the bottles went to the lab, Ruth Ann Bellamy asked to be driven down to the new beach. It was not yet open; a crew was spreading sand. She walked slowly across the lawn with a cane, stopped at the edge of the water and looked at it for a long time. “When it opens,” she said, “I am going to take my shoes off and put my feet in. I have been waiting since 1974.” Then she laughed. “I will check the website first.”',
    ),
    p(
      i('Friends of the Larrow publishes daily sampling results during the swimming season. '),
      a('See this summer’s results', 'https://example.org/friends-of-the-larrow/results'),
      i(' or read our '),
      a('notes on how we analysed the data', 'https://example.org/civic-ledger/data/larrow-samples'),
      i('.'),
    ),
  ],
};

const solarCoop: DemoArticle = {
  slug: 'eastgate-solar-coop-switches-on',
  headline: 'Eastgate’s solar co-op switches on, and members open their first bills',
  standfirst:
    'The 340 households that bought shares in a 2.1-megawatt array on a former hayfield are seeing real savings, if smaller than some had hoped.',
  section: 'climate',
  authors: [{ slug: 'priya-raman' }],
  tags: ['energy', 'climate-change', 'agriculture'],
  dateline: 'Millbrook',
  publishedHoursAgo: 200,
  hero: {
    art: { scene: 'solar', palette: ['#9ed0ea', '#7aa84a', '#ffc94a', '#1f3350'], seed: 1409 },
    caption: 'The co-op’s array covers about 11 acres off Quarry Road.',
    credit: ILLUSTRATION,
    alt: 'Illustration of long rows of blue solar panels on green grass under a bright sun, with houses and a wind turbine on a hill behind.',
  },
  body: [
    p(
      'The first bills arrived this month for members of the Eastgate Community Solar Cooperative, and for Yolanda Pierce, who bought two shares last spring, the number on the credit line was $23.14.',
    ),
    p(
      '“It’s not going to change my life,” she said, holding up the statement on her porch. “But it is twenty-three dollars I didn’t send to the power company, and it’s going to be there every month.”',
    ),
    p(
      'The co-op’s 2.1-megawatt array, about 4,800 panels on an 11-acre former hayfield off Quarry Road, began sending power to the grid in the spring. Under the co-op’s agreement with the local utility, members receive credits on their electric bills in proportion to their share of the array’s output, even though the electricity itself flows into the regional grid.',
    ),
    img({
      art: { scene: 'fields', palette: ['#cfe4ec', '#8aa84f', '#f0c75a', '#3b4a2a'], seed: 1411 },
      caption: 'Before construction, the site was leased for hay. The co-op pays the landowner more per acre than the hay did.',
      credit: 'Illustration: Rosa Delgado / The Civic Ledger',
      alt: 'Illustration of a farm with a red barn and silo beside rolling fields and a tree line under a pale sky.',
    }),
    p(
      'The project cost $3.9 million. About a third came from a federal tax credit, a quarter from a low-interest loan from a nonprofit clean-energy lender and the rest from members, who paid $250 a share. A third of the shares were reserved for households earning less than 80 percent of the area median income, and a local foundation covered the upfront cost for 60 of them.',
    ),
    p(
      'Co-op treasurer Wendell Okoro said a typical member with two shares should save $200 to $280 a year, depending on the weather. That is less than early flyers suggested, he acknowledged, because utility rates dipped last year and because construction costs rose while the project waited in a queue for a grid connection.',
    ),
    pull('We are not a get-rich scheme. We are a get-a-little-less-poor-every-month scheme.', 'Wendell Okoro, co-op treasurer'),
    p(
      'The wait for that connection took 22 months, longer than construction itself. Grid operators across the country have struggled to keep up with requests from new solar and battery projects, and the co-op’s board said the delay added about $180,000 in interest and legal costs.',
    ),
    p(
      'The co-op is already planning a second array, on the roof of a shuttered grocery store on Gable Avenue. Members will vote on it at their annual meeting in the autumn.',
    ),
  ],
};

const stormRecovery: DemoArticle = {
  slug: 'three-weeks-after-derecho-riverside-waits',
  headline: 'Three weeks after the derecho, Riverside residents are still waiting on repairs',
  standfirst:
    'Dozens of families are living with tarps on their roofs and mould in their basements as aid applications move slowly and contractors are booked into autumn.',
  section: 'climate',
  authors: [
    { slug: 'maya-okafor', role: 'Reporting by' },
    { slug: 'priya-raman', role: 'Reporting by' },
  ],
  tags: ['flooding', 'housing', 'climate-change', 'larrow-river'],
  dateline: 'Millbrook',
  publishedHoursAgo: 70,
  update: {
    hoursAgo: 44,
    kind: 'clarification',
    text: 'This article has been clarified to make clear that the county’s repair fund is open to renters as well as homeowners.',
  },
  hero: {
    art: { scene: 'storm', palette: ['#7d8fa3', '#3d4f60', '#f6e7a1', '#1c2733'], seed: 1503 },
    caption: 'The storm brought winds above 80 miles an hour and more than four inches of rain in two hours.',
    credit: ILLUSTRATION,
    alt: 'Illustration of a night storm with dark clouds, heavy rain and a lightning bolt over a row of small houses, trees bending in the wind and floodwater in the foreground.',
  },
  body: [
    p(
      'The blue tarp on Gloria Fenwick’s roof has survived two more thunderstorms since the derecho tore through the Larrow Valley three weeks ago. The ceiling in her back bedroom has not. It came down last weekend, soaked through, onto the bed where her grandson usually sleeps.',
    ),
    p(
      '“Everybody tells me I’m on a list,” Fenwick said, standing in the doorway of the room, where a dehumidifier borrowed from a neighbour ran constantly. “I’m on a lot of lists.”',
    ),
    p(
      'The storm, a fast-moving line of thunderstorms with winds measured at 84 miles an hour at the airport, damaged more than 1,900 homes in Larrow County, according to the county emergency management agency. The Riverside neighbourhood was hit twice: first by wind, then by flooding when Tanner Creek overflowed its banks.',
    ),
    img({
      art: { scene: 'river', palette: ['#9aa9b4', '#58704f', '#d9c27a', '#1f2d33'], seed: 1505 },
      caption: 'Tanner Creek rose more than six feet in three hours, spilling into streets and basements in Riverside; neighbours in canoes checked on people who stayed behind.',
      credit: 'Illustration: Rosa Delgado / The Civic Ledger',
      alt: 'Illustration of a swollen river under a grey sky, running wide between grassy banks lined with trees, with a canoe in the current.',
    }),
    p(
      'Federal disaster assistance for individuals has not been approved. The governor has asked for a federal declaration, but the damage assessment is still under review. In the meantime, residents can apply to a county repair fund and to a state programme for low-income homeowners, both of which have received far more requests than they can pay for in the short term.',
    ),
    p(
      'The county fund has received 612 applications and paid out 74, said Terrence Boateng, the county’s emergency management director. He said the agency was adding staff to process them faster and had prioritised households with children, older residents and people with disabilities.',
    ),
    pull('The storm lasted twenty minutes. The recovery is going to take a year, if we are lucky.', 'Terrence Boateng, county emergency management director'),
    p(
      'Even families with money in hand are struggling to find someone to do the work. Four roofing contractors contacted by The Civic Ledger said they were booked into September. Several residents said they had been approached by out-of-town crews asking for large cash deposits; the state attorney general’s office has warned homeowners to check that contractors are registered before paying anything.',
    ),
    p(
      'Mould is the more urgent worry. Dr. Amara Lindgren, the county health officer, said basements that stayed wet for more than two days should be treated as contaminated, and that families with asthma or young children should not sleep in affected rooms.',
    ),
    p(
      'Volunteers from three churches and the Riverside Tenants Union have organised weekend crews to tear out wet drywall and carpet. On a recent Saturday, a dozen people worked their way down Fenwick’s block, carrying soggy furniture to the curb.',
    ),
    p(
      'Renters and homeowners in Larrow County can apply to the repair fund online or at the Riverside Community Center. Applicants need proof of address and photographs of the damage, if they have them.',
    ),
  ],
};

const smokeExplainer: DemoArticle = {
  slug: 'wildfire-smoke-air-quality-explained',
  headline: 'Wildfire smoke is back. What the air-quality numbers mean and how to protect yourself',
  standfirst:
    'As smoke from distant fires turns the sky hazy again, here is a plain-language guide to the index, masks, air filters and when to stay inside.',
  section: 'climate',
  authors: [{ slug: 'priya-raman' }],
  tags: ['public-health', 'explainer', 'climate-change'],
  publishedHoursAgo: 40,
  hero: {
    art: { scene: 'forest', palette: ['#e8b77a', '#5d6b3a', '#f08a3c', '#2a2b24'], seed: 1607 },
    caption: 'Smoke from distant fires can travel more than a thousand miles before it settles over the valley.',
    credit: ILLUSTRATION,
    alt: 'Illustration of a dense conifer forest under a hazy orange sky, with a muted red sun and faint shafts of light through the smoke.',
  },
  body: [
    p(
      'For the third time this summer, a thick haze has settled over the Larrow Valley, and the air-quality index for Millbrook has climbed into the range that health officials call unhealthy. The smoke is coming from large fires burning far to the north and west, carried here by the jet stream.',
    ),
    p(
      'Wildfire smoke is a mixture of gases and very small particles, known as PM2.5, that are small enough to travel deep into the lungs and into the bloodstream. Those particles are what the air-quality index mostly measures on smoky days.',
    ),
    h2('What the index numbers mean'),
    ol(
      [b('0–50, Good:'), ' no precautions needed.'],
      [b('51–100, Moderate:'), ' people who are unusually sensitive to air pollution should consider shorter outdoor activity.'],
      [b('101–150, Unhealthy for sensitive groups:'), ' children, older adults, pregnant people and anyone with heart or lung disease should cut back on strenuous outdoor activity.'],
      [b('151–200, Unhealthy:'), ' everyone should limit time outdoors; sensitive groups should avoid it.'],
      [b('201 and above, Very unhealthy or hazardous:'), ' everyone should stay indoors with windows closed and filtered air if possible.'],
    ),
    p(
      'Check the number where you are, not just the regional forecast. Smoke can be patchy, and readings can change within hours as the wind shifts.',
    ),
    p(
      'On the worst day of the last smoke episode, the monitor at the county airport recorded an index of 187, and emergency rooms in the county saw about a third more visits for asthma than on a typical summer day, according to the county health department. Doctors said most of those patients were children and older adults.',
    ),
    h2('How to protect yourself'),
    ul(
      'Keep windows and doors closed. If you have central air, set it to recirculate and use the best filter your system can handle.',
      'A portable air cleaner with a HEPA filter can make one room much cleaner. A box fan with a furnace filter strapped to it is a cheap, effective alternative.',
      'If you must be outdoors for long, a well-fitted N95 or KN95 mask filters most smoke particles. Cloth and surgical masks do little.',
      'Avoid adding to indoor pollution: skip frying, candles and vacuuming on the worst days.',
      'Watch for symptoms such as coughing, wheezing, chest tightness or an unusually fast heartbeat, and call a doctor if they do not ease indoors.',
    ),
    h2('Why it keeps happening'),
    p(
      'Fire seasons in western North America and in Canada have grown longer and more intense as temperatures rise and droughts deepen. Scientists say that means smoke days are likely to remain a regular feature of summers in the eastern United States, far from the fires themselves.',
    ),
    p(
      'The county has set aside masks for free pickup at library branches and the senior centre while the index is above 150. Schools will move recess and athletics indoors when the index passes 100.',
    ),
  ],
};

// ---------------------------------------------------------------------------------------------
// Culture

const jazzReview: DemoArticle = {
  slug: 'review-larrow-jazz-festival-finds-its-groove',
  headline: 'Review: the Larrow Jazz Festival finds its groove on a sweltering weekend',
  standfirst:
    'A bassist-led quartet, a 79-year-old pianist and a late-night jam that nobody wanted to end made this the festival’s best year in a decade.',
  section: 'culture',
  authors: [{ slug: 'theo-lindqvist' }],
  tags: ['arts', 'music', 'larrow-river'],
  dateline: 'Millbrook',
  publishedHoursAgo: 30,
  hero: {
    art: { scene: 'stage', palette: ['#7a4a8c', '#8e1f2f', '#f2b84b', '#1a1424'], seed: 1702 },
    caption: 'The Marisol Vega Quartet closed Saturday night at the Riverside Park bandshell.',
    credit: ILLUSTRATION,
    alt: 'Illustration of a jazz band in silhouette on a stage between red curtains: a bassist, a singer at a microphone and a drummer, lit by spotlights, with the heads of the audience in the foreground.',
  },
  body: [
    p(
      'By the time the Marisol Vega Quartet walked onto the bandshell stage on Saturday night, the thermometer by the sound desk still read 91 degrees, the lawn was a patchwork of folding chairs and wet towels, and several hundred people had been sitting in the heat for six hours. Vega, who plays upright bass and leads from it, looked out at them, wiped her forehead and said, “Let’s make this worth it.” Then she did.',
    ),
    p(
      'The set opened with “Tanner Street,” a slow, loping original built on a bass line that seemed to lean back against the beat, and stretched into a twenty-minute conversation among Vega, the saxophonist Dee Whitaker and the drummer Lamont Greer that moved from a whisper to something close to a roar and back again. It was the best sustained playing I have heard at this festival in ten years of covering it.',
    ),
    pull('The best jazz sounds like people listening to each other. For an hour on Saturday, that is exactly what it sounded like.'),
    p(
      'The festival, now in its 38th year, has had a rough decade. Attendance fell after the city moved it from the riverfront to a fairground outside town, and a string of rainouts nearly bankrupted the nonprofit that runs it. This year it returned to Riverside Park, cut ticket prices to $15 a day and booked more regional musicians. The lawn was full both nights.',
    ),
    p(
      'Sunday belonged to Clement Ashby, the 79-year-old pianist who grew up three blocks from the park and played the festival’s first edition. He is not a flashy player, and his set of standards and spirituals took a few numbers to catch fire. But his ballad reading of “Shenandoah,” played almost entirely in the piano’s lower half, silenced a crowd that had been chatting through the previous act.',
    ),
    embed('https://www.youtube.com/watch?v=Qm7vJx4LrT2', 'YouTube', 'Festival highlights: the Marisol Vega Quartet at Riverside Park'),
    p(
      'Not everything worked. The afternoon sets on both days were hurt by a sound system that could not fill the lawn, and a fusion group from out of state played loudly enough to prompt a steady stream of listeners toward the food trucks. Shade was scarce, and the water station ran dry for almost an hour on Saturday.',
    ),
    p(
      'But the festival’s best moment came after it officially ended. Around 11 p.m. on Sunday, a handful of musicians, including Whitaker and two students from the Millbrook Youth Jazz Ensemble, set up under the trees by the boat launch with a battery amplifier and played blues for another hour while a few dozen people stood in the dark and listened. Nobody announced it. Nobody wanted it to stop.',
    ),
    p(
      'That is the kind of thing that happens only when a festival feels like it belongs to a place. For the first time in a long time, this one does.',
    ),
  ],
};

const libraryCentenary: DemoArticle = {
  slug: 'carnegie-library-turns-100',
  headline: 'The Carnegie library at 100: a century of cards, stacks and second chances',
  standfirst:
    'Millbrook’s central library opened in 1925 with 11,000 books and a rule against talking, and a century later it lends laptops, fishing rods and hotspots from the busiest public building in the city.',
  section: 'culture',
  authors: [{ slug: 'theo-lindqvist' }, { slug: 'lena-kowalski' }],
  tags: ['libraries', 'history', 'downtown'],
  dateline: 'Millbrook',
  publishedHoursAgo: 260,
  hero: {
    art: { scene: 'library', palette: ['#cfe3ec', '#6d4b3a', '#f2c66d', '#2b2320'], seed: 1803 },
    caption: 'The main reading room, restored in 2019, retains its original arched window and oak shelving.',
    credit: ILLUSTRATION,
    alt: 'Illustration of a library reading room with tall wooden bookcases full of colourful books on both sides of an arched window, and a reading table with two green lamps.',
  },
  body: [
    p(
      'On a Tuesday morning in the reading room of the Millbrook Free Library, a retired machinist was reading a newspaper from 1931 on a microfilm machine, two teenagers were building a robot out of a kit borrowed from the front desk, and a woman was filling out a job application on one of the public computers while her toddler napped in a stroller beside her.',
    ),
    p(
      'The building around them turns 100 this month. The city will mark the anniversary with a week of events, including a reading marathon, a reunion of former pages and the reopening of the restored children’s room.',
    ),
    h2('A gift with conditions'),
    p(
      'Like about 1,700 other public libraries in the United States, the central library was built with money from the steel magnate Andrew Carnegie, who paid for the building on the condition that the city provide the land and pay for books, staff and upkeep forever. Millbrook’s council accepted the grant in 1916, by a single vote; the First World War and a shortage of building materials delayed construction, and the doors did not open until 1925.',
    ),
    p('At the dedication in 1925, the library’s first director, Harriet Oakes, told a crowd on the front steps what she hoped the building would be:'),
    quote(
      'This is not a monument. A monument asks nothing of you. This building will ask you to come in, to sit down and to stay as long as you like. It belongs to the millworker as much as to the mill owner, and it will be open to both on exactly the same terms.',
      'Harriet Oakes, dedication address, 1925',
    ),
    p(
      'The library did not always live up to those words. Branch libraries in Black neighbourhoods received smaller budgets well into the 1960s, and the central library did not hire its first Black librarian until 1958. The centennial exhibit, curated by the library’s archivist, Desmond Achterberg, addresses that history directly.',
    ),
    img({
      art: { scene: 'library', palette: ['#f3e6c8', '#3f5a4a', '#e9a23b', '#1f2422'], seed: 1805 },
      caption: 'The restored children’s room reopens during anniversary week.',
      credit: 'Illustration: Rosa Delgado / The Civic Ledger',
      alt: 'Illustration of a warmly lit room lined with bookshelves, an arched window with evening light and a long reading table with lamps.',
    }),
    h2('Still the busiest building in town'),
    p(
      'The library system recorded more than 610,000 visits last year across its four branches, more than the city’s museums, pools and arena combined. It lent 1.1 million items, including 2,300 wifi hotspots, 140 fishing rods and a sewing machine that has a six-week waiting list.',
    ),
    p(
      '“People ask whether libraries still matter now that everything is online,” said Odessa Grant, the library’s director. “Everything is online if you have a laptop, a good connection, a quiet place to sit and someone to help you when the form does not work. A lot of people in this city have none of those things. We have all of them.”',
    ),
    p(
      'Grant said the restoration of Sunday hours in the new city budget would allow the library to bring back its Sunday afternoon homework help and tutoring, which drew more than 100 students a week before it was cut.',
    ),
    p(
      'The centennial exhibit is free and runs through the end of the year in the second-floor gallery.',
    ),
  ],
};

const foundryTheatre: DemoArticle = {
  slug: 'foundry-theatre-opens-in-old-ironworks',
  headline: 'The Foundry Theatre opens in the old ironworks with a play about the mill that built it',
  standfirst:
    'Anika Sorensen’s “Heat Number,” about the 1959 strike, is an ambitious, uneven and often moving first production for the valley’s newest stage.',
  section: 'culture',
  authors: [{ slug: 'theo-lindqvist' }],
  tags: ['arts', 'theatre', 'history'],
  dateline: 'Millbrook',
  publishedHoursAgo: 360,
  hero: {
    art: { scene: 'stage', palette: ['#2f4f6a', '#1f5a5e', '#f4c56a', '#151a22'], seed: 1901 },
    caption: 'The theatre’s 240 seats sit where the casting floor of the Larrow Iron Works once stood.',
    credit: ILLUSTRATION,
    alt: 'Illustration of a theatre stage framed by teal curtains, with two actors in silhouette beside a small table, a standard lamp and a lit window flat under spotlights, and the audience in the foreground.',
  },
  body: [
    p(
      'There is a moment early in “Heat Number,” the play that opened the Foundry Theatre on Friday night, when an old furnace worker named Stan stops in the middle of an argument with his son, looks up at the rafters and says, “You can still smell it. The iron. Sixty years and you can still smell it.”',
    ),
    p(
      'The line got a laugh of recognition from the opening-night audience, because the rafters in question are real. The Foundry Theatre occupies the former casting building of the Larrow Iron Works, which closed in 1983. The brick walls are still scorched in places, and the crane rail that once carried ladles of molten metal runs the length of the ceiling above the seats.',
    ),
    pull('It is impossible to watch this play in this building and not feel the ground shift a little under your seat.'),
    p(
      'Anika Sorensen, a Millbrook native whose grandfather worked at the plant, set her play during the long steel strike of 1959, when families in the valley went months without pay. Stan, a union man, and his son Eddie, who wants to cross the picket line to pay for his wife’s hospital bills, spend most of the play in the family’s kitchen, a set that the designer Paulo Ferreira has placed on a low platform in the middle of the old casting floor.',
    ),
    p(
      'The scenes between them are the play’s strength. As Stan, the veteran Pittsburgh actor Leonard Voss is gruff, funny and quietly devastating in a late scene in which he admits he, too, once thought about crossing the line. Jalen Brooks gives Eddie a nervous, coiled energy that makes his choices feel urgent rather than merely symbolic.',
    ),
    p(
      'The second act is weaker. A subplot about a company manager and his conscience feels borrowed from older and better plays, and a closing monologue spells out themes that the earlier scenes had conveyed perfectly well without help. At two hours and forty minutes, the play would benefit from losing twenty of them.',
    ),
    p(
      'But as a statement of intent, “Heat Number” is hard to fault. The Foundry’s founders, who spent six years and $7.4 million converting the building, have said they want to make new work about the valley, for the valley. They have started with the right story.',
    ),
    p(
      'The theatre has reserved 40 seats at every performance at $10 for residents of the surrounding Southside neighbourhood, many of whose families worked at the plant.',
    ),
  ],
};

const poetLaureate: DemoArticle = {
  slug: 'retired-ferry-pilot-named-poet-laureate',
  headline: 'A retired ferry pilot becomes Millbrook’s first poet laureate',
  standfirst:
    'Walter Pruitt spent 34 years steering the Kessock ferry and writing poems on the backs of tide tables, and now the city is paying him to read them.',
  section: 'culture',
  authors: [{ slug: 'grace-whitfield' }],
  tags: ['arts', 'larrow-river', 'history'],
  dateline: 'Kessock',
  publishedHoursAgo: 430,
  hero: {
    art: { scene: 'harbor', palette: ['#f4c9a8', '#4f7f8f', '#f29a5a', '#22303f'], seed: 2003 },
    caption: 'Walter Pruitt piloted the ferry across Kessock Reach from 1978 until its last run in 2012.',
    credit: ILLUSTRATION,
    alt: 'Illustration of a calm bay at sunset with several sailboats and a small motorboat, a wooden pier in the foreground and a low town along the far shore.',
  },
  body: [
    p(
      'For 34 years, Walter Pruitt made the crossing from Kessock Landing to the east shore of the Reach and back again, nine times a day in summer and six in winter, at the wheel of a flat-bottomed ferry that carried twelve cars and, by his count, about four million passengers.',
    ),
    p(
      'In the slow minutes in the middle of each crossing, he wrote. He wrote on the backs of tide tables, on fuel receipts and once, memorably, on the inside of a life-jacket locker door, which the county removed and preserved when the ferry was retired.',
    ),
    p(
      'The City Council voted unanimously this week to name Pruitt, 76, Millbrook’s first poet laureate. The two-year post comes with a $5,000 stipend and an obligation to give at least six public readings, write a poem for one civic occasion a year and visit classrooms.',
    ),
    p('His best-known poem, which hangs framed in the waiting room of the old ferry terminal, begins:'),
    quote(
      'Low water, and the Reach gives back what it was keeping:\na shopping cart, a stove door, one good oar.\nI have carried your weddings and your funerals both ways.\nThe river does not ask which one you’re going to.',
      'Walter Pruitt, “Low Water at Kessock Landing”',
    ),
    p(
      'Pruitt published his first collection at 68, with a small press in Philadelphia, after a librarian who rode the ferry every morning asked to read the poems he kept in a tackle box under the wheel. His second collection, about the years after the ferry closed, comes out next spring.',
    ),
    p(
      '“I didn’t think anybody wanted poems about a ferry,” Pruitt said on the bench outside the terminal, watching the water. “Turns out everybody has a ferry. They just call it something else.”',
    ),
    p(
      'The selection committee, which included two high school English teachers and the director of the Millbrook Free Library, reviewed 23 nominations. Its chair said Pruitt’s work stood out for its plain language and its deep attachment to a specific place. His first official reading will be at the library’s centennial celebration.',
    ),
  ],
};

/** Every demo article; the seeder orders them by publication time. */
export const demoArticles: DemoArticle[] = [
  councilBudget,
  heatWave,
  heatShutoffBill,
  schoolStartTimes,
  jazzReview,
  smokeExplainer,
  valleyLine,
  stormRecovery,
  longRoad,
  farmersMarket,
  floodGrants,
  primaryQuestions,
  solarCoop,
  libraryCentenary,
  countyTax,
  foundryTheatre,
  poetLaureate,
];
