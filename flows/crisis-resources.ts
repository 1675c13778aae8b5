/**
 * Crisis resources per country: shown on the welcome screen, the safety screen and in "Get help now".
 *
 * Plain data with no imports, because the widget bundle imports it and must stay small (the server
 * validates a service's own override list with zod in `server/config.ts`).
 *
 * Only numbers that are national, free and well established are listed. Before changing one, check it
 * on the provider's own website: a wrong number here is a safety failure, not a typo.
 */

export type CountryCode = 'AU' | 'NZ' | 'GB' | 'IE' | 'US' | 'CA';

/** Every supported country, in the order they are usually listed. */
export const COUNTRY_CODES = ['AU', 'NZ', 'GB', 'IE', 'US', 'CA'] as const satisfies readonly CountryCode[];

export interface CrisisResource {
  name: string;
  /** One short, plain sentence: what it is and when to use it. */
  description: string;
  /** Digits only (a leading + is allowed), ready for a `tel:` link. */
  phone?: string;
  /** Digits only, ready for an `sms:` link. When both are given, it is the same number as `phone`. */
  sms?: string;
  /** How the number is written for people to read, when that differs from the digits (e.g. "13 11 14"). */
  display?: string;
  url?: string;
  /** The emergency services number. Listed first, and shown most prominently on the safety screen. */
  emergency?: boolean;
}

export const CRISIS_RESOURCES: Record<CountryCode, CrisisResource[]> = {
  AU: [
    {
      name: 'Emergency services',
      description: 'Police, fire or ambulance. Call if you or someone else is in danger now.',
      phone: '000',
      emergency: true,
    },
    {
      name: 'Lifeline',
      description: 'Free, 24/7. Talk to someone now.',
      phone: '131114',
      display: '13 11 14',
      url: 'https://www.lifeline.org.au/',
    },
    {
      name: 'Lifeline Text',
      description: 'Free text support. Text if talking feels too hard.',
      sms: '0477131114',
      display: '0477 13 11 14',
      url: 'https://www.lifeline.org.au/',
    },
  ],
  NZ: [
    {
      name: 'Emergency services',
      description: 'Police, fire or ambulance. Call if you or someone else is in danger now.',
      phone: '111',
      emergency: true,
    },
    {
      name: 'Need to talk? 1737',
      description: 'Free, 24/7. Call or text to talk with a trained counsellor.',
      phone: '1737',
      sms: '1737',
      url: 'https://1737.org.nz/',
    },
    {
      name: 'Lifeline Aotearoa',
      description: 'Free, 24/7. Talk to someone now.',
      phone: '0800543354',
      display: '0800 543 354',
      url: 'https://www.lifeline.org.nz/',
    },
  ],
  GB: [
    {
      name: 'Emergency services',
      description: 'Police, fire or ambulance. Call if you or someone else is in danger now.',
      phone: '999',
      emergency: true,
    },
    {
      name: 'Samaritans',
      description: 'Free, 24/7. Talk to someone now.',
      phone: '116123',
      display: '116 123',
      url: 'https://www.samaritans.org/',
    },
    {
      name: 'Shout',
      description: 'Free, 24/7 text support. Text SHOUT to 85258.',
      sms: '85258',
      url: 'https://giveusashout.org/',
    },
  ],
  IE: [
    {
      name: 'Emergency services',
      description: 'Garda, fire or ambulance. Call 112 or 999 if you or someone else is in danger now.',
      phone: '112',
      display: '112 or 999',
      emergency: true,
    },
    {
      name: 'Samaritans',
      description: 'Free, 24/7. Talk to someone now.',
      phone: '116123',
      display: '116 123',
      url: 'https://www.samaritans.org/',
    },
    {
      name: '50808',
      description: 'Free, 24/7 text support. Text HELLO to 50808.',
      sms: '50808',
      url: 'https://text50808.ie/',
    },
  ],
  US: [
    {
      name: 'Emergency services',
      description: 'Police, fire or ambulance. Call if you or someone else is in danger now.',
      phone: '911',
      emergency: true,
    },
    {
      name: '988 Suicide & Crisis Lifeline',
      description: 'Free, 24/7. Call or text 988 to talk to someone now.',
      phone: '988',
      sms: '988',
      url: 'https://988lifeline.org/',
    },
  ],
  CA: [
    {
      name: 'Emergency services',
      description: 'Police, fire or ambulance. Call if you or someone else is in danger now.',
      phone: '911',
      emergency: true,
    },
    {
      name: '9-8-8 Suicide Crisis Helpline',
      description: 'Free, 24/7. Call or text 9-8-8 to talk to someone now.',
      phone: '988',
      sms: '988',
      display: '9-8-8',
      url: 'https://988.ca/',
    },
  ],
};
