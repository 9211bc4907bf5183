/**
 * The demo publication: a fictional independent newsroom in the fictional river city of
 * Millbrook, Pennsylvania. Names, people and events are invented.
 */
import type { DemoAuthor, DemoSection } from './types.js';

export const demoPublication = {
  name: 'The Civic Ledger',
  tagline: 'Independent, reader-funded news for Millbrook and the Larrow Valley.',
  description:
    'The Civic Ledger is a nonprofit, reader-funded newsroom covering city hall, state politics, climate and culture in Millbrook and the Larrow Valley. We publish accountability reporting, plain-language explainers and criticism, free for everyone to read.',
  /** Deep teal: 7.9:1 against white, so it passes WCAG AA (and AAA) as a link and button colour. */
  accentColor: '#0e5a63',
  timeZone: 'America/New_York',
  locale: 'en-US',
} as const;

export const demoSections: DemoSection[] = [
  {
    slug: 'local',
    name: 'Local',
    description: 'City hall, neighbourhoods, schools and the everyday business of running Millbrook.',
  },
  {
    slug: 'politics',
    name: 'Politics',
    description: 'The statehouse in Harrisburg, the decisions made in Washington and what they mean for the valley.',
  },
  {
    slug: 'climate',
    name: 'Climate',
    description: 'Heat, water, storms and energy: how a changing climate is reshaping life along the Larrow.',
  },
  {
    slug: 'culture',
    name: 'Culture',
    description: 'Music, theatre, books and the people who keep the valley’s creative life going.',
  },
];

export const demoAuthors: DemoAuthor[] = [
  {
    slug: 'maya-okafor',
    name: 'Maya Okafor',
    title: 'City Hall reporter',
    bio: 'Maya Okafor covers the Millbrook City Council, the municipal budget and the agencies that spend it. Before joining The Civic Ledger she spent six years at a regional wire service. She reads every line item so readers do not have to.',
    links: [
      { label: 'Email Maya', url: 'mailto:maya.okafor@civicledger.example' },
      { label: 'Public documents she has obtained', url: 'https://example.org/civic-ledger/documents/okafor' },
    ],
    portrait: { background: '#f3d9b1', skin: '#7b4a2e', hair: '#1f1a17', clothing: '#2f5d7c', hairStyle: 'curly', glasses: false },
  },
  {
    slug: 'daniel-reyes',
    name: 'Daniel Reyes',
    title: 'State Capitol correspondent',
    bio: 'Daniel Reyes reports from the Pennsylvania Capitol in Harrisburg, where he follows the bills, budgets and lobbying that shape the Larrow Valley. He grew up in Millbrook’s Eastgate neighbourhood and returned after a decade covering legislatures in three states.',
    links: [
      { label: 'Email Daniel', url: 'mailto:daniel.reyes@civicledger.example' },
      { label: 'Statehouse bill tracker', url: 'https://example.org/civic-ledger/bill-tracker' },
    ],
    portrait: { background: '#d3e4f0', skin: '#c68b5e', hair: '#2a211c', clothing: '#34405a', hairStyle: 'short', glasses: true },
  },
  {
    slug: 'priya-raman',
    name: 'Priya Raman',
    title: 'Climate and environment reporter',
    bio: 'Priya Raman writes about heat, flooding, air quality and the energy transition in the valley. She trained as a hydrologist before switching to journalism, and still carries a water-testing kit in her car. Her reporting on the Larrow cleanup won a regional award.',
    links: [
      { label: 'Email Priya', url: 'mailto:priya.raman@civicledger.example' },
      { label: 'Climate data notebook', url: 'https://example.org/civic-ledger/climate-data' },
    ],
    portrait: { background: '#cfe3d6', skin: '#b7794f', hair: '#1c1614', clothing: '#8e2f3c', hairStyle: 'long', glasses: false },
  },
  {
    slug: 'theo-lindqvist',
    name: 'Theo Lindqvist',
    title: 'Arts and culture critic',
    bio: 'Theo Lindqvist reviews music, theatre and books, and writes about the venues and volunteers that keep the valley’s cultural life afloat. He played upright bass in bar bands for fifteen years, which he says makes him a generous but exacting critic of rhythm sections.',
    links: [{ label: 'Email Theo', url: 'mailto:theo.lindqvist@civicledger.example' }],
    portrait: { background: '#e6d6ef', skin: '#f2cdb0', hair: '#c9873f', clothing: '#4d6b4f', hairStyle: 'short', glasses: false },
  },
  {
    slug: 'grace-whitfield',
    name: 'Grace Whitfield',
    title: 'Editor-in-chief',
    bio: 'Grace Whitfield founded The Civic Ledger after the valley’s daily paper closed its local desk. She edits the newsroom’s investigations and answers reader complaints herself. Write to her if we got something wrong.',
    links: [
      { label: 'Email Grace', url: 'mailto:grace.whitfield@civicledger.example' },
      { label: 'Our corrections policy', url: 'https://example.org/civic-ledger/corrections' },
    ],
    portrait: { background: '#f2d0c4', skin: '#e0a985', hair: '#6b6460', clothing: '#3b3a4f', hairStyle: 'bun', glasses: true },
  },
  {
    slug: 'samuel-adeyemi',
    name: 'Samuel Adeyemi',
    title: 'Transportation and data reporter',
    bio: 'Samuel Adeyemi covers buses, trains, roads and the numbers behind them. He builds the newsroom’s data tools and once timed every bus on Route 9 for a month. If a spreadsheet is involved, he has probably already asked for it.',
    links: [
      { label: 'Email Samuel', url: 'mailto:samuel.adeyemi@civicledger.example' },
      { label: 'Data and code', url: 'https://example.org/civic-ledger/data' },
    ],
    portrait: { background: '#f6e3a8', skin: '#5e3a24', hair: '#141110', clothing: '#6a3f6e', hairStyle: 'bald', glasses: true },
  },
  {
    slug: 'lena-kowalski',
    name: 'Lena Kowalski',
    title: 'Education reporter',
    bio: 'Lena Kowalski reports on Millbrook’s public schools, from board meetings to bus routes to what happens in classrooms. She taught middle-school science for five years before becoming a journalist. She still grades her own drafts harshly.',
    links: [{ label: 'Email Lena', url: 'mailto:lena.kowalski@civicledger.example' }],
    portrait: { background: '#d9e8e4', skin: '#f5d6bd', hair: '#3b2618', clothing: '#c0663a', hairStyle: 'long', glasses: true },
  },
];
