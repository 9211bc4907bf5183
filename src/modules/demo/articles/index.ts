/**
 * The demo publication's articles, one file per section. Everything is original, fictional
 * reporting about the invented city of Millbrook, Pennsylvania, and its river, the Larrow. Any
 * resemblance to real people or institutions is accidental.
 */
import type { DemoArticle } from '../types.js';
import { climateArticles } from './climate.js';
import { cultureArticles } from './culture.js';
import { localArticles } from './local.js';
import { politicsArticles } from './politics.js';

/** Every demo article; the seeder orders them by publication time. */
export const demoArticles: DemoArticle[] = [...localArticles, ...politicsArticles, ...climateArticles, ...cultureArticles];
