/**
 * Risk assessment of one free-text message: 'urgent', 'concern' or 'none', with what matched.
 *
 * A pure function with no imports but its lexicon and model, because it runs in the browser on
 * every answer (and on the server for live chat). The words live in `lexicon.en.ts`, which
 * documents the rule format; this file is only the machinery:
 *   1. normalise and tokenise the text (see the lexicon's header);
 *   2. find every rule pattern, and every idiom;
 *   3. for each match, decide who it is about (subject before it), whether it is negated (a
 *      negator just before it in the same clause, or a denial such as "...but I never would"),
 *      and whether the sentence puts it in the past; lower its level accordingly;
 *   4. the message's level is the highest level left; concern-level thoughts with a means or a
 *      time frame in the same message ("...tonight", "...I'm on the bridge") become urgent;
 *   5. below urgent, the trained models (model.ts) read the message, less what step 3 read as
 *      negated, an idiom, a thing or the past, and raise it to urgent, or from none to concern,
 *      when they are sure enough (category 'model').
 *
 * It is deliberately cautious: a safety screen that offers a person costs little, a missed crisis
 * costs a great deal. It does not understand language; it is a net with a person behind it.
 */
import { LEXICON_EN, type LexLevel, type LexRule, type Lexicon } from './lexicon.en.js';
import STORED_MODEL_EN from './model.en.json';
import { CONCERN_AT, URGENT_AT, fromStored, modelFeatures, scoreFeatures, type BinaryModel, type RiskModel } from './model.js';

const MODEL_EN = fromStored(STORED_MODEL_EN);

export type RiskLevel = 'none' | 'concern' | 'urgent';

export interface RiskMatch {
  category: string;
  phrase: string;
  /** Why it did not count as urgent, e.g. 'negated', 'idiom', 'other person', 'past'. */
  softenedBy?: string;
}

export interface RiskAssessment {
  level: RiskLevel;
  categories: string[];
  matches: RiskMatch[];
}

type Element =
  | { gap: number }
  | { words: Set<string>; prefixes: string[]; min?: number; boundary: boolean; optional: boolean };

interface Compiled {
  lex: Lexicon;
  vocab: Set<string>;
  spelling: Map<string, string>;
  rules: Array<{ rule: LexRule; patterns: Element[][] }>;
  past: Element[][];
  denials: Element[][];
  imminence: Element[][];
  escalates: Set<string>;
  escalatesWithAny: Set<string>;
  sets: Record<'neg' | 'notNeg' | 'breaks' | 'now' | 'rightNow' | 'self' | 'other' | 'thing' | 'units', Set<string>>;
}

const RANK: Record<LexLevel, number> = { none: 0, concern: 1, urgent: 2 };
const BY_RANK: LexLevel[] = ['none', 'concern', 'urgent'];
const NUMBER_WORDS: Record<string, number> = {
  eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, dozen: 12, fifteen: 15, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, hundred: 100, dozens: 24, hundreds: 200,
};

