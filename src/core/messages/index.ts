/** Picks the alert texts for the configured language. */
import { EN } from './en.js';
import { ID } from './id.js';
import type { AlertTexts } from './types.js';

/** Alert texts for `lang`; Indonesian unless English was asked for. */
export const alertTexts = (lang: 'id' | 'en'): AlertTexts => (lang === 'en' ? EN : ID);
export type { AlertTexts } from './types.js';
