/**
 * English risk lexicon: the words and rules `assess.ts` uses to rate a message. Plain data, so a
 * clinician can read and extend it without touching the engine. It ships to the browser: keep
 * each rule's reason in a comment above it (comments are stripped from the bundle), not in a string.
 *
 * HOW A MESSAGE IS PREPARED (the engine does this before matching)
 *   lowercase, accents removed, emoji named (see `emoji`), contractions expanded ("won't" → "will
 *   not", "I'm" → "i am"), letters run together collapsed ("diiiie" → "die"), slang and misspellings
 *   replaced (see `spelling` and `phrases`), then split into words. Sentence ends (. ! ? new line)
 *   and clause breaks (, ; : and "but", "and", "so", "because", "if") are kept as boundaries.
 *
 * A RULE
 *   { id, category, level, match: [patterns], who?, ifNegated?, ifPast?, ifOther? }
 *   - level: 'urgent' or 'concern'; 'none' marks an idiom: a match of a 'none' rule that overlaps a
 *     risk match cancels it ("dying to see it", "killed it", "overdosed on coffee").
 *   - match: one or more patterns. A pattern is words separated by spaces, each word matching one
 *     word of the message:
 *       kill|killing   either word                  kill*     any word starting with "kill"
 *       @self          a word family (see `families`) #8        a number of at least 8 ("20", "twenty")
 *       the?           optional (a trailing ?)        ~3        skip up to 3 words (not across a sentence end)
 *     Patterns never cross a boundary, so keep them short: a verb and its object, not a sentence.
 *   - who: whose situation the words must be about. 'self' (default): the nearest person before the
 *     match is "I", or nobody ("wanna die"); if it is someone else ("my friend wants to die") the
 *     match is softened 'other person' and counts as `ifOther`; if it is a thing ("my phone died",
 *     "my back is killing me") it does not count. 'other': only counts when another person is the
 *     subject ("he hits me"). 'any': counts whoever it is about (medical emergencies).
 *   - ifNegated: level when a negation comes just before it in the same clause ("I'm not going to
 *     kill myself"), or the message says the person will not act ("...but I never would", "no plan").
 *     Default: urgent → concern, concern → none.
 *   - ifPast: level when the sentence says it is over ("used to", "years ago", "when I was 14")
 *     and says nothing of now ("just", "tonight", "right now"). Default: concern.
 *   - ifOther: see `who`. Default: urgent → concern (a third party at risk is at least concern),
 *     concern → none.
 *   - ifAlone: level when nothing else in the message counts (another rule, or another pattern of
 *     this one, not overlapping it) and, for a rule in `escalates`, no `imminence` pattern is there.
 *     For cues that mean little alone but a lot together ("gave my dog to my neighbour" + "cancelled
 *     my phone contract"; "worried about my sister" + "posting dark stuff").
 *   The message's level is the highest level left after these. Two more steps can raise it to
 *   urgent (category 'imminent'): a rule named in `escalates` counting together with one of the
 *   `imminence` patterns (a time frame or a means: "I wish I could disappear tonight"), and a rule
 *   named in `escalatesWithAny` ("going to do it") counting together with any other rule.
 *
 * THE OTHER LISTS
 *   Word lists are words separated by spaces; `pastMarkers`, `denials` and `imminence` are patterns
 *   as above. `units` stops "20mg" or "15 years" being read as a count of pills.
 *
 * TO ADD A PHRASE: add a pattern to the rule it belongs to (or a word to a family), add a line to
 * test/safety/fixtures.en.tsv with its expected label, and run `npm test` and
 * `npm run risk -- test/safety/fixtures.en.tsv`. Add benign look-alikes too ("I bought a rope for
 * climbing"), and check a few ordinary answers with `echo "..." | npm run risk -- -`.
 * Watch the spaces: "kill|killing myself" is two words; "going to|gonna" is NOT an alternative
 * between two phrases (it is "going" then "to" or "gonna"): write two patterns instead.
 */

export type LexLevel = 'urgent' | 'concern' | 'none';

export interface LexRule {
  id: string;
  category: string;
  level: LexLevel;
  match: string[];
  who?: 'self' | 'other' | 'any';
  ifNegated?: LexLevel;
  ifPast?: LexLevel;
  ifOther?: LexLevel;
  ifAlone?: LexLevel;
}

export interface Lexicon {
  emoji: Record<string, string>;
  phrases: Array<[from: string, to: string]>;
  spelling: Record<string, string>;
  /** Word families, used in patterns as @name: words separated by spaces. */
  families: Record<string, string>;
  /** Word lists below: words separated by spaces. */
  negators: string;
  /** A negator right before one of these is not a negation ("I can't stop thinking about it"). */
  notNegatedBefore: string;
  clauseBreaks: string;
  /** Patterns: the sentence says it is over. */
  pastMarkers: string[];
  /** Words: the sentence says it is now (wins over pastMarkers). */
  nowMarkers: string;
  /** Words after a number that make it a dose, a duration or an age, not a count of pills. */
  units: string;
  /** Words that make the subject another person / a thing, for `who`. */
  selfWords: string;
  otherWords: string;
  thingWords: string;
  /** Message-level statements that the person will not act, or that the harm is minor: they negate urgent matches. */
  denials: string[];
  /**
   * Thoughts + means or time frame = imminent risk. When a rule listed in `escalates` (ids) counts
   * as concern, not lowered by negation, past or another person, and one of `imminence` (patterns)
   * is in the same message, the message is urgent, category 'imminent'.
   */
  escalates: string;
  imminence: string[];
  /** Rule ids that also escalate to urgent when any other rule counts in the same message, or two of their own patterns do. */
  escalatesWithAny: string;
  rules: LexRule[];
}