function compilePattern(pattern: string, families: Record<string, string>): Element[] {
  return pattern.split(' ').map((part): Element => {
    const gap = /^~(\d+)$/.exec(part);
    if (gap) return { gap: Number(gap[1]) };
    const optional = part.length > 1 && part.endsWith('?');
    const body = optional ? part.slice(0, -1) : part;
    const element = { words: new Set<string>(), prefixes: [] as string[], min: undefined as number | undefined, boundary: false, optional };
    for (const atom of body.split('|')) {
      if (atom === '.') element.boundary = true;
      else if (atom.startsWith('@')) {
        const family = families[atom.slice(1)];
        if (!family) throw new Error(`lexicon: unknown family ${atom} in "${pattern}"`);
        family.split(' ').forEach((word) => element.words.add(word));
      } else if (/^#\d+$/.test(atom)) element.min = Number(atom.slice(1));
      else if (atom.endsWith('*')) element.prefixes.push(atom.slice(0, -1));
      else element.words.add(atom);
    }
    return element;
  });
}

let cache: Compiled | undefined;

function compile(lex: Lexicon): Compiled {
  const patterns = (list: string[]) => list.map((p) => compilePattern(p, lex.families));
  const rules = lex.rules.map((rule) => ({ rule, patterns: patterns(rule.match) }));
  const past = patterns(lex.pastMarkers);
  const denials = patterns(lex.denials);
  const imminence = patterns(lex.imminence);
  const vocab = new Set<string>();
  for (const list of [...rules.flatMap((r) => r.patterns), ...past, ...denials, ...imminence]) {
    for (const el of list) if ('words' in el) el.words.forEach((w) => vocab.add(w));
  }
  Object.values(lex.spelling).forEach((to) => to.split(' ').forEach((w) => vocab.add(w)));
  const set = (list: string) => new Set(list.split(' '));
  return {
    lex, vocab, rules, past, denials, imminence, escalates: new Set(lex.escalates.split(' ')), escalatesWithAny: new Set(lex.escalatesWithAny.split(' ')),
    spelling: new Map(Object.entries(lex.spelling)),
    sets: {
      neg: set(lex.negators), notNeg: set(lex.notNegatedBefore), breaks: set(lex.clauseBreaks), now: set(lex.nowMarkers), rightNow: set('now tonight currently tomorrow'),
      self: set(lex.selfWords), other: set(lex.otherWords), thing: set(lex.thingWords), units: set(lex.units),
    },
  };
}

/** Lowercase, name emoji, strip accents, expand contractions and slang; '.' ends a sentence, ',' a clause. */
export function tokenise(text: string): string[] {
  return tokenize(text, getCompiled());
}

function tokenize(text: string, c: Compiled): string[] {
  let s = text.toLowerCase();
  for (const [emoji, name] of Object.entries(c.lex.emoji)) s = s.split(emoji).join(name);
  s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'");
  s = s
    .replace(/\bwon't\b/g, 'will not').replace(/\bcan't\b/g, 'can not').replace(/\bain't\b/g, 'is not')
    .replace(/n't\b/g, ' not').replace(/'m\b/g, ' am').replace(/'re\b/g, ' are').replace(/'ve\b/g, ' have')
    .replace(/'ll\b/g, ' will').replace(/'d\b/g, ' would')
    .replace(/\b(what|it|that|there|here|he|she|who|where|everything|nothing|life|this|tonight|today|tomorrow)'s\b/g, '$1 is').replace(/'s\b/g, '')
    .replace(/(\d)([a-z])/g, '$1 $2').replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/[.!?;\n\r]+/g, ' . ').replace(/[,:()\u2013\u2014]+|\s-+\s/g, ' , ');
  const words: string[] = [];
  for (const raw of s.split(/[^a-z0-9.,]+/)) {
    if (/^[.,]+$/.test(raw)) words.push(raw[0]!);
    else raw.split(/[.,]+/).filter(Boolean).forEach((w) => words.push(fix(w, c)));
  }
  let joined = ` ${words.join(' ')} `;
  for (const [from, to] of c.lex.phrases) joined = joined.split(` ${from} `).join(` ${to} `);
  const tokens = joined.split(' ').filter(Boolean);
  tokens.push('.');
  return tokens;
}

/** One word: collapse letters run together ("diiie", "soooo"), then fix slang and misspellings. */
function fix(word: string, c: Compiled): string {
  const spelled = (w: string) => c.spelling.get(w) ?? (c.vocab.has(w) ? w : undefined);
  let w = word.replace(/(.)\1{2,}/g, '$1$1');
  const direct = spelled(w);
  if (direct !== undefined) return direct;
  const single = w.replace(/(.)\1+/g, '$1');
  return spelled(single) ?? w;
}

function getCompiled(): Compiled {
  return (cache ??= compile(LEXICON_EN));
}

function numberValue(token: string): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  return NUMBER_WORDS[token];
}

function isBoundary(token: string | undefined): boolean {
  return token === '.' || token === ',';
}

