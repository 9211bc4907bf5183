/** Demo articles of the Climate section (original, fictional reporting about Millbrook). */
import { ILLUSTRATION, a, b, h2, i, img, ol, p, pull, quote, ul } from '../blocks.js';
import type { DemoArticle } from '../types.js';

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

export const climateArticles: DemoArticle[] = [heatWave, longRoad, solarCoop, stormRecovery, smokeExplainer];
