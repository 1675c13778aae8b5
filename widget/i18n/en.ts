/**
 * The widget's own words (around the flow's clinician-written text), in English.
 * Another language is another object of the same shape; `dir` makes right-to-left layouts work,
 * because every style uses logical properties (inline-start/end), never left/right.
 */
import { englishFormat, type AnswerFormat } from '../../flows/text.js';

export const en = {
  /** The language of these strings (and of the flows shipped with them), for the `lang` attribute. */
  lang: 'en',
  dir: 'ltr' as 'ltr' | 'rtl',
  format: englishFormat as AnswerFormat,
  selfGuided: 'A self-guided conversation',
  getHelp: 'Get help now',
  talkToPerson: 'Talk to a person',
  exit: 'Exit',
  exitHint: 'Exit leaves this site at once and clears this chat. Shortcut: press Escape twice.',
  exitArmed: 'Press Escape again to leave this site.',
  hide: 'Hide chat',
  loading: 'Loading the conversation…',
  loadFailed: 'Sorry, the chat could not load. Please try again in a moment. If you need help now, use Get help now.',
  tryAgain: 'Try again',
  conversation: 'Conversation',
  you: 'You',
  helpTitle: 'Get help now',
  helpIntro: 'If you are in danger, or might act on thoughts of harming yourself, please contact one of these now. You deserve support.',
  helpNoCountry: 'If you are in danger, call your local emergency number now.',
  notEmergency: 'This chat is not an emergency service.',
  backToChat: 'Back to the chat',
  call: (number: string) => `Call ${number}`,
  text: (number: string) => `Text ${number}`,
  website: 'Website',
  send: 'Send',
  skip: 'Skip this question',
  continue: 'Continue',
  enterHint: 'Enter sends. Shift and Enter starts a new line.',
  needWords: 'Write a few words first. Anything is fine.',
  tooLong: (max: number) => `That is a bit long. Please keep it under ${max} characters.`,
  timePassed: 'That time has already passed today. Choose a later time, or another day.',
  days: ['Today', 'Tomorrow', 'The day after tomorrow'],
  planCard: {
    copy: 'Copy',
    print: 'Print',
    download: 'Download (.txt)',
    calendar: 'Add to calendar (.ics)',
    copied: 'Your plan is copied.',
    copyFailed: 'Copying did not work here. Try Download instead.',
    downloaded: 'Your plan is downloaded.',
    calendarReady: 'The calendar file is downloaded. Open it to add your step to your calendar.',
    onlyHere: 'Your plan stays on this device. Nothing is sent anywhere.',
    calendarTitle: (what: string) => `My step: ${what}`,
    fileName: 'my-plan',
  },
  startAgain: 'Start a new session',
  close: 'Close',
};

export type Strings = typeof en;