/** The end (exclusive) of a match of `els` starting at `pos`, or -1. Gaps never cross a sentence end. */
function matchAt(els: Element[], i: number, tokens: string[], pos: number, c: Compiled): number {
  if (i === els.length) return pos;
  const el = els[i]!;
  if ('gap' in el) {
    for (let skip = 0; skip <= el.gap; skip++) {
      if (skip > 0 && isBoundary(tokens[pos + skip - 1])) break;
      const end = matchAt(els, i + 1, tokens, pos + skip, c);
      if (end >= 0) return end;
    }
    return -1;
  }
  const token = tokens[pos];
  let ok = false;
  if (token !== undefined) {
    if (isBoundary(token)) ok = el.boundary;
    else {
      ok = el.words.has(token) || el.prefixes.some((p) => token.startsWith(p));
      if (!ok && el.min !== undefined) {
        const value = numberValue(token);
        const next = els[i + 1];
        const unitFollows = (!next || 'gap' in next) && c.sets.units.has(tokens[pos + 1] ?? '');
        ok = value !== undefined && value >= el.min && !unitFollows;
      }
    }
  }
  if (ok) {
    const end = matchAt(els, i + 1, tokens, pos + 1, c);
    if (end >= 0) return end;
  }
  return el.optional ? matchAt(els, i + 1, tokens, pos, c) : -1;
}

function findAll(els: Element[], tokens: string[], c: Compiled, from = 0, to = tokens.length): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (let start = from; start < to; start++) {
    const end = matchAt(els, 0, tokens, start, c);
    if (end > start && end <= to + 1) {
      found.push([start, end]);
      start = end - 1;
    }
  }
  return found;
}

/** A negator shortly before `start`, in the same clause, not part of "can't stop" / "no idea". */
function negatedBefore(tokens: string[], start: number, c: Compiled): boolean {
  for (let i = start - 1; i >= 0 && i >= start - 5; i--) {
    const t = tokens[i]!;
    if (isBoundary(t) || c.sets.breaks.has(t)) return false;
    if (c.sets.neg.has(t) && !c.sets.notNeg.has(tokens[i + 1] ?? '')) return true;
    if (c.sets.self.has(t) || c.sets.other.has(t)) return false;
  }
  return false;
}

/** Who the words before the match are about: the nearest person or thing in the sentence. */
/** Words that open a clause whose subject comes next ("once I'm gone", "before I go"). */
const CLAUSE_OPENERS = new Set(['once', 'when', 'after', 'before', 'until', 'till', 'since', 'while', 'where']);

function subjectOf(tokens: string[], start: number, c: Compiled, acrossClauses: boolean): 'self' | 'other' | 'thing' | 'none' {
  // A match that opens a clause names its own subject: "...looks after her once I'm gone" is about "I".
  const opener = tokens[start + 1];
  if ((SUBJECT_BREAKS.has(tokens[start]!) || CLAUSE_OPENERS.has(tokens[start]!)) && opener !== undefined) {
    if (c.sets.self.has(opener)) return 'self';
    if (c.sets.other.has(opener)) return 'other';
  }
  // Across clauses ("he is banging on the door right now and says...") the subject can be further back.
  for (let i = start - 1; i >= 0 && i >= start - (acrossClauses ? 12 : 8); i--) {
    const t = tokens[i]!;
    if (t === '.' || (!acrossClauses && (t === ',' || SUBJECT_BREAKS.has(t)))) break;
    if (c.sets.self.has(t)) return 'self';
    if (c.sets.other.has(t)) return 'other';
    if (c.sets.thing.has(t)) return 'thing';
  }
  return 'none';
}

/** The sentence around `at` says it is happening now ("now", "tonight", "currently"). */
function saysNow(tokens: string[], at: number, c: Compiled): boolean {
  let s = at;
  while (s > 0 && tokens[s - 1] !== '.') s--;
  for (let i = s; i < tokens.length && tokens[i] !== '.'; i++) if (c.sets.rightNow.has(tokens[i]!)) return true;
  return false;
}

