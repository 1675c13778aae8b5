import { describe, expect, it } from 'vitest';
import { assessRisk, tokenise } from '../../flows/safety/assess.js';
import { LEXICON_EN } from '../../flows/safety/lexicon.en.js';
import { LEXICON_ONLY } from '../../flows/safety/model.js';

const level = (text: string) => assessRisk(text).level;

describe('assessRisk', () => {
  it('rates plain statements of intent, plan and means urgent, with their category', () => {
    expect(assessRisk('I am going to kill myself tonight')).toMatchObject({ level: 'urgent', categories: ['intent'] });
    expect(assessRisk('I took 20 paracetamol').categories).toContain('method');
    expect(assessRisk('i have a plan to end my life').categories).toEqual(expect.arrayContaining(['plan', 'intent']));
    expect(assessRisk('my dad hits me').categories).toEqual(['abuse']);
    expect(assessRisk('I can’t breathe').categories).toEqual(['medical']);
    expect(assessRisk('I’m giving away all my things').categories).toEqual(['goodbye']);
  });

  it('returns none with no matches for ordinary answers', () => {
    expect(assessRisk('I want to sleep better and go for a walk each morning')).toEqual({ level: 'none', categories: [], matches: [] });
    expect(assessRisk('')).toEqual({ level: 'none', categories: [], matches: [] });
  });

  it('counts a cue marked ifAlone only with other risk, another cue or a time frame', () => {
    // The lexicon alone; the trained model may still read a single goodbye act as urgent.
    const level = (text: string) => assessRisk(text, 'en', LEXICON_ONLY).level;
    expect(level('gave my dog to my neighbour')).toBe('none');
    expect(level('cancelled my phone contract')).toBe('none');
    expect(level('gave my dog to my neighbour and cancelled my phone contract')).toBe('urgent');
    expect(level("i've got a bat in the car")).toBe('none');
    expect(level("i've got a bat in the car, tonight he gets what's coming")).toBe('urgent');
    expect(level("i'm worried about my sister")).toBe('none');
    expect(level("i'm worried about my sister, she posts dark stuff")).toBe('concern');
    expect(assessRisk('cancelled my gym').matches[0]).toMatchObject({ softenedBy: 'alone' });
  });

  describe('negation', () => {
    it('lowers a negated urgent phrase to concern, never to none', () => {
      expect(level("I'm not going to kill myself")).toBe('concern');
      expect(level('i would never hurt myself')).toBe('concern');
      expect(level("I don't want to die")).toBe('concern');
      expect(assessRisk("I'm not going to kill myself").matches[0]).toMatchObject({ category: 'intent', softenedBy: 'negated' });
    });
    it('reads a denial later in the message ("...but I wouldn\'t")', () => {
      expect(level("sometimes I think about suicide but I wouldn't")).toBe('concern');
      expect(level('I have thoughts of killing myself but no plan')).toBe('concern');
      expect(level('I think about suicide a lot')).toBe('urgent');
    });
    it('keeps negation inside its clause, and ignores "can\'t stop" and the negation a phrase carries', () => {
      expect(level("I can't stop thinking about killing myself")).toBe('urgent');
      expect(level("I don't want to live anymore")).toBe('urgent');
      expect(level('nothing helps and I want to die')).toBe('urgent');
      expect(level("no one listens, I want to die")).toBe('urgent');
    });
    it('drops a negated concern to none', () => {
      expect(level("I don't feel hopeless anymore")).toBe('none');
      expect(level("I'm not a burden, I know that now")).toBe('none');
    });
  });

  describe('idioms', () => {
    it.each([
      'this is killing me', 'exams are killing me', 'the deadline is killing me', "I'm dying to see it", 'you killed it',
      'I could murder a pizza', 'I nearly died of embarrassment', 'my phone died', 'I overdosed on coffee lol',
      'I would kill for a coffee', 'my mum would kill me if she knew', 'I cut myself shaving', 'that was to die for',
    ])('%s → none', (text) => expect(level(text)).toBe('none'));

    it('reports an idiom match as softened, so a clinician can see why', () => {
      expect(assessRisk('I overdosed on coffee').matches).toEqual([{ category: 'method', phrase: 'overdosed', softenedBy: 'idiom' }]);
    });
    it('does not let an idiom hide a real statement beside it', () => {
      expect(level('I want to die of embarrassment')).toBe('none');
      expect(level('I want to die, this is killing me')).toBe('urgent');
    });
  });

  describe('other people and things', () => {
    it('rates a third party at risk as concern', () => {
      expect(assessRisk('my friend wants to kill herself')).toMatchObject({ level: 'concern', categories: ['other person at risk'] });
      expect(assessRisk('my best friend says she wants to die').matches[0]).toMatchObject({ softenedBy: 'other person' });
      expect(level('my brother tried to take his own life')).toBe('concern');
    });
    it('rates a death that is not a risk as none', () => {
      expect(level('my grandad died last year')).toBe('none');
      expect(level('my hamster died')).toBe('none');
    });
    it('keeps an emergency about someone else urgent', () => {
      expect(level("my friend took pills and won't wake up")).toBe('urgent');
      expect(level("she's not breathing")).toBe('urgent');
    });
    it('rates harm from another person urgent, and "kys" aimed at others concern', () => {
      expect(level("he's hitting me")).toBe('urgent');
      expect(level('the ball hit me')).toBe('none');
      expect(assessRisk('kys')).toMatchObject({ level: 'concern', categories: ['directed at others'] });
      expect(level("I'm going to kill him")).toBe('urgent');
    });
  });

  describe('misspellings, slang and emoji', () => {
    it.each(['kms', 'gonna kms tonight', 'i want to unalive myself', 'i am suicidial', 'i want to kil myself', 'i wanna dieeee', 'I want to KILL MYSELF', 'I’m gonna kill myslef', 'im going to od', '💊💊💊'])(
      '%s → urgent',
      (text) => expect(level(text)).toBe('urgent'),
    );
    it('reads "sewer slide" as suicide and a lone pill emoji as an unclear mention', () => {
      expect(assessRisk('thinking about sewer slide').level).toBe('urgent');
      expect(assessRisk('💊').categories).toEqual(['unclear mention']);
    });
    it('normalises accents, curly quotes, repeated letters and numbers glued to units', () => {
      expect(tokenise('I’m SOOOO tíred, 800mg!')).toEqual(['i', 'am', 'so', 'tired', ',', '800', 'mg', '.', '.']);
    });
  });

  describe('past tense', () => {
    it('lowers clearly historical self-harm and attempts to concern', () => {
      expect(level('I used to cut')).toBe('concern');
      expect(level('I tried to kill myself when I was 16')).toBe('concern');
      expect(assessRisk('I took an overdose a few years ago').matches[0]).toMatchObject({ softenedBy: 'past' });
    });
    it('keeps it urgent when the sentence also says now', () => {
      expect(level('I used to cut and now I am cutting again')).toBe('urgent');
      expect(level('I tried to kill myself last night')).toBe('urgent');
      expect(level('I just tried to hang myself')).toBe('urgent');
    });
  });

  describe('medicines and amounts', () => {
    it('separates a dose from a count of pills', () => {
      expect(level('I take 50mg sertraline every morning')).toBe('none');
      expect(level('I take 2 paracetamol for a headache')).toBe('none');
      expect(level('took 30 of my sertraline')).toBe('urgent');
      expect(level('800mg')).toBe('urgent');
      expect(level('I have been saving up my pills')).toBe('urgent');
    });
  });

  describe('imminence', () => {
    it('raises passive thoughts with a time frame or a means to urgent', () => {
      expect(level('I wish I could disappear')).toBe('concern');
      expect(assessRisk('I wish I could disappear tonight').categories).toEqual(['imminent', 'passive ideation']);
      expect(level('I hate myself and I have a rope')).toBe('urgent');
      expect(level('I feel hopeless tonight')).toBe('concern');
    });
    it('raises a veiled "going to do it" to urgent only with other risk', () => {
      // The lexicon alone; the trained model reads "I'm going to do it", typed here, as urgent too.
      expect(assessRisk("I'm going to do it", 'en', LEXICON_ONLY).level).toBe('concern');
      expect(level("I'm going to do it, everyone would be better off without me")).toBe('urgent');
    });
  });

  describe('principled fixes (recency, method questions, passive ideation, means, hyperbole)', () => {
    it('does not soften an ingestion minutes or hours ago: it is an emergency now', () => {
      expect(level('i overdosed on my sertraline like 20 mins ago')).toBe('urgent');
      expect(level('took all of them about two hours ago')).toBe('urgent');
      expect(level('i just swallowed a bunch of my nans tablets')).toBe('urgent');
      expect(level('overdosed earlier tonight')).toBe('urgent');
      expect(level('i overdosed when i was 15')).toBe('concern');
      expect(assessRisk('i took an overdose three years ago').matches[0]).toMatchObject({ softenedBy: 'past' });
      expect(level('i took my tablets an hour ago like the doctor said')).toBe('none');
      expect(level('i took them to school an hour ago')).toBe('none');
    });
    it("rates someone else's ingestion now urgent (a child into the medicine)", () => {
      expect(assessRisk('my toddler swallowed some of grandmas pills').categories).toEqual(['medical']);
      expect(level('my daughter swallowed her vitamin without any fuss')).toBe('none');
    });
    it('rates method questions in the second or generic person urgent, not "another person"', () => {
      expect(assessRisk('what is the easiest way to kill yourself').categories).toContain('plan');
      expect(level('how do u overdose on paracetamol')).toBe('urgent');
      expect(level('whats the least painful way to go')).toBe('urgent');
      expect(level('whats the best way to hang a picture frame')).toBe('none');
      expect(level('how many pills do i take for a headache')).toBe('none');
      expect(level('kill yourself')).toBe('concern');
    });
    it('counts a time frame or means apart from the cue itself, not the same words twice', () => {
      expect(level('I bought a rope for my climbing course')).toBe('none');
      expect(level("Rope's in the shed. Tonight.")).toBe('urgent');
      expect(level('my little brother has a water gun')).toBe('none');
    });
    it('rates someone else with a method or plan, or in danger now, urgent', () => {
      expect(level('my girlfriend is sitting on the railing of our balcony saying she is going to let go')).toBe('urgent');
      expect(level('my elderly mum fell and the cut on her head will not stop bleeding')).toBe('urgent');
      expect(level('my friend used to cut herself years ago')).toBe('concern');
    });
    it('tells a real threat from hyperbole about being told off', () => {
      expect(level('he said he would kill me if i told anyone')).toBe('urgent');
      expect(level("My boss said he'd kill me if I was late again, laughing as he said it")).toBe('none');
      expect(level('sorted my will and cancelled my phone contract. nobody needs to clean up after me')).toBe('urgent');
      expect(level('wrote out the cat food and vet stuff for my brother so someone looks after her once im gone tonight')).toBe('urgent');
    });
    it('rates classic passive ideation concern', () => {
      expect(level('sometimes i want to fall asleep and never wake up')).toBe('concern');
      expect(level('id rather just disappear')).toBe('concern');
      expect(level('people would forget me within a month')).toBe('concern');
      expect(level('i feel like im only taking up space here')).toBe('concern');
      expect(level('if a car hit me tomorrow i really would not care')).toBe('concern');
      expect(level('i wish i could sleep in and not wake up till noon')).toBe('none');
      expect(level('i would rather stay home')).toBe('none');
    });
    it('rates means with a place, a decision with a day, and finality with a time urgent', () => {
      expect(level('sitting in the bathtub with a blade')).toBe('urgent');
      expect(level('im on the platform waiting for the fast train to come through')).toBe('urgent');
      expect(level('im on the platform waiting for my train to work')).toBe('none');
      expect(level('walked up to the cliff, sitting at the edge now')).toBe('urgent');
      expect(level('i wont be here after this weekend')).toBe('urgent');
      expect(level('i wont be around after 6 tonight, going to my nans')).toBe('none');
    });
    it('counts preparing means and a decided day only together (ifAlone)', () => {
      expect(level('bought a rope for the tyre swing today')).toBe('none');
      expect(level('got a rope yesterday. checked the loft hatch can hold my weight')).toBe('urgent');
      expect(level('i have decided. saturday is the day i start running again')).toBe('none');
      expect(level('ive made up my mind. friday is the day')).toBe('urgent');
      expect(level('got everything i need for the trip')).toBe('none');
      expect(level('got everything i need. tonight im doing it')).toBe('urgent');
    });
    it('reads laughter or a trivial trigger after a threat at someone else as hyperbole', () => {
      expect(level('my dad is going to kill me lol i scratched the car')).toBe('none');
      expect(level('im gonna murder my sister 😂 she read my diary')).toBe('none');
      expect(level('gonna kill my brother he ate the last slice of pizza')).toBe('none');
      expect(level('my stepdad said he will kill me and hes coming up the stairs')).toBe('urgent');
      // Self-directed teen hyperbole is rated as before: laughter does not cancel it.
      expect(level('kill myself 😂')).toBe('urgent');
    });
  });

  it('accepts a locale and falls back to English', () => {
    expect(assessRisk('I want to die', 'en-GB').level).toBe('urgent');
    expect(assessRisk('I want to die', 'fr').level).toBe('urgent');
  });

  it('has a lexicon whose every rule has an id, category, level and patterns', () => {
    const ids = new Set<string>();
    for (const rule of LEXICON_EN.rules) {
      expect(rule.id).toMatch(/^[a-z-]+$/);
      expect(ids.has(rule.id), rule.id).toBe(false);
      ids.add(rule.id);
      expect(rule.category).not.toBe('');
      expect(rule.match.length).toBeGreaterThan(0);
    }
  });
});
