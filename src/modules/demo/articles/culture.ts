/** Demo articles of the Culture section (original, fictional reporting about Millbrook). */
import { ILLUSTRATION, embed, h2, img, p, pull, quote } from '../blocks.js';
import type { DemoArticle } from '../types.js';

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

export const cultureArticles: DemoArticle[] = [jazzReview, libraryCentenary, foundryTheatre, poetLaureate];