/** The sentence says it is over ("used to", "years ago") and nothing says it is now. */
function isPast(tokens: string[], start: number, end: number, c: Compiled): boolean {
  let s = start;
  while (s > 0 && tokens[s - 1] !== '.') s--;
  let e = end;
  while (e < tokens.length && tokens[e] !== '.') e++;
  for (let i = s; i < e; i++) if (c.sets.now.has(tokens[i]!)) return false;
  return c.past.some((els) => findAll(els, tokens, c, s, e).length > 0);
}

/** A new clause with its own subject may start after these ("...to my friend and all my things"). */
const SUBJECT_BREAKS = new Set(['and', 'but', 'so', 'because', 'cause', 'though', 'although', 'or']);

const overlaps = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];

/*
 * The model must not undo what the rules understood, so it does not see the words of an idiom
 * ("killed it"), of a match negated right before it ("I'm not going to kill myself") or by a denial
 * in its sentence ("I think about suicide but I wouldn't"), or of one the sentence puts in the past
 * ("when I was 15"). It does see the rest: a match softened by a denial in another sentence ("no
 * plans this weekend. swallowed all my pills"), or because the words before it looked like a thing,
 * may be misread, and the model is the second opinion on exactly those.
 */

interface RulesResult {
  top: number;
  counted: Map<string, number>;
  matches: RiskMatch[];
  /** Spans the model must not see as risk words: idioms, and matches negated or denied in their sentence, or past. */
  guarded: Array<[number, number]>;
}

