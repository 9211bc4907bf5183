/** Demo articles of the Local section (original, fictional reporting about Millbrook). */
import { ILLUSTRATION, a, b, h2, ol, p, pull, quote, ul } from '../blocks.js';
import type { DemoArticle } from '../types.js';

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

export const localArticles: DemoArticle[] = [councilBudget, valleyLine, schoolStartTimes, farmersMarket];