export const LEXICON_EN: Lexicon = {
  // Emoji that mean something on their own. Pill emoji is a strong signal (Crisis Text Line: 4.4x).
  emoji: { '💊': ' emojipill ', '🔪': ' emojiknife ', '🪦': ' emojigrave ', '⚰': ' emojigrave ', '🔫': ' emojigun ', '🪢': ' rope ', '🩸': ' blood ', '😂': ' emojilaugh ', '🤣': ' emojilaugh ', '💀': ' emojilaugh ', '😅': ' emojilaugh ', '😤': ' emojihuff ', '🙄': ' emojihuff ' },
  // Multi-word slang and spellings, replaced before matching.
  phrases: [
    ['sewer slide', 'suicide'], ['sewer side', 'suicide'], ['self harm', 'selfharm'], ['self harming', 'selfharm'],
    ['self harmed', 'selfharm'], ['self delete', 'kill myself'], ['self deleting', 'kill myself'],
    ['catch the bus', 'kill myself'], ['un alive', 'unalive'], ['co codamol', 'cocodamol'], ['sleeping pills', 'pills'], ['sleeping tablets', 'pills'], ['my self', 'myself'], ['no one', 'noone'],
    ['kill myself laughing', 'laughing'], ['beachy head', 'cliff'], ['golden gate', 'bridge'], ['killing myself laughing', 'laughing'],
  ],
  spelling: {
    // slang
    kms: 'kill myself', kys: 'kill yourself', kmsl: 'laughing', ctb: 'kill myself',
    sh: 'selfharm', selfharming: 'selfharm', selfharmed: 'selfharm', od: 'overdose', oding: 'overdosing', oded: 'overdosed',
    ded: 'dead', wanna: 'want to', gonna: 'going to', tryna: 'trying to', gotta: 'got to', finna: 'going to', hafta: 'have to',
    im: 'i am', ive: 'i have', id: 'i would', u: 'you', ur: 'your', r: 'are', cuz: 'because', cos: 'because',
    coz: 'because', bc: 'because', tho: 'though', rn: 'right now', tn: 'tonight', tonite: 'tonight', teh: 'the', tmrw: 'tomorrow', tmr: 'tomorrow', tmrrw: 'tomorrow', tomoz: 'tomorrow', tmoz: 'tomorrow', '2moro': 'tomorrow', '2morrow': 'tomorrow', abt: 'about', thru: 'through', rly: 'really', ppl: 'people', smth: 'something', sth: 'something', pls: 'please', plz: 'please', everyones: 'everyone', w: 'with',
    dont: 'do not', cant: 'can not', cannot: 'can not', wont: 'will not', didnt: 'did not', doesnt: 'does not', isnt: 'is not',
    wouldnt: 'would not', couldnt: 'could not', shouldnt: 'should not', havent: 'have not', hasnt: 'has not', arent: 'are not',
    wasnt: 'was not', werent: 'were not', aint: 'is not', nvr: 'never', noo: 'no', nah: 'no',
    // misspellings
    suicidial: 'suicidal', sucidal: 'suicidal', suicdal: 'suicidal', suisidal: 'suicidal', suicidle: 'suicidal', sucidial: 'suicidal',
    sucide: 'suicide', suicid: 'suicide', suiside: 'suicide', suicde: 'suicide', sucied: 'suicide', suecide: 'suicide',
    kil: 'kill', kilk: 'kill', killl: 'kill', myslef: 'myself', mysef: 'myself', myslf: 'myself', meself: 'myself', mself: 'myself',
    mysefl: 'myself', urself: 'yourself', yourslef: 'yourself', overdoes: 'overdose', overdoese: 'overdose', pils: 'pills',
    paracetemol: 'paracetamol', paracetomol: 'paracetamol', parcetamol: 'paracetamol', paracetmol: 'paracetamol',
    tylenols: 'tylenol', panadols: 'panadol', hurtin: 'hurting', cuttin: 'cutting', killin: 'killing', dyin: 'dying',
    wnt: 'want', wana: 'want to', tonigth: 'tonight', whats: 'what is', shes: 'she is', hes: 'he is', theyll: 'they will',
    theyre: 'they are', thats: 'that is', til: 'till', lyf: 'life', nothin: 'nothing', everythin: 'everything',
    hopless: 'hopeless', worthles: 'worthless', burdon: 'burden', starvin: 'starving',
  },
  families: {
    self: 'myself',
    others3: 'herself himself themselves themself',
    want: 'want wants wanted wanting ready plan planning planned decided about deserve deserves need needs trying',
    killv: 'kill killing killed murder hang hanging hung drown drowning shoot shooting poison poisoning suffocate suffocating strangle gas electrocute off offing end ending unalive unaliving',
    harmv: 'cut cutting cuts burn burning burnt burned hurt hurting harm harming hit hitting punch punching scratch scratching stab stabbing bruise slice slicing carve carving bang banging',
    body: 'wrist wrists arm arms thigh thighs leg legs skin throat vein veins stomach hips belly',
    med: 'codamol cocodamol pills pill tablets tablet meds medication medications medicine emojipill paracetamol acetaminophen tylenol panadol ibuprofen nurofen advil aspirin sertraline zoloft fluoxetine prozac citalopram escitalopram lexapro xanax valium diazepam codeine tramadol oxy oxycodone oxycontin fentanyl morphine insulin lithium quetiapine seroquel amitriptyline mirtazapine propranolol pregabalin gabapentin lyrica zopiclone nytol endone oxynorm targin panadeine mersyndol stilnox temazepam lorazepam ativan clonazepam klonopin alprazolam ambien zolpidem trazodone venlafaxine effexor duloxetine hydrocodone vicodin percocet painkillers sleepers antidepressants benzos caps capsules antifreeze bleach poison drench paraquat pesticide weedkiller',
    amount: 'whole entire box boxes bottle bottles packet packets pack packs handful handfuls stash stockpile months heap heaps',
    take: 'inject injecting injected take taking took taken swallow swallowed swallowing down downed downing neck necked',
    high: 'storey multistorey quarry gorge ravine dam pier jetty bridge bridges building roof roofs rooftop cliff cliffs balcony window tower ledge carpark overpass flyover edge',
    vehicle: 'train trains bus car cars truck lorry traffic tram tracks',
    person: 'him her them someone somebody people everyone everybody you dad mum mom brother sister stepdad stepmum boyfriend girlfriend husband wife partner teacher boss ex family kids baby classmates class school',
    abusev: 'hit hits hitting beat beats beating hurts hurting punch punches punched punching kick kicks kicking kicked choke chokes choking choked strangle strangles strangling strangled slap slaps slapping slapped rape rapes raped raping touch touches touching touched abuse abuses abusing abused threaten threatens threatening threatened grab grabs grabbing shove shoves shoving push pushes pushing beaten attack attacking attacked attacks strangled',
    kin: 'mum mom mother dad father brother sister sis bro baby son daughter nan gran grandma wife husband partner girlfriend boyfriend friend bestie mate kids kid',
    day: 'monday tuesday wednesday thursday friday saturday sunday weekend tomorrow christmas birthday',
    weapon: 'knife knives gun guns emojigun emojiknife weapon machete bat crowbar hammer crossbow axe',
    gone: 'dead die died disappear disappeared vanish vanished dissapear disapear',
    cutv: 'cut cutting cuts slice slicing sliced carve carving carved scratch scratching burn burning burned burnt slash slashing slashed',
    means: 'razor razors blade blades rope noose ligature gun guns shotgun rifle emojigun emojiknife',
    trivial: 'last leftovers slice chips crisps fries biscuit biscuits charger hoodie jumper clothes diary makeup headphones',
    food: 'coffee caffeine sugar chocolate sweets candy cake carbs pizza netflix tv anime memes tiktok youtube christmas love cuteness drama energy redbull monster vitamin vitamins cheese music kpop cookies food snacks fun work revision tea',
  },
  negators: 'not never no nor without noone nobody',
  notNegatedBefore: 'stop help resist shake get escape ignore even sure know think see find wait anymore',
  clauseBreaks: 'but and so because if though although cause then when whenever while or that',
  pastMarkers: ['used to', 'ago', 'in the past', 'last year|years|summer|winter|spring|month', 'when i was', 'as a kid|teen|child|teenager', 'not ~2 cut|cutting|selfharm|harm|hurt|burn|starve|purge|do|feel|think ~3 anymore|any', 'no longer ~2 cut|selfharm|harm|hurt|burn|feel|think|do', 'stopped|quit', 'since i was', 'back then', 'clean for|since', 'recovered|recovery', 'in year|grade #1', 'in high|primary|secondary school', 'had ~2 phase', 'previously', 'before .', 'not for ~1 a while|ages|months|years|long', 'in #1990'],
  units: 'mg ml g mcg milligrams grams kg years year yrs hours hrs minutes mins days weeks months am pm percent times kilos pounds lbs st th nd rd x a mcgs k',
  nowMarkers: 'now tonight today just currently again still minutes minute mins min hour hours hrs hr earlier right keep relapsed tomorrow soon lately recently',
  selfWords: 'i me myself im',
  otherWords: 'toddler baby child children infant he she they him her them you friend friends mate bestie bff sister brother sis bro mum mom mother dad father parents stepdad stepmum boyfriend girlfriend bf gf partner husband wife son daughter kid kids cousin aunt uncle nan gran grandma grandad grandpa someone somebody people person classmate guy girl boy man woman teacher boss coworker colleague neighbour neighbor client student flatmate roommate ex everyone everybody who',
  thingWords: 'character characters villain hero protagonist phone battery laptop computer car plant plants fish game show film movie song book team food pizza job work exam exams deadline deadlines school homework assignment back head feet legs knees heat weather traffic wifi internet commute shift shoes project series meeting gym workout class lecture week day suspense boredom hangover cold flu joke situation question tooth toothache stress',
  denials: ['not to do it', 'would|will|could|going|never not|never ~2 act on|upon', 'would|will|could|to not|never ~2 do it|that|anything', 'not|never ~1 going to ~1 act|do', 'not|never ~2 go through with', 'never would|will', 'no plan|plans|intention|intent', 'not actually|really ~2 do|act', 'but i ~1 would|will|could not|never .', 'i am safe', 'i am not going to .', 'but ~2 not ~1 deep|hard|serious|badly|bad'],
  // "I wish I could disappear ... tonight", "I hate myself, I'm going to the bridge", "I hate myself 💊".
  // Hopelessness alone does not escalate: "I feel hopeless tonight" is common and stays concern.
  escalates: 'passive burden self-harm-mention suicide-mention veiled goodbye-act threat weapon',
  escalatesWithAny: 'veiled goodbye-act threat weapon abuse-cue firearm medical-cue',
  imminence: ['tonight|tonite', 'river|canal', 'by|before|till|until ~1 morning|tomorrow', 'this is it', 'when|till|until|after ~1 everyone|everybody ~3 asleep|bed|out', 'razor|razors|blade|blades|rope|noose|gun|emojigun|bleach|antifreeze|emojipill|emojiknife', 'bridge|cliff|tracks|ledge|rooftop|motorway'],
  rules: [
    // ---- Urgent: intent ------------------------------------------------------------------------
    // Why: killing oneself stated in any form ("kill myself", "hang myself", "end my life", kms,
    // unalive, "I'm suicidal"). Intent is the core of imminent risk (thoughts + plan + means + time).
    { id: 'kill-self', category: 'intent', level: 'urgent', match: ['@killv @self', 'take|taking|took my own? life', 'end|ending my own? life', 'end|ending it all', 'end|ending everything', 'end|ending it tonight|today|now|soon', 'blow my brains out', 'unalive|unaliving ~1 .|tonight|today|now', 'suicidal', 'commit|committing|attempt|attempting ~1 suicide', 'suicide ~2 tonight|plan|now|attempt'] },
    // Why: wanting, planning or being ready to die is active ideation, even without a method.
    { id: 'want-die', category: 'intent', level: 'urgent', match: ['@want to die|dying', '@want to be dead', 'not ~3 want to live', 'not ~3 want to be alive', 'not ~3 want to exist', 'no longer ~2 want to live', 'going to die tonight|today|soon', 'want|need it ~1 to end|stop .|all|forever|now', 'want it all to end', 'want it to be over', 'want|wish|need ~2 my life ~3 over|end|ended', 'life ~1 to be over', 'make sure ~4 not|never ~1 wake|survive',  '@want ~3 to stop|end ~1 permanently|forever', 'stop existing ~3 tonight|today|now', 'want|wanted|wanting|need|ready|going|about|decided to end it ~1 .|all|tonight|now|today', 'nothing to live for'] },
    // Why: thinking about killing oneself, present tense, is suicidal ideation. The safety screen
    // offers a person and never ejects, so we err towards asking. "...but I wouldn't" → concern.
    { id: 'thoughts', category: 'intent', level: 'urgent', match: ['think|thinking|thought ~2 about|of ~1 ending it', 'think|thinking|thought|thoughts ~2 about|of ~1 killing|suicide', 'think|thinking|thought|thoughts ~2 about|of ~1 ending ~2 life|all|everything', 'thoughts ~2 of|about ~1 ending it', 'suicide|suicidal thoughts|ideation|urges|feelings'] },

    // ---- Urgent: plan ----------------------------------------------------------------------------
    // Why: a plan or research into how is the strongest single signal after intent.
    { id: 'plan', category: 'plan', level: 'urgent', match: ['googled|googling|researched|researching|searched|searching|looked|looking|google ~4 how ~2 die|dying', 'know ~1 how much|many ~4 take|kill|die|need|enough', 'plan|plans|planned|planning ~3 die|suicide|kill', 'plan|plans|planned|planning ~2 to end ~1 it|everything|life', 'have|made|got a plan ~4 die|kill|suicide|myself|overdose|jump', 'know how i ~2 do it', 'know ~1 which|what ~1 tree|bridge|building|cliff', 'have|got ~1 the means', 'worked|figured ~1 out how',  'googled|googling|researched|researching|searched|searching|looked|looking ~4 lethal|painless|overdose|suicide', 'how ~1 to die', 'how ~1 to kill ~1 myself', 'ways to die|kill', 'how many ~3 @med', 'how many ~4 to die|kill|lethal|overdose', 'lethal|fatal dose', 'painless ~1 way|ways|method|methods|death', 'quickest|quick|easiest ~1 way|ways to die|end'] },

    // ---- Urgent: method and means ----------------------------------------------------------------
    // Why: method and means words predict active rescue better than "suicide" (CTL: ibuprofen 16x,
    // "800mg" 2-3x, pill emoji 4.4x). Overdose is urgent unless it is a joke about coffee.
    { id: 'overdose', category: 'method', level: 'urgent', match: ['overdose|overdosed|overdosing|overdoses', 'too many @med', 'took|taken|swallowed ~2 too many'] },
    // Why: a large number or a whole supply of any medicine, or saving pills up, is means to hand.
    // A number followed by a unit ("20mg", "10 years") is not a count of pills.
    { id: 'meds-amount', category: 'method', level: 'urgent', match: ['taking|take ~1 them|it|those|all ~3 once|when|after|tonight ~3 asleep|gone|bed|out|tonight', 'going|planning|plan|want|ready ~2 to use all ~1 of ~1 it|them', '@take ~1 all of ~1 it ~2 tonight|now|today|.', '@med ~3 hidden|stashed|hid|saved', 'insulin|syringe|needle ~3 drawn|loaded|filled', 'way|lot|lots ~1 more than ~1 i ~1 should|supposed', '#8 ~3 @med', '#800 mg|milligrams', '#10 g|grams', '@amount ~5 @med', '@take ~1 all|whole|entire|everything|every ~4 @med', '@take ~1 them|those|these all', '@take ~1 all of ~1 them|those ~1 .|tonight|now|at', '@take ~1 all of ~1 my|the ~1 @med|.', 'took|swallowed|downed|necked the|those|these pills|tablets|meds|emojipill', '@take the|those|these pills|tablets|emojipill ~3 tonight|now|all|die', 'saving|saved|stockpiling|stockpiled|hoarding|hoarded|collecting|hiding|hid|counting|counted|lined|stashing|stashed ~4 @med', 'kept|put|set|keeping ~3 @med ~3 aside|hidden|hid', '@med ~3 counted|lined|ready|laid|aside', 'got|have|bought|ready ~2 the|those|these pills|tablets|meds|paracetamol|emojipill', 'enough ~2 @med ~4 die|kill|end|overdose|do', '@take ~2 whole|entire ~1 pack|packet|box|bottle|strip|lot', '@take|took ~2 load|loads|lot|lots|bunch|handful|handfuls ~1 of ~2 @med', '@med ~6 how much|many', 'drink|drinking|drank|swallow|swallowing|swallowed ~3 bleach|antifreeze|poison|weedkiller', 'emojipill emojipill'] },
    // Why: ligature, jumping, trains, traffic, drowning and firearms are common lethal methods.
    { id: 'method-physical', category: 'method', level: 'urgent', match: ['garage ~5 engine ~2 running', 'blocked|sealed|taped|covered ~4 vents|vent|windows|gaps ~6 gas|heater|bbq|charcoal|engine|generator', 'drink|drinking|drank|swallow|swallowing ~3 drench|paraquat|pesticide|weedkiller', 'stool|chair ~3 under ~2 beam|rafter|ceiling|branch', 'stepping|step|climb|climbing|going ~2 over ~2 the ~1 rail|railing|edge|barrier|balcony|side|fence', 'sitting|sat|standing|stood|lying|lay ~3 on ~2 train|railway ~1 tracks|line', 'tied|tie|tying ~3 rope|cord|belt|scarf|cable|sheet ~5 bannister|banister|beam|hook|door|ceiling|rail|railing|tree', 'going|go over .', 'going|go over ~2 edge|railing|rail|side', '@high|tracks|river|water|sea|train|trains ~5 calling|call ~1 me|to', 'noose|ligature', 'hanging|hang|hanged ~2 from|off ~2 stairs|banister|bannister|ceiling|door|tree|beam|loft', 'train|bus|lorry|truck ~4 jump|step|throw ~2 in front', 'jump|jumping|step|stepping|walk|walking ~1 in front', 'rope|belt|cord|scarf ~4 neck|ceiling|beam|hang', 'jump|jumping|leap|throw ~4 off|from ~2 @high', 'jump|jumping|leap ~4 @high', 'standing|stood|sitting|sat|stand|climbed|climbing|on ~2 the|a ~1 @high ~6 jump|now|tonight|end|die|over', 'i am|standing|sitting on|at ~1 the|a ~1 bridge|roof|rooftop|ledge|cliff|overpass', 'in front of ~2 a|the ~1 @vehicle', 'step|stepping|jump|jumping|fall|throw ~3 off|onto|from|in ~2 platform|tracks|train', 'am|standing|sitting|sat|stood ~1 on|at ~1 the|a ~1 bridge|roof|rooftop|ledge|cliff|overpass|edge', 'step|stepping|walk|walking|lie|lying|lay|stand|standing ~3 into|onto|on|in ~1 the? ~1 traffic|tracks|motorway|rails|railway|freeway|highway', 'drive|driving|crash|crashing|swerve|swerving|steer|steering ~4 into|off ~3 pylon|pole|oncoming|barrier|median|tree|wall|truck|lorry', 'drive|driving|crash|crashing|swerve|swerving ~3 into|off ~2 a|the ~2 tree|wall|cliff|bridge|truck|lorry|river|sea|road|motorway', 'crash ~3 on purpose', 'throw|throwing|threw|fling ~1 myself ~3 under|off|in|from|at', 'i am|sitting|standing|lying|lay ~3 on|at|in ~2 the|a ~1 tracks|cliff|bridge|ledge|roof|rooftop|railway', 'i am ~4 with a ~1 razor|blade|rope|noose|gun', 'i am|standing|sitting ~2 at|on ~1 the ~1 top|edge of ~1 the|a ~1 cliff|bridge|building|roof|tower|carpark|storey', 'about|going|ready to jump .', 'walk|walking ~2 into the sea|ocean|lake|river', 'gun|emojigun ~4 head|mouth|myself|tonight', 'bought|got|have|holding ~3 gun|emojigun', 'bought|got|have ~2 a noose', 'rope|noose|belt ~2 tied|ready|up|set',
      'in|on|at ~2 bath|bathtub|tub|shower|bathroom|garage|loft|attic|woods|car ~3 with ~2 @means', 'platform|tracks|crossing|railway ~6 express|freight|fast|nonstop ~2 train? ~3 through|past', '@high ~3 .? ~2 sitting|sat|standing|stood|parked|waiting ~6 top|edge',
      'sitting|sat|lying|lay|locked|alone|hiding|here|waiting ~5 with ~2 razor|razors|blade|blades|rope|noose|gun|emojigun|emojiknife|pills|emojipill', 'car|engine ~3 running ~5 garage ~6 shut|closed|locked|sealed|sitting|sat|inside', 'sitting|sat|inside|in ~2 car ~5 garage ~6 running|engine|shut|closed', 'shut|closed|locked ~3 garage ~5 car|engine ~2 running|on', 'hose|hosepipe|pipe ~4 exhaust', 'charcoal|bbq|barbecue ~5 room|bedroom|tent|car|sealed|taped'] },
    // Why: cutting at the wrists or throat is lethal self-injury, treated as method.
    { id: 'method-cut', category: 'method', level: 'urgent', match: ['slit|slash|slashing|slice|cut|cutting|open ~2 my ~1 wrists|wrist|throat|veins|vein', 'razor|razors|blade|blades|emojiknife|knife ~4 wrist|wrists|arm|arms|skin|thigh|thighs|myself|throat|veins', 'emojiknife ~3 me|myself|emojigrave'] },

    // Why: an ingestion minutes or hours ago is a medical emergency now, however calmly it is told
    // ("took them an hour ago", "just swallowed them"): the harm of an overdose comes hours later.
    { id: 'ingested', category: 'method', level: 'urgent', match: ['took|taken|swallowed ~1 everything ~1 .|sorry|i|in', 'mixed|mixing ~4 with|and ~4 @med', 'took|swallowed|taken|downed ~6 everything ~3 cupboard|cabinet|drawer|box|bathroom', 'took|swallowed|downed|necked|taken ~1 all? ~1 of? ~1 them|everything|those|these about|like|around|maybe|nearly|over? an|a|half|few|couple|1*|2*|3*|4*|5*|6*|7*|8*|9*|one|two|three|four|five|ten|twenty|thirty|forty ~1 minutes|mins|min|hour|hours|hrs|hr ago', 'just ~1 swallowed|downed|necked|took|taken ~1 all|them|everything|those|these|lot|load|loads|bunch|handful|some ~3 @med|them|.', 'just ~1 swallowed|downed|necked|overdosed'] },
    // Why: method seeking is urgent in any grammatical person: "how do you overdose", "best way to
    // hang yourself", "most painless way to go" ask how, whoever the words name.
    { id: 'method-question', category: 'plan', level: 'urgent', who: 'any', match: ['way|ways|method|methods ~1 to|of ~1 @killv|hang|overdose ~1 yourself|oneself|themselves|@self', 'way|ways|method|methods ~1 to|of ~1 overdose|overdosing|od|die|dying ~1 .', 'painless|painful|quickest|easiest|quietest|peaceful|surest ~2 way|ways ~1 to ~1 go|die ~1 .', 'how ~1 do|does|would|can|could|should|to ~1 you|u|one|someone|people|person ~1 overdose|od', 'how ~2 you|u|one|someone|people ~1 @killv|hang ~1 yourself|oneself|themselves', 'how many|much ~3 @med ~3 would|does|will|to ~1 it take'] },
    // Why: preparing the means ("bought a rope", "tested the beam", "got everything I need") is each
    // ordinary alone (climbing, DIY, packing); two together, or with any other risk, is a plan in hand.
    { id: 'means-prep', category: 'method', level: 'urgent', ifAlone: 'none', match: ['walking|heading|going|driving ~1 there|over ~1 now', 'going|heading|walking|driving|went ~1 to ~1 the ~1 bridge|cliff|cliffs|tracks|river|quarry|gorge|edge|roof ~3 after|tonight|tomorrow|later|now|@day', 'parked ~3 at|on ~2 top|edge|end ~2 of', 'timing|timed ~2 the? ~1 trains|them|train', 'train line|tracks|station|crossing ~6 walk|near|close|from', 'not for ~1 camping|climbing|work|that|gardening|fun .', 'nobody|noone ~1 home|here|around ~3 till|until|all|monday|weekend', 'bought|got|buying|ordered|found ~2 a|some|the|my|more ~1 rope|noose|hose|hosepipe|charcoal|shotgun|rifle|gun|blades|razors', 'tested|testing|test|checked|checking|check ~4 beam|banister|bannister|hook|loft|hatch|branch|knot|noose|weight|drop', 'got|have|bought ~1 everything ~1 i ~1 need', 'have|got ~1 it all ~1 ready|sorted|planned'] },
    // Why: "I've decided" and a day named as "the day" are each ordinary alone; together, or with any
    // other risk, they are a decision with a date.
    { id: 'decided', category: 'plan', level: 'urgent', ifAlone: 'none', match: ['settled on|chose|picked ~1 @day|a day|the day', 'this is where ~2 ends|end|finish', '@day|tonight|tomorrow ~5 is when', 'thought it ~1 through .', 'made up my mind', 'i|have ~1 decided .', 'made up my mind .', 'mind is made up', '@day|tonight|tomorrow|today ~1 is the ~1 day|night|date .'] },

    // ---- Urgent: self-harm now -------------------------------------------------------------------
    // Why: harming oneself now or about to. Past self-harm ("I used to cut") drops to concern.
    { id: 'self-harm', category: 'self-harm', level: 'urgent', match: ['just ~1 cut|burned|burnt|hurt ~1 again|myself', 'deeper|deep ~1 than ~1 usual|before|last', 'deep|deeper ~1 this time', 'going ~1 deeper', 'pressed|held|put|hold|holding ~1 my ~1 hand|arm|fingers|skin ~4 stove|element|iron|kettle|lighter|flame|fire|hob|hotplate', 'holding|have|got ~2 the|a|my ~1 razor|blade|blades|knife|pills|rope|noose ~2 now|right|here', '@cutv|hit|hitting ~3 with ~2 the|a|my ~1 lighter|razor|blade|knife|scissors|compass|glass', 'did it again ~2 with ~2 razor|blade|knife|lighter', 'razor|razors|blade|blades|pills|rope|knife|emojiknife|noose ~4 in my ~1 hand|hands|lap', '@harmv @self', '@cutv my ~1 @body', 'cutting|selfharm|selfharming|relapsed|relapse ~2 again|tonight|now|today', 'urge|urges ~3 cut|selfharm|harm|burn', 'want|wanting|going|need|about to cut|selfharm|harm ~1 myself|again|tonight|so|really|badly|.', 'cut|cutting|selfharm ~4 urge|urges', 'use|using ~1 it|them|this|that on myself'] },

    // ---- Urgent: goodbye behaviour ---------------------------------------------------------------
    // Why: giving things away, saying goodbye, notes and "won't be here" are warning signs of an
    // imminent attempt.
    { id: 'goodbye', category: 'goodbye', level: 'urgent', match: ['whoever ~1 reads|finds|sees', 'last thing ~3 typing|type|write|writing|say|saying|send|sending', 'not ~2 planning|plan|going ~2 on? ~1 being around|here|alive', 'said ~1 goodbye ~2 to ~1 each|all|every|everyone', 'whoever|who ~1 finds ~1 me', 'last|final ~1 chat|message|text|conversation ~2 with|to ~1 anyone|anybody|everyone|you', 'said|saying ~1 my ~1 goodbyes', 'where i am going', 'none|neither of us ~3 around|here|alive', 'giving|gave|give|given ~1 away ~2 my|all ~1 stuff|things|belongings|possessions|everything|pets|cat|dog', 'giving|gave|give|given ~1 away everything', 'giving|gave|give ~3 my|all ~2 stuff|things|belongings|possessions|pets ~2 away', 'all my ~1 stuff|things|belongings|possessions ~1 away', 'this is ~1 goodbye|bye', 'goodbye forever|everyone', 'final|last goodbye|goodbyes|words', 'this is ~1 my ~1 last|final message|words|goodbye', 'saying|say|said ~1 goodbye|goodbyes ~1 to ~1 everyone|everybody|all|forever', 'not ~1 be here|around ~2 tomorrow|much|anymore|long', 'not ~1 be here|around|alive ~1 after|past|beyond tonight|today|tomorrow|this|@day', 'not ~1 going to be here|around|alive ~3 tomorrow|much|long|anymore|soon', 'tell my ~1 mum|mom|dad|family|parents|kids|sister|brother|wife|husband|partner ~1 i am sorry', 'tell my ~1 @kin|family|parents ~2 i ~1 love|loved|am sorry', 'suicide|goodbye|farewell ~1 note|letter|notes|letters', 'wrote|written|writing|write|left|leaving ~3 note|notes|letter|letters ~4 find|goodbye|sorry|gone|everyone', 'when|after|once i am gone|dead', 'when|after i die', 'affairs ~2 in order', 'not ~1 be alive|living|breathing ~3 by|next|tomorrow|much|long|when', 'not ~1 see myself ~3 alive|here|around|living', 'not ~3 survive ~2 night|weekend|week|tonight', 'no way ~3 still ~3 here|alive|around', 'not ~1 be here|around|alive ~2 monday|friday|weekend|next|christmas|birthday', 'last|final day|night|week|hours|days ~2 alive|living', 'last|final day|night|week|hours|days ~2 on earth', 'written|wrote|writing|made ~1 my|a will', 'tonight is the night', 'last ~2 night|time|day ~3 see|sees|seen|hear|hears ~1 me', 'goodbye|bye ~1 to ~1 everyone|everybody|all ~1 .|who|forever', 'tonight is ~1 the ~1 day|night', 'tomorrow|today is ~1 the ~1 day|night ~1 .|die|dying|end|go', 'tonight|today|tomorrow|this|it ~2 my last|final night ~1 .|alive|ever|on', 'not ~2 plan|planning|intend|intending|expect|expecting ~2 being|be ~1 here|around|alive ~2 after|by|past|beyond|next|for|this|@day', 'emojigrave ~3 tonight|soon|me'] },

    // ---- Urgent: harm to others ------------------------------------------------------------------
    // Why: a threat to hurt another person needs the same immediate response (duty to warn).
    // "I'd never hurt my kids" is ordinary reassurance, so a negated threat counts as nothing.
    { id: 'harm-others', category: 'harm to others', level: 'urgent', ifNegated: 'none', match: ['over ~2 cot|crib|bassinet ~4 pillow', 'going|want|plan|planning|about|ready ~2 to ~1 kill|hurt|stab|shoot|murder|strangle|attack|poison ~2 @person', 'i will ~1 kill|stab|shoot|murder|strangle|poison ~2 @person', 'shoot|shooting up ~2 the|my ~1 school|class|work|place', 'bring|bringing|brought|take|taking|took|carry|carrying ~3 @weapon ~3 to|into ~1 school|college|class|work|party', 'make ~2 them|him|her ~1 suffer|bleed'] },

    // ---- Urgent: abuse or violence now -----------------------------------------------------------
    // Why: abuse disclosures were missed by earlier chatbots (BBC, 2018). Someone hurting the person
    // now is urgent; "he used to hit me" is concern. "He'd never hit me" is reassurance: none.
    { id: 'abuse', category: 'abuse', level: 'urgent', who: 'other', ifNegated: 'none', match: ['said|says|threatened ~2 he|she|they ~1 would|will ~1 finish|kill|end ~1 us|me', 'will|going|gonna|said ~3 break|smash ~1 my ~1 arm|arms|neck|face|legs|jaw|nose|head', 'if i ~1 tell|talk|say ~5 hurt|kill|hit|beat', '@abusev me', 'going|gonna|will|wants|threatened|threatens|threatening|said|says ~3 kill|hurt|hit|beat|rape|stab|shoot me', 'locked|locks|locking me in', 'pushed|push|pushes|shoved|shoves|threw|throws me ~2 down|into|against|across|off', 'forced|forces|forcing|force|makes|made me ~3 sex|sexual|touch|undress'] },
    // Why: "not safe at home / right now" is a disclosure of danger, whoever it comes from.
    // "I'm not in danger" is reassurance: none.
    { id: 'not-safe', category: 'abuse', level: 'urgent', who: 'any', ifNegated: 'none', match: ['not ~2 safe ~3 home|here|house|now|tonight|place|him|her|them|family', 'not ~2 safe .', 'scared|afraid|terrified|frightened ~2 to go ~1 home', 'scared|afraid|terrified|frightened ~3 he|she|they|dad|mum|mom|stepdad|boyfriend|husband|partner ~3 hurt|kill|hit|beat', 'hiding|hide|hid ~3 from ~1 him|her|them|dad|mum|mom|stepdad|boyfriend|husband|partner', 'in danger', 'being abused|hurt|beaten|raped|touched|hit', 'he|she|they ~2 has|have|is|are|got ~1 a|my ~1 knife|gun|weapon'] },
    // Why: a mention of abuse or violence, past or unclear, needs a check-in.
    { id: 'abuse-mention', category: 'abuse', level: 'concern', who: 'any', match: ['abusive|abused|abuse|abusing|violent|violence|raped|rape|assaulted|molested'] },

    // ---- Urgent: medical emergency ---------------------------------------------------------------
    // Why: a body in danger now needs emergency services whoever it is (you, a friend, a child).
    { id: 'medical', category: 'medical', level: 'urgent', who: 'any', match: ['bleeding ~3 through|thru ~2 towel|towels|dressing|bandage|bandages|plaster|clothes|sheets', 'blistering|blistered ~1 badly', 'not|barely|struggling ~1 breathe', 'not ~1 catch ~1 breath', 'not breathing', 'chest ~2 pain|pains|hurts|hurting|tight|crushing', 'heart attack', 'passing|passed|pass ~1 out', 'fainting|fainted|unconscious|seizure|seizures', 'throwing|coughing|vomiting ~1 blood', 'lots of blood', 'bleeding ~3 not stop|stopping', 'not stop ~2 bleeding', 'cut|cuts|cutting ~2 deep', 'blood everywhere', 'cut|cuts ~2 too deep', 'bleeding ~2 lot|everywhere|badly|heavily|loads', 'call|calling ~1 an? ambulance|999|911|000|111', 'swallowed|drank|drunk ~3 bleach|antifreeze|poison|battery|batteries',
      'face|mouth|smile ~4 drooping|droopy|drooped|droops|lopsided|sagging|fallen', 'having a stroke', 'lips|face|skin ~3 turning|going|gone|is|are ~1 blue|grey|purple', 'unresponsive', 'stopped breathing'] },

    // Why: someone else not waking up is an emergency; "I wouldn't mind not waking up" is not.
    { id: 'medical-other', category: 'medical', level: 'urgent', who: 'other', match: ['took|taken|swallowed ~2 all ~1 her|his|their ~1 @med', 'not ~1 waking up', 'will not wake up', 'overdosed|overdosing', 'took|taken|swallowed|downed ~2 a? ~1 load|loads|lot|lots|handful|bottle|box|packet|whole|#8 ~4 @med', 'not responding ~2 shake|shaking|call|calling', 'swallowed|ate|eaten|drank|drunk ~3 some|few|lot|bunch|handful|of ~3 @med', 'swallowed|ate|eaten|drank|drunk ~2 mums|moms|dads|nans|grans|grandmas|grandads|my|the|a ~1 @med|bleach|battery|batteries'] },

    // ---- Concern: passive ideation ---------------------------------------------------------------
    // Why: wishing to be dead or not to wake up, without intent. Important, not an emergency.
    { id: 'passive', category: 'passive ideation', level: 'concern', ifOther: 'concern', match: ['not ~1 mind|care ~4 if i ~3 not ~1 wake', 'how easy ~5 swerve|jump|step|crash|drive|end', 'hope|hoping|wish ~4 hits|hit|runs ~1 me', 'want ~3 all|everything ~2 to stop|end', 'what i am still here for', 'not matter|matter ~3 if ~2 not ~1 around|here|alive', 'should have died|die', 'hoping|hope|wish ~3 catch|get ~2 something|sick|ill|cancer|disease ~3 serious|so', 'not ~1 picture|see|imagine ~1 myself ~2 being? ~1 around|here|alive|older', 'tired|sick ~1 of being me', 'better off .', 'give|giving ~1 up on ~1 life|living', 'not ~2 see ~1 the|any point ~1 anymore|.', 'not being here|alive|around ~1 .|anymore|lol|haha|emojilaugh', 'wish|wished|wishing ~1 i ~2 @gone', 'wish|wished|wishing ~3 never ~1 born|existed|woke|wake', 'wish|wished|wishing ~3 not ~1 wake|exist|here|alive|born', 'wish ~3 all ~1 end|stop|over', 'wish|wished|hope ~5 hit by', 'wish|wished|hope ~5 run over',  'not mind ~3 dying|dead|die|waking|hit|gone', 'not ~1 care|mind ~3 if i ~3 hit|died|die|dead|gone|over', 'never wake|waking up', 'not ~2 wake|waking up ~1 again|tomorrow|ever', 'asleep and not|never ~1 wake', 'sleep|asleep and|then? not|never ~1 wake|waking', 'went ~1 to sleep and ~1 not|never ~1 wake|woke', 'rather ~2 disappear|vanish|dissapear|disapear', 'rather ~2 be dead', 'rather ~2 not exist|live ~1 .|anymore|at', 'if ~3 hit|ran|run ~1 me|over ~8 not ~6 mind|care|bothered|upset|sad', 'sleep forever', 'sleep and never', 'better off dead|gone', 'better off without me', 'better|easier|happier|best|fine|okay|ok ~3 without me', 'want|wants|wanted|wanting ~2 to disappear|vanish|dissapear|disapear', 'want|wanted|wanting ~1 to stop existing', 'want|wanted ~1 to not exist|be gone', 'want ~1 to give up ~1 on ~1 life|everything', 'not ~3 want to be here ~1 anymore', 'not ~2 want to wake up', 'tired|sick ~1 of ~1 living|life|existing|everything', 'tired|sick ~1 of being alive|here', 'done with ~1 life|living', 'done living|existing', 'not ~2 see the point ~3 alive|living|life|anything', 'pray|praying|hope|hoping ~3 not|never ~1 wake', 'life|everything|all ~2 feels|seems|feel ~2 pointless|meaningless|empty|heavy', 'why am i ~2 alive', 'why am i ~2 still here', 'no|not ~1 point|reason ~2 living|life|alive|existing|anymore|anything', 'no|not ~1 reason to live', 'no|not ~1 reason|point to ~1 keep|carry going|on', 'no|not ~1 reason|point to go on', 'no|not ~1 point ~2 going on|being here|me', 'not worth living', 'life ~2 not worth', 'think|thinking|thought ~2 about ~1 death|dying', 'think|thinking|thought ~2 about ~1 being dead', 'think|thinking|thought ~2 about ~1 not being here|alive', 'dead inside', 'be with ~3 dead|late|passed|heaven', 'join|joining ~3 dead|late|passed|heaven', 'better off ~1 if i|without', 'if i ~3 died|die|dead|gone|disappeared|hit ~8 not ~2 mind|care|bothered', 'easier|better|simpler|best ~3 if i ~3 died|die|dead|disappeared|gone', 'easier|better|simpler|best ~3 if i ~3 not|never wake|woke|exist|existed|born', 'easier|better|simpler|best ~3 if i ~2 got|get|was ~1 hit|run ~1 by|over',  'life|everything is ~1 pointless|meaningless', 'it all is ~1 pointless|meaningless'] },
    // Why: "suicide" on its own is an unclear mention; ask, gently.
    { id: 'suicide-mention', category: 'unclear mention', level: 'concern', ifOther: 'concern', match: ['suicide'] },
    // Why: "do something stupid", "going to do it", "make it quick" are veiled mentions of suicide:
    // concern alone, urgent with any other risk in the same message or a time frame.
    { id: 'veiled', category: 'unclear mention', level: 'concern', ifNegated: 'concern', match: ['thinking ~3 @med ~4 cupboard|drawer|cabinet|head', 'scared|frightened|afraid|terrified ~2 of what i ~2 do', 'what i will|might|would|could ~1 do ~1 next|to ~1 her|him|them|the baby', 'thoughts ~2 come|comes|coming ~2 night|again|back', 'the|these|my|those ~1 thoughts ~2 scare|scares|scaring|frighten|frightens|frightening|terrify|terrifies', 'going to ~1 do something stupid|drastic', 'not ~3 do anything stupid|drastic', 'going|want|ready|about|decided|planning|need ~2 to do it', 'do it ~1 this time|tonight|now|soon', 'am doing it ~1 .|tonight|now|today|soon', 'make it ~1 quick|painless|quicker', 'picked|chosen|chose|set ~1 the|a ~1 day|date|time|night', 'noone|nobody can|will|could ~1 stop me', 'decided|chosen|chose|picked|worked|figured ~2 how|where|when|way ~5 do it', 'going|want|ready|about|need ~2 to use ~1 it|them|this|that', 'picture|picturing|imagine|imagining ~1 myself ~2 dead|hanging|jumping|dying|gone', 'thinking ~2 about ~1 walking|jumping|stepping ~1 in|off|out'] },
    // Why: pill, knife and grave emoji alone are unclear but predictive (CTL); ask, gently.
    { id: 'emoji', category: 'unclear mention', level: 'concern', who: 'any', match: ['emojipill|emojiknife|emojigrave|emojigun'] },

    // ---- Concern: hopelessness -------------------------------------------------------------------
    // Why: hopelessness predicts suicide risk; a gentle check-in with resources is right.
    { id: 'hopeless', category: 'hopelessness', level: 'concern', match: ['no light at the end', 'nothing ~2 worth ~2 getting up|living|it', 'stopped ~1 seeing ~1 a|any|the ~1 reason|point', 'not see ~1 a|any|the ~1 reason ~2 for|to ~1 any|anything|it|living', 'tried everything', 'feel|feeling ~2 like a ~1 ghost|shell|zombie', 'nothing ~3 helps|works', 'future ~5 grey|black|empty|blank|dark|wall', 'hopeless|hopelessness', 'no|lost|losing|zero ~1 hope', 'nothing ~3 ever ~4 better|change|changes|improve', 'never ~2 get better', 'not ~3 ever ~2 get better', 'nothing ~1 helps|works', 'no|not ~3 future ~2 for me|myself|.', 'no way out', 'can not ~1 go on ~1 .|anymore|like|living', 'can not ~1 cope', 'can not ~1 take ~2 anymore', 'can not ~1 keep going', 'can not ~1 do this ~2 anymore', 'can not ~1 take it .|anymore', 'feel|feeling|am|so ~2 trapped|empty|numb', 'give|giving|gave ~1 up on ~1 everything|life|myself', 'what ~1 is the point .', 'what ~1 is the point ~2 anything|anymore|living|life|trying|all|me', 'nothing matters', 'not ~2 see ~1 the|any point ~3 trying|bothering|carrying|going ~1 .|anymore|any|at|on', 'falling apart', 'my limit', 'breaking point', 'rock bottom', 'noone|nobody ~2 cares|care', 'noone|nobody can help ~1 me'] },

    // ---- Concern: feeling a burden / worthless -----------------------------------------------------
    // Why: perceived burdensomeness is a core factor in the interpersonal theory of suicide.
    { id: 'burden', category: 'burden', level: 'concern', match: ['anyone ~2 notice|miss|care ~3 if i ~2 disappeared|gone|died|vanished', 'weight|millstone ~1 around|round ~2 neck', 'better off ~2 with|without ~2 different|another|someone', 'a ~2 burden', 'everyone|everybody|people|they ~2 would|will ~1 forget ~1 about? ~1 me', 'forget i ~1 ever ~1 existed', 'i ~2 taking up ~1 space|oxygen|air|room', 'burden on|to', 'doing ~2 everyone|everybody|them|people|world a favour|favor', 'drain|weight ~1 on|to ~1 everyone|everybody|people|my|them', 'noone|nobody ~3 miss|care|notice ~2 me|if|gone', 'everyone|everybody ~2 hates me', 'everyone|everybody ~3 better without me', 'waste of space|oxygen|air', 'i am|feel|feeling ~2 worthless|useless|pathetic|pointless', 'feeling|feel ~2 worthless', 'worthless|useless ~1 person|human|piece', 'i ruin everything', 'let down|letdown|disappointment|failure ~1 to ~1 everyone|everybody|people|my',  'dragging|drag|bring|bringing ~2 everyone|everybody|people ~1 down', 'i am ~1 a failure', 'i am ~1 nothing .', 'hate myself', 'hate my life', 'everyone would be better', 'they would be better'] },

    // ---- Concern: past or minor self-harm --------------------------------------------------------
    // Why: self-harm, past or present, is a risk factor; mentions of scars or "sh" need a check-in.
    // "I don't cut any more" is still a disclosure of past self-harm: it stays concern.
    { id: 'self-harm-mention', category: 'self-harm', level: 'concern', ifNegated: 'concern', match: ['hit|hitting|bang|banging ~2 my ~1 head ~3 wall|walls|against', 'pinch|pinching|bite|biting|scratch|scratching|hit|hitting ~2 myself', 'scratch|scratched|scratching|pinch|pinched|pinching|bite|bit|biting ~3 @body ~8 angry|upset|mad|stressed|bleed|bled|until|till|punish', 'selfharm|selfharming', 'not ~2 cut|cutting|selfharm|burn ~1 anymore|any', 'scars|scar ~3 arm|arms|wrist|wrists|thighs', 'used to ~1 cut|selfharm|burn', 'i ~1 cut|burn ~1 when|sometimes|because|if|.', 'clean from|for ~3 selfharm|cutting|weeks|months|days',
      'punch|punching|punched|punches ~3 walls|wall|doors|door|mirror|mirrors|myself', 'punch|punching|punched ~1 my own? head|legs|face|thighs', 'knuckles ~3 bleeding|bruised|messed|raw|busted|split', 'scratch|scratched|scratching|pinch|pinched|pinching|bite|bit|biting ~3 @body ~4 nails|angry|upset|mad|stressed|bleed|bled|until|till|punish|hard', 'until|till ~1 it|they|i ~1 bleed|bled|bleeds', 'to|when|because ~2 punish|punishing myself'] },

    // ---- Concern: third party at risk ------------------------------------------------------------
    // Why: someone else at risk ("my friend wants to kill herself") is at least concern: the
    // visitor may need help to help them, and may be at risk too.
    { id: 'third-party', category: 'other person at risk', level: 'concern', who: 'any', match: ['saying|says|joking|jokes|joked|talking ~4 end|ending ~1 it all|it|things|everything', 'should have died|die ~2 over|there|too|instead', 'wishes|wish ~2 god ~3 take|hurry', 'he|she|they|friend|sister|brother|son|daughter|@kin ~3 stopped|not eating ~1 .|and|properly|anything', 'long sleeves ~5 summer|hot|heat|warm|boiling', '@killv|@harmv @others3', 'take|taking|took|end|ending her|his|their own? life', 'died|dies|dead by|from ~1 suicide', 'he|she|they|friend|sister|brother|son|daughter ~3 cutting|selfharm|selfharming|cuts|starving'] },
    // Why: "kys" / "kill yourself" aimed at someone is hostility, and may be bullying the visitor.
    { id: 'directed', category: 'directed at others', level: 'concern', who: 'any', match: ['kill|hang|end ~1 yourself', 'go die', 'you should die'] },

    // ---- Concern: disordered eating --------------------------------------------------------------
    // Why: eating-disorder disclosures were missed by earlier chatbots; they need a check-in.
    { id: 'eating', category: 'disordered eating', level: 'concern', match: ['not eaten ~3 since|for ~3 purpose|weight|kg|thin', 'get|be|stay ~1 under|below ~2 kg|kilos|stone|lbs|pounds', 'chew|chewed|chewing ~2 spit|spat|spitting', 'bring|brought|bringing ~2 dinner|food|meals|lunch|it ~1 back up', 'lost interest in ~1 food|eating', 'weigh ~1 myself ~3 times|every', 'count|counting ~1 every? ~1 calorie|calories', 'starve|starving|starved ~1 myself', 'make|made|making ~1 myself ~1 sick|throw|vomit|puke', 'purge|purging|purged', 'binge|binging|bingeing ~3 throw|purge|vomit|puke|sick', 'not ~1 eaten|eat|ate ~4 days|week', 'skip|skipping|skipped ~2 meals|food|eating|lunch|breakfast|dinner ~4 weight|fat|thin|lose|skinny', 'feel|feeling|am|so|too|getting ~1 fat|disgusting|huge', 'laxatives|laxative', 'throw|throwing|threw|vomit|vomiting|puke|puking ~1 up? ~4 purpose|meals|eating', 'obsess|obsessed|obsessing ~3 calories|weight|food', 'count|counting ~1 every ~1 calorie', 'scared|afraid|terrified ~2 to|of ~1 eat|eating|food|weight', 'anorexia|anorexic|bulimia|bulimic|proana', 'hate my body', 'want|need|have ~2 to be thin|thinner|skinny|skinnier', 'not eating ~4 thin|weight|skinny|fat', 'eating disorder'] },

    // ---- Cues that count only together (ifAlone) ---------------------------------------------------
    // Why: goodbye acts (giving away a pet, cancelling contracts, deleting accounts, letters to family,
    // farewells) are warning signs, but each alone is ordinary; two of them, or one with any other
    // risk or a time frame, is a goodbye: urgent.
    { id: 'goodbye-act', category: 'goodbye', level: 'concern', ifAlone: 'none', who: 'any', match: ['for after .|i', 'made ~1 peace with', 'finished|wrote|written ~1 my|the ~1 note|letter', 'so ~2 can have|get|keep ~2 my', 'savings|money|pin|passwords|password|accounts ~4 for ~1 @kin|family', 'sorted|sorting ~2 bank|money|finances|accounts|paperwork|will|stuff', 'subscriptions|subscription|contract|accounts|phone ~1 cancelled|canceled|closed', 'before i go .', 'written|wrote ~1 to my ~1 @kin', 'life insurance|insurance ~4 pays|payout|papers|policy|out', 'dog|cat|pets|pet ~3 going to|staying with ~2 neighbour|neighbor|friend|@kin', 'handing|handed|giving|gave ~1 my ~2 out|away', 'gave|giving ~2 my ~1 @kin|bestie|mate|friend|neighbour|neighbor ~1 my', 'will not|wont ~1 need ~2 them|it|this|that ~1 .|anymore|where|soon|after|now', 'left|leaving ~2 a|the ~1 note|letter ~3 fridge|table|bed|desk|kitchen', 'thank you|thanks ~1 for ~2 everything|all', 'nobody|noone ~2 need to ~1 worry|deal|clean', 'walked|gone|went ~1 out ~4 with ~2 rifle|gun|shotgun', 'scheduled|schedule|scheduling ~3 email|message|post|text|letter ~5 tomorrow|morning|after', 'they will ~1 understand ~1 then|soon|later|.', 'for good .|and', 'nobody|noone|not ~3 clean ~1 up after me', 'cleared|clearing|cleaned|emptied ~1 out ~1 my ~1 room|stuff|things|desk', 'gave|give|giving ~1 my ~4 to my|her|him|them|a|the', 'paid off|returned|repaid ~3 debts|debt|everything|loans', 'tell ~3 mum|mom|dad|@kin|everyone ~1 i|he|she ~1 love|loves|am sorry|is sorry', 'look after ~3 my ~1 dog|cat|pet|pets|kids|mum|mom|sister|brother|rabbit', 'take care of ~3 my ~1 dog|cat|pet|pets|kids|mum|mom|sister|brother|rabbit', 'telling|told|tell|texted|messaged ~3 i love ~1 her|him|them|you', 'made|did|wrote|written|writing|done|make|doing|sorted|sorting ~4 will|wills|testament', 'everything ~1 goodbye|bye', 'goodbye .|and|then|x|xx', 'all|everything ~1 sorted|arranged|organised|organized ~1 now|.', 'gave|give|giving|given|rehomed|rehoming|rehome ~3 my ~1 dog|cat|pet|pets|rabbit|hamster|stuff|things|belongings|clothes ~3 to|away', 'cancelled|canceled|cancelling|canceling|cancel|closed|closing ~2 my ~1 phone|contract|subscriptions|subscription|gym|accounts|account|appointments|therapy|plans', 'deleted|deleting|delete ~2 my|all ~2 accounts|account|socials|instagram|snapchat|photos|messages|everything', 'wrote|written|writing|write|left|leaving ~3 letters|letter|notes|note ~2 to|for ~1 my? ~1 @kin|everyone|each|family|friends|parents', 'will|would|to ~1 find ~1 them|it|me|my ~1 body|tomorrow|morning|when|after|in', 'not ~1 need|needing ~5 after|anymore|where|soon|longer', 'bye|goodbye ~1 everyone|everybody|all|world ~1 .', 'love you all|everyone ~1 .|x|xx', 'for being ~2 such ~1 a? ~1 mess|burden|failure|disappointment|pain|useless'] },
    // Why: threats and weapons to hand: "they're all going to pay" is concern alone; a weapon to hand
    // or "he'll get what's coming" counts only with a time frame or any other risk, then urgent.
    { id: 'threat', category: 'harm to others', level: 'concern', who: 'any', match: ['getting|gets|get ~1 stabbed|shot|hurt|bashed ~3 tomorrow|tonight|today|@day', 'make|making ~2 pay', 'list of ~1 names|people', 'they|he|she|you|everyone ~2 be sorry', 'not joking ~1 this time', 'make|making ~1 them|him|her|everyone ~2 pay', 'they|he|she|everyone|all|them ~2 going to pay .|for ~1 this|that|it|what', 'they|he|she|everyone|all|them ~2 will pay .|for ~1 this|that|it|what', 'make|making ~1 them|him|her|everyone ~1 pay .|for ~1 this|that|it|what'] },
    { id: 'weapon', category: 'harm to others', level: 'concern', ifAlone: 'none', who: 'any', match: ['@weapon ~3 in my ~1 bag|pocket|locker|car|backpack', 'the|a ~1 @weapon ~1 is ~2 by|at|in|behind|under', 'do to ~1 him|her|them ~4 with', 'bring|bringing ~2 a|my|the|dad|his ~1 @weapon ~3 @day|tonight|tomorrow', 'know where ~3 @weapon', 'where the|my|his|dad ~1 @weapon ~1 is|are|kept', 'know when ~3 asleep|alone|home', 'with a|his|her|the ~1 @weapon', 'got|have|bought|grabbed|hidden|hid|bring|bringing ~2 a|my|the|dad|his ~1 @weapon ~4 car|bag|pocket|room|waiting|him|her|them|school', 'get|gets|getting what is coming'] },
    // Why: a firearm, or knowing where one and its ammunition are kept, is means; alone it is ordinary
    // (farms, hunting), with any other risk it is means to hand: urgent.
    { id: 'firearm', category: 'method', level: 'concern', ifAlone: 'none', who: 'any', match: ['with ~2 rifle|gun|shotgun|pistol', 'loaded ~2 on|in ~3 table|bench|lap|bed|kitchen|car|hand', 'out of ~2 cabinet|safe|locker', 'know ~2 combo|combination|code|password', 'gun|guns|rifle|shotgun|pistol ~3 safe|cabinet|locker', 'got|have|has|keeps|kept|found|took|taken|grabbed|holding|loaded ~4 shotgun|rifle|gun|guns|pistol|firearm|revolver|emojigun', 'know|knows where ~4 shells|bullets|ammo|ammunition|key|keys|gun|guns|rifle|shotgun|pistol|cabinet|safe'] },
    // Why: diabetes without insulin, vomiting for hours, uncontrollable shaking: each may be ordinary
    // alone, two together are a body in danger (diabetic ketoacidosis, poisoning).
    { id: 'medical-cue', category: 'medical', level: 'concern', ifAlone: 'none', who: 'any', match: ['ran|run|running out of ~1 insulin|inhaler|meds|medication', 'insulin ~3 ran|run|running out', 'no ~1 insulin', 'vomiting|throwing up|puking|been sick ~3 all day|all night|hours|nonstop|for days', 'not stop ~1 shaking|vomiting|shivering|shaking', 'ketones|dka|hypo', 'blood sugar ~3 high|low|crazy|reading'] },
    // Why: violence happening now, to the visitor or someone at home: "he's hitting my mum right now".
    { id: 'violence-now', category: 'abuse', level: 'urgent', who: 'any', ifNegated: 'none', match: ['hitting|hits|beating|punching|kicking|choking|strangling|slapping|attacking|hurting|strangled ~2 me|us|her|him|@kin ~4 now|tonight|atm|currently', 'is|are ~1 hitting|beating|punching|kicking|choking|strangling|slapping|attacking ~1 me|us|her|him|@kin'] },
    // Why: fear of the night, someone coming into the bedroom, hiding: each can be ordinary; together
    // they are a disclosure of abuse now.
    { id: 'abuse-cue', category: 'abuse', level: 'concern', ifAlone: 'none', who: 'any', match: ['smashing|breaking|throwing ~3 stuff|things|plates|everything', 'screaming|yelling|shouting|raging', 'punched|punching|kicked|hit ~3 cot|wall|door|walls', 'please help|help me .', 'banging|pounding|kicking ~2 on ~2 the|my ~1 door', 'locked myself in', 'cornered|pinned', 'drunk|wasted|high ~3 again|home|angry|raging', 'outside ~2 my|the ~1 house|flat|door|room|window|place|apartment', 'trying ~2 door|handle|window|windows|lock', 'he|she|they is|are ~1 home ~1 now|again', 'locked|locks|locking ~2 the|all ~1 doors|door|windows', 'not ~1 leaving .|the|this|until|till', 'not ~1 allowed ~2 leave|out', 'not ~1 let|letting ~1 me ~1 leave|out|go', 'he|she|they|stepdad|dad|uncle|brother ~2 in here|here ~2 again|now|right', 'comes|came|coming|sneaks|snuck|creeps|gets ~2 into|in ~1 my ~1 room|bed', 'scared|afraid|terrified|frightened|dreading ~2 for|of ~1 tonight|bedtime|night', 'hiding|hid|locked ~3 in ~2 the|my ~1 bathroom|room|wardrobe|cupboard|closet|toilet', 'know where ~3 lives|live|parks|works|sleeps'] },
    // Why: worry about someone plus dark posts or talk is a third party at risk; either alone is ordinary.
    { id: 'worry-other', category: 'other person at risk', level: 'concern', ifAlone: 'none', who: 'any', match: ['withdrawn|isolating|isolated', 'not left ~2 room|bed|house', 'not|stopped ~1 answering|replying|responding|picking', 'worried|worry|worrying|scared|concerned|frightened ~2 about|for ~2 my? ~1 @kin|her|him|them', 'dark|scary|worrying|sad ~1 stuff|things|posts|messages|poems|thoughts', 'keeps|been|keep ~1 saying|talking|posting|texting ~3 about? ~2 die|dying|dead|death|disappear|disappearing|gone|goodbye'] },

    // ---- Idioms: cancel an overlapping risk match ------------------------------------------------
    // Why: everyday hyperbole produced 20% of lexicon hits in teen keyboard data; these phrases
    // are about enthusiasm, things, or accidents, not harm.
    { id: 'idiom', category: 'idiom', level: 'none', match: ['would|will ~1 kill me ~1 if|when ~3 late|forget|forgot|miss|missed|break|broke|lose|lost|fail|failed|crash|crashed|scratch|scratched|spill|spilled|eat|ate|borrow|borrowed|use|used|wear|wore|dent|dented', 'going to ~1 kill me ~1 if|when ~3 late|forget|forgot|miss|missed|break|broke|lose|lost|fail|failed|crash|crashed|scratch|scratched|spill|spilled|eat|ate|borrow|borrowed|use|used|wear|wore|dent|dented', 'going to kill me when|if|for', 'kill|murder|strangle ~1 him|her|them|my|you ~3 if|when ~2 eats|finishes|takes|touches|uses|steals|borrows', 'dying to|for', 'to die for .', 'die|died|dying|dead ~1 of|from ~1 embarrassment|laughter|laughing|boredom|shame|cringe|cuteness|heat|thirst|hunger|excitement|tiredness', 'overdose|overdosed|overdosing|overdoses ~1 on|of ~2 @food', 'overdose|overdosed|overdosing|overdoses ~1 on ~2 it|sun', 'killed|killing|kill it', 'kill|killed|killing ~2 spider|spiders|bugs|zombies|boss|level|mood|vibe|lights|engine|time|boredom|weeds|game', 'could|would kill ~2 for', 'mum|mom|dad|parents|mother|father|nan|gran|teacher|boss would ~1 kill me', '@harmv myself|yourself|@others3 ~3 shaving|cooking|chopping|playing|opening|gym|football|training|running|oven|kettle|iron|pan|paper|glass|skating|cycling', '@cutv|hurt|hit my ~1 @body ~3 shaving|cooking|chopping|playing|opening|gym|football|training|running|oven|kettle|iron|pan|paper|glass|skating|cycling|fell|fall', '@harmv ~3 by accident', 'accidentally @harmv', 'suicide squad|sprints|run|doors|mission|drill', 'suicide prevention|awareness|helpline|hotline|line|rates|rate|statistics|training', 'not breathe ~3 laughing|laugh|lol|lmao|nose|cold|allergies', 'jump|jumping|jumped ~4 board|pool|lake|trampoline|rope|plane|parachute|bungee|queue|conclusions|gun', 'jump on the|a train', 'died|dying|dyed ~1 my|her|his ~1 hair', 'stroke ~3 reading|lol|lmao|trying', 'bungee|cliff|tombstone|base ~1 jump|jumping|jumped', 'kill me for borrowing|eating|breaking|using|forgetting|losing|wearing', '@killv|murder|hurt|strangle my? ~1 me|him|her|them|you|em|@kin ~2 .? ~1 haha*|hehe*|lol*|lmao*|lmfao|rofl|jk|xd|ha|hah|heh|emojilaugh|emojihuff', 'ate|eaten|finished|nicked|stole|drank|read|used|borrowed|spoiled|spoilt ~3 @trivial|@food ~4 .? ~4 kill|murder|strangle ~1 him|her|them|my|you', 'kill|murder|strangle ~1 him|her|them|my|you ~2 .? ~4 ate|eaten|finished|nicked|stole|drank|read|used|borrowed|spoiled|spoilt|eating|finishing|reading|using|borrowing ~3 @trivial|@food', 'how many ~3 @med ~6 headache|migraine|cold|flu|fever|cramps|period|toothache|hangover', 'take|taking ~1 my life back', 'hopeless|useless|terrible|rubbish ~1 at|with|romantic|case', 'beat|beats|beating|beaten me ~1 at|in|to', 'beat|beats|beating|beaten ~3 at|in ~2 fifa|chess|game|games|cards|tennis|football|fortnite|pool|darts|race|maths|scrabble|monopoly', 'game|games|fifa|chess|tennis|match|race|cards ~8 beat|beats|beaten me', 'edge of ~1 my|the ~1 bed|seat|chair|sofa', '@abusev me with ~2 pillow|pillows|ball|snowball|snowballs|question|questions|news|facts|truth|joke|idea|bill', 'gave|give|giving ~1 me a heart attack', 'nearly|almost|practically ~2 a heart attack', 'could pass out', 'pass ~1 out ~2 flyers|leaflets|boredom|tired', 'in danger of', 'sorry for|about|that|i', 'trapped ~1 in ~2 traffic|lift|elevator', 'bus|train stop|station'] },
  ],
};
