import { en, type Strings } from './en.js';

/** Locales with interface text. More are added by adding a file of the same shape. */
const LOCALES: Record<string, Strings> = { en };

export function strings(locale: string | undefined): Strings {
  const base = (locale ?? 'en').toLowerCase().split('-')[0] ?? 'en';
  return LOCALES[base] ?? en;
}

export type { Strings };