function assessRules(tokens: string[], c: Compiled): RulesResult {
  const idioms: Array<[number, number]> = [];
  for (const { rule, patterns } of c.rules) {
    if (rule.level === 'none') patterns.forEach((els) => idioms.push(...findAll(els, tokens, c)));
  }
  const denials = c.denials.flatMap((els) => findAll(els, tokens, c));
  const denied = denials.length > 0;
  // Tokens from one to the other hold no sentence end.
  const sameSentence = (a: number, b: number) => !tokens.slice(Math.min(a, b), Math.max(a, b)).includes('.');
  const matches: RiskMatch[] = [];
  const hits: Array<{ rule: LexRule; level: number; plain: boolean; span: [number, number]; match: RiskMatch; guard: boolean }> = [];
  const seen = new Set<string>();
  for (const { rule, patterns } of c.rules) {
    if (rule.level === 'none') continue;
    const base = RANK[rule.level];
    for (const els of patterns) {
      for (const span of findAll(els, tokens, c)) {
        const key = `${rule.id}:${span[0]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const who = rule.who ?? 'self';
        const subject = subjectOf(tokens, span[0], c, who === 'other');
        if (who === 'other' && subject !== 'other') continue;
        let level = base;
        let softenedBy: string | undefined;
        const soften = (to: LexLevel, why: string) => {
          if (RANK[to] < level) [level, softenedBy] = [RANK[to], why];
        };
        if (idioms.some((idiom) => overlaps(idiom, span))) soften('none', 'idiom');
        // A body part is a thing for most rules ("my head is killing me"), not for a medical emergency.
        if (subject === 'thing' && who !== 'any') soften('none', 'object');
        // Someone else in danger now ("my mate is on the roof now saying he'll jump") is urgent: the
        // person typing may be the only one who can get help to them in time.
        if (who === 'self' && subject === 'other' && !(base === 2 && saysNow(tokens, span[0], c))) {
          soften(rule.ifOther ?? (base === 2 ? 'concern' : 'none'), 'other person');
        }
        const negatedHere = negatedBefore(tokens, span[0], c);
        if (negatedHere || (base === 2 && denied)) {
          soften(rule.ifNegated ?? BY_RANK[base - 1]!, 'negated');
        }
        const past = isPast(tokens, span[0], span[1], c);
        if (past) soften(rule.ifPast ?? 'concern', 'past');
        const phrase = tokens.slice(span[0], span[1]).filter((t) => !isBoundary(t)).join(' ');
        const match: RiskMatch = softenedBy ? { category: rule.category, phrase, softenedBy } : { category: rule.category, phrase };
        matches.push(match);
        const deniedHere = base === 2 && denials.some(([start]) => sameSentence(start, span[0]));
        hits.push({ rule, level, plain: !softenedBy, span, match, guard: negatedHere || deniedHere || past });
      }
    }
  }
  // A time frame or means counts only apart from the cue itself: "bought a rope" is not a means
  // twice over, but "rope's in the shed. Tonight." is a cue and a time frame.
  const imminence = c.imminence.flatMap((els) => findAll(els, tokens, c));
  const imminentBesides = (span: [number, number]) => imminence.find((s) => !overlaps(s, span));
  // A cue that means little alone ("gave my dog to my neighbour") counts only with another match
  // (not overlapping it), or, if it escalates, with a time frame or means.
  for (const hit of hits) {
    const { ifAlone } = hit.rule;
    if (!ifAlone || hit.level <= RANK[ifAlone]) continue;
    const company = hits.some((h) => h !== hit && h.level > 0 && !overlaps(h.span, hit.span));
    if (!company && !(c.escalates.has(hit.rule.id) && imminentBesides(hit.span))) {
      hit.level = RANK[ifAlone];
      hit.plain = false;
      hit.match.softenedBy ??= 'alone';
    }
  }
  const counted = new Map<string, number>();
  const countedRules = new Set<string>();
  let top = 0;
  let imminent: [number, number] | undefined;
  let veiled = 0;
  for (const { rule, level, plain, span } of hits) {
    if (level <= 0) continue;
    counted.set(rule.category, Math.max(counted.get(rule.category) ?? 0, level));
    if (plain && c.escalates.has(rule.id)) imminent ??= imminentBesides(span);
    if (plain && c.escalatesWithAny.has(rule.id)) veiled++;
    countedRules.add(rule.id);
    top = Math.max(top, level);
  }
  if (veiled && top < 2 && (veiled > 1 || [...countedRules].some((id) => !c.escalatesWithAny.has(id)))) {
    matches.push({ category: 'imminent', phrase: 'veiled intent with other risk' });
    counted.set('imminent', 2);
    top = 2;
  }
  if (top < 2 && imminent) {
    matches.push({ category: 'imminent', phrase: tokens.slice(imminent[0], imminent[1]).join(' ') });
    counted.set('imminent', 2);
    top = 2;
  }
  const guarded = [...idioms, ...hits.filter((h) => h.guard).map((h) => h.span)];
  return { top, counted, matches, guarded };
}

/** The words the model reads: the message with the guarded spans blanked out (a break: no pair spans one). */
function forModel(tokens: string[], guarded: Array<[number, number]>): string[] {
  return tokens.map((t, i) => (guarded.some(([s, e]) => i >= s && i < e) ? ',' : t));
}

/** What the model is trained on, so training and rating read a message the same way. */
export function modelTokens(text: string): string[] {
  const c = getCompiled();
  const tokens = tokenize(text, c);
  return forModel(tokens, assessRules(tokens, c).guarded);
}

export function assessRisk(text: string, locale = 'en', model: RiskModel = MODEL_EN): RiskAssessment {
  void locale; // Only English so far: other locales use the English lexicon, which still catches much.
  const c = getCompiled();
  const tokens = tokenize(text, c);
  const { counted, matches, guarded, top: ruled } = assessRules(tokens, c);
  let top = ruled;
  // The models (model.ts) catch wording nobody listed. They only raise a level, and they read the
  // message without the guarded words (see above assessRules).
  const features = modelFeatures(forModel(tokens, guarded));
  const raise = (head: BinaryModel, at: number, level: number) => {
    const score = scoreFeatures(head, features);
    if (score.probability < at) return;
    matches.push({ category: 'model', phrase: score.strongest.join(', ') });
    counted.set('model', level);
    top = level;
  };
  if (top < 2) raise(model.urgent, URGENT_AT, 2);
  if (top < 1) raise(model.anyRisk, CONCERN_AT, 1);
  const categories = [...counted.entries()].sort((a, b) => b[1] - a[1]).map(([category]) => category);
  return { level: BY_RANK[top] as RiskLevel, categories, matches };
}
