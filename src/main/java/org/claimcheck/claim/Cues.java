package org.claimcheck.claim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Thread-safe (constants). The word lists and patterns claim extraction reads sentences with: negation and hedge cues,
 * advice, calls to action, page chatter, first-person marketing, research agendas, and the category nouns of list
 * headings. General English and health-writing usage only; nothing here is keyed to a site or a page.
 */
final class Cues {
  private Cues() {}

  /**
   * NegEx-style negation cues (lower case tokens). "Unlikely", "improbable" and "doubtful" negate too: "B12 is unlikely
   * to cause acne" says it probably does not (they are also {@link #PROBABLE} hedges).
   */
  /**
   * Words that open a clause before the main one ("When the body breaks down alcohol, it ...", "If you take them in the
   * evening, they ..."): a pronoun after such a clause may stand for what the sentence before named.
   */
  static final Set<String> OPENING_SUBORDINATORS = set("when", "whenever", "if", "once", "because", "as", "since",
      "after", "before", "while", "although", "though", "unless", "until");
  static final Set<String> NEGATION = set("no", "not", "n't", "never", "none", "neither", "nor", "cannot",
      "without", "nothing", "nobody", "nowhere", "lacks", "unlikely", "improbable", "doubtful");

  /** Pseudo-negations: cues that do not negate here ("no surprise", "not only", "may or may not", "not unlikely"). */
  static final Pattern PSEUDO_NEGATION = Pattern.compile(
      "\\b(no (surprise|doubt|wonder|question|matter)|not only|not just|without (a )?doubt|no further|"
          + "not necessarily|may or may not|might or might not|not (unlikely|improbable|doubtful)|"
          + "never[- ]smokers?)\\b");

  /** Words and phrases that end a negation's scope. */
  static final Set<String> SCOPE_END = set(",", ";", ":", ".", "but", "however", "although", "though", "which",
      "who", "because", "so", "while", "whereas", "except", "yet", "as", "since", "unless", "(", ")");

  /** Hedge cues that make a claim possible rather than asserted. */
  static final Set<String> POSSIBLE = set("may", "might", "could", "possibly", "perhaps", "potentially",
      "potential", "possible", "conceivably", "conceivable", "plausible");

  /** Hedge cues that make a claim probable (or, for the negating ones, probably not so). */
  static final Set<String> PROBABLE = set("likely", "unlikely", "probable", "improbable", "doubtful", "probably",
      "presumably", "suggest", "suggests",
      "suggested", "suggesting", "appear", "appears", "seem", "seems", "apparently", "putative", "possibly",
      "speculate", "hypothesize", "hypothesise", "indicate", "indicates");

  /** Multi-word hedges ("is thought to", "some studies suggest"). */
  static final Pattern HEDGE_PHRASE = Pattern.compile(
      "\\b((is|are|was|were) (thought|believed|considered|assumed|presumed|suspected) (to|that)"
          + "|(some|several|a few|limited|preliminary|emerging) (studies|research|evidence|data|reports)"
          + "|it is (possible|likely|thought|believed) that|there is (some|emerging|limited) evidence"
          + "|(may|might) or (may|might) not|to some extent|in some cases)\\b");

  /** Verbs whose subject and object make a health relation worth checking (lemmas). */
  static final Set<String> RELATION_VERBS = set("cause", "prevent", "treat", "cure", "reduce", "increase",
      "decrease", "lower", "raise", "improve", "worsen", "reverse", "protect", "damage", "affect", "trigger",
      "induce", "inhibit", "block", "boost", "promote", "support", "regulate", "control", "produce", "require",
      "lead", "contribute", "result", "mask", "mimic", "inactivate", "deplete", "impair", "disrupt", "restore",
      "repair", "maintain", "form", "help", "link", "associate", "correlate", "relate", "involve", "include",
      "develop", "occur", "manifest", "resemble", "exacerbate", "accelerate", "amplify", "alleviate", "relieve",
      "enhance", "stimulate", "suppress", "influence", "regulate", "convert", "absorb", "destroy", "harm", "heal",
      "benefit", "play", "signal", "indicate", "progress", "stabilise", "stabilize", "halt", "shrink", "increase",
      "elevate", "interfere", "interact", "compromise", "die", "degrade", "underlie", "characterize",
      "characterise", "coexist", "potentiate", "downregulate", "upregulate", "stop", "slow", "delay", "kill",
      "facilitate", "ensure", "insulate", "guard", "transmit", "present", "persist", "linger", "respond",
      "accompany", "affect", "depend", "need");

  /** Verbs that report research activity rather than a finding (lemmas), for research agendas and methods. */
  static final Set<String> RESEARCH_ACTIVITY = set("explore", "investigate", "examine", "study", "estimate",
      "assess", "evaluate", "research", "analyse", "analyze", "review", "delve", "experiment", "test", "measure");

  /** Statements of what matters rather than what is: "Understanding X is crucial", "underscores the importance". */
  static final Pattern NORMATIVE = Pattern.compile(
      "^(understanding|knowing|recogni[sz]ing|being aware of|awareness of|learning about)\\b.*\\b(is|are) (crucial"
          + "|important|essential|key|vital|critical)\\b|\\b(underscores?|highlights?|emphasi[sz]es?|stresses|shows)"
          + " the (importance|need|value)\\b");

  /** Verbs about how a study was run or published, not about health (lemmas): "funded by", "published in". */
  static final Set<String> STUDY_META = set("fund", "sponsor", "publish", "cite", "retract", "register", "enroll",
      "enrol", "recruit");

  /** Nouns for studies: "The trial was small" says nothing about health. */
  static final Set<String> STUDY_NOUNS = set("study", "studies", "trial", "trials", "review", "reviews",
      "meta-analysis", "analysis", "sample", "cohort", "survey", "paper", "papers", "authors", "researchers");

  /** Calls for more research, agendas, method statements. */
  static final Pattern RESEARCH_AGENDA = Pattern.compile(
      "\\b((further|more|additional|future) (research|investigations?|studies|trials|work) (is|are|will be)? ?"
          + "(needed|warranted|required|necessary)|area of (ongoing |active )?(research|investigation|study)"
          + "|(research|scientists|researchers|studies|we) (is|are|have|has)? ?(exploring|investigating|studying"
          + "|explored|examined|investigated|estimated|assessed|evaluated)"
          + "|remains? an? (active|open|ongoing) (area|question|field)|still under investigation"
          + "|experimenting on)\\b");

  /**
   * The page talking about itself ("this article", "below is a table"), on lower-case text. Not a word that goes on
   * ("this post-viral fatigue"). "Episode", "chapter" and "thread" name the page only at the claim's start or after
   * "in", "on", and not before "of": "In this episode, we talk about sleep", not "Most people recover fully from this
   * episode of vertigo".
   */
  static final Pattern META = Pattern.compile(
      "\\b(this|the following|our) (article|post|page|guide|blog|piece|section|table|list|video|leaflet|booklet"
          + "|factsheet|fact sheet|handout|brochure|podcast|website|infographic|newsletter|faq"
          + "|information sheet|calculator|quiz|app|checker|symptom checker|tool)\\b(?!-)"
          + "|(?:^|\\b(?:in|on|throughout) )(this|the following|our) (episode|chapter|thread)\\b(?!-| of\\b)"
          + "|\\b(below|above) (is|are) (a|an|the)\\b|\\bin this (article|post|guide)\\b"
          + "|\\bread on\\b|\\blet's (have a look|take a look|look|dive|explore)\\b");

  /**
   * Site chatter (matched on lower-case text): comment forms, navigation, sharing, subscriptions, legal lines, author
   * and date lines.
   */
  static final Pattern BOILERPLATE = Pattern.compile(
      "(click here|subscribe|sign up|newsletter|(uses|accept|our) cookies|cookie (policy|settings)"
          + "|leave a (reply|comment)|share this|all rights reserved"
          + "|privacy policy|terms (of|and) (use|service|conditions)|thank you for (reading|visiting|watching)"
          + "|follow us|read more|related (posts?|articles?)|copyright|\\blog ?in\\b|contact us|book an? "
          + "(appointment|consultation)|email address|required fields|back to top|table of contents|min read"
          + "|profile picture|bookmark|see you next time|feel free to|don't miss|add to cart|buy now|shop now"
          + "|free shipping|use code|discount|affiliate|sponsored|advertisement|published on|modified on"
          + "|last updated|updated on|medically reviewed|fact[- ]checked by|written by|reviewed by|about the author"
          + "|posted (on|in|by)|go home|next post|previous post|skip to content|good luck"
          + "|we hope (the|this|you)|has been useful to you|any questions|order (now|today)|\\d+ ?% off\\b"
          + "|is an? (registered|certified|licensed|freelance|medical|health|science|staff) (dietitian|nutritionist"
          + "|writer|journalist|editor|coach|author|contributor)|informational purposes|not (intended|meant) to"
          + " (replace|diagnose|be a substitute)|does not replace medical advice"
          + "|not been evaluated by the (food and drug administration|fda))");

  private static final String ACQUAINTANCE_ADJECTIVES = "(?:close |best |good |old |older |younger |little |big )?";
  private static final String ACQUAINTANCE_NOUNS = "(?:friend|friends|sister|brother|mom|mum|mother|dad|father"
      + "|husband|wife|partner|boyfriend|girlfriend|son|daughter|neighbou?r|colleague|co-?worker|cousin|aunt|uncle"
      + "|grandma|grandmother|grandpa|grandfather|niece|nephew|roommate|flatmate|boss|kid|kids)";

  /**
   * The writer's friend or relative as a subject ("My sister takes ...", "A friend of mine swears ...", "my neighbour's
   * son"), on a lower-case subject: one person's story, not a claim about health. Not a generic person: "A mother who
   * smokes during pregnancy raises her baby's risk", "A father's age affects the risk of autism".
   */
  static final Pattern ACQUAINTANCE = Pattern.compile(
      "^(?:(?:my|our|one of my|one of our) " + ACQUAINTANCE_ADJECTIVES + ACQUAINTANCE_NOUNS
          + "|an? " + ACQUAINTANCE_ADJECTIVES + ACQUAINTANCE_NOUNS + "s? of (?:mine|ours))\\b");

  /**
   * Someone who is no relative, or a third person's relative, in a story told in the past: "A friend said she gives her
   * daughter melatonin", "Her daughter was diagnosed with asthma at age four". A generic "a friend who smokes" or "her
   * baby" says something of anyone: the past tense of the claim's verb tells the story ({@code CheckWorthiness}).
   */
  static final Pattern STORY_PERSON = Pattern.compile(
      "^(?:an? " + ACQUAINTANCE_ADJECTIVES + "(?:friend|colleague|co-?worker|neighbou?r|roommate|flatmate|boss)"
          + "|(?:his|her|their) " + ACQUAINTANCE_ADJECTIVES + ACQUAINTANCE_NOUNS + ")\\b");

  /** Testimony for a remedy, on lower-case text: "Some people swear that gluten-free diets cured them". */
  static final Pattern TESTIMONIAL = Pattern.compile("\\bswears?( by| that)\\b|\\bswore (by|that)\\b");

  /**
   * Sentence adverbs and phrases that mark an opinion, on lower-case text: "Honestly, the best diet is ...", "was,
   * frankly, a", "To be honest, most supplements ...". "Frankly", "honestly" and "truthfully" only set off by a comma
   * or opening a clause: "An HbA1c above 48 mmol/mol is frankly diabetic" is a clinical term.
   */
  /**
   * A statement the page reports as what people believe, not as its own: "Sugar causes ADHD, according to a popular
   * belief", "It is widely believed that ...".
   */
  static final Pattern POPULAR_BELIEF = Pattern.compile("\\baccording to (?:an? |the )?(?:popular|common|widespread"
      + "|widely held|folk|old|traditional) (?:belief|wisdom|saying|lore|tradition)s?\\b"
      + "|\\bit(?: is|'s) (?:widely|commonly|popularly|often) (?:believed|thought|assumed) that\\b"
      + "|\\b(?:popular|common|widespread) belief (?:is|has it) that\\b", Pattern.CASE_INSENSITIVE);

  static final Pattern OPINION = Pattern.compile("\\b(?:personally|imho|imo)\\b"
      + "|(?:^|, )(?:honestly|frankly|truthfully),|, (?:honestly|frankly|truthfully)\\b"
      + "|^(?:honestly|frankly|truthfully) (?:the|a|an|it|it's|this|that|these|those|most|many|there|we|you|i|they)\\b"
      + "|\\bto be (?:honest|frank|truthful)\\b|\\bin (?:my|our) (?:humble |honest )?(?:opinion|view)\\b"
      + "|\\bif you ask me\\b");

  /**
   * A named person's story, on the sentence: "Sarah, 34, found that cutting out gluten cured her migraines", "Tom, a
   * 52-year-old teacher, says ...".
   */
  static final Pattern NAMED_PERSON = Pattern.compile(
      "^\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)?, (?:(?:aged )?\\d{1,3}|an? \\d{1,3}-year-old [^,]{1,40}), \\p{Ll}");

  /** Words that open a condition before an order: "If you're healthy, eat oily fish twice a week". */
  static final Set<String> CONDITIONS = set("if", "when", "once", "unless", "whenever");

  /** First-person marketing and promotion ("we recommend", "our products"). */
  static final Pattern MARKETING = Pattern.compile(
      "\\b(we|i) (strongly |highly |always |also )?(recommend|suggest|advise|offer|sell|provide|love|invite|hope"
          + "|believe|use|carry|ship|guarantee)\\b|\\bour (website|site|store|shop|products?|team|clinic|formula"
          + "|supplements?|patches|brand|customers|readers|blog|newsletter|experts?)\\b|\\b(contact|call|email|visit)"
          + " us\\b|\\bmy (clients|patients|practice)\\b");

  /** A discourse word that may open a framing ("However, it is likely that ..."). */
  private static final String FRAMING_OPENER = "(?:(?:and|so|also|but|however|therefore|thus|moreover"
      + "|furthermore|additionally|indeed|still|yet|consequently|unfortunately|interestingly|importantly|notably"
      + "|finally|then),? )?";

  /** Emphatic framings kept out of the claim text: "It's crucial to emphasize that B12 ..." gives "B12 ...". */
  static final Pattern FRAMING = Pattern.compile(
      "^" + FRAMING_OPENER
          + "(?:in (?:our|my) (?:experience|opinion|view),? |for now,? |right now,? |of course,? |"
          + "(?:it(?: is|'s| should be) (?:crucial|important|essential|vital|worth|key|necessary|good) to "
          + "(?:emphasi[sz]e|remember|note|understand|recogni[sz]e|keep in mind|point out|mention|know) that "
          + "|it should come as no surprise,? (?:then,? )?that |(?:we|you) (?:do |now |already )?know that "
          + "|it(?: is|'s) (?:well[- ])?known that |remember that |note that "
          + "|keep in mind that |needless to say,? ))+",
      Pattern.CASE_INSENSITIVE);

  /** Words that open a concession before the main clause ("While X may help, ...", "Although X, ..."). */
  static final Set<String> CONCESSIVE = set("while", "although", "though", "whereas");

  /** Words that open a setting before a hedging framing ("In older adults, it is likely that"): the claim keeps it. */
  static final String HEDGE_SETTING = "(?:in|for|among|during|after|at)";

  /** The words of a myth's name: "a common myth", "an old wives' tale". */
  private static final String MYTH_ADJECTIVES = "(?:(?:common|popular|widespread|persistent|old|enduring"
      + "|long-standing|longstanding|dangerous|pervasive|frequent|big|great|total|complete|urban|medical|health"
      + "|age-old|stubborn|outdated|harmful),? )*";
  private static final String MYTH_NOUN = "(?:myth|misconception|fallacy|old wives'? tale)";

  /**
   * Hedging framings: the claim keeps them, but its subject, relation and object are those of the clause they frame,
   * and their cues mark it: "It is unlikely that B12 causes acne" has subject "B12", negated and probable; "It is a
   * common myth that cracking your knuckles causes arthritis" has subject "cracking your knuckles", negated.
   */
  static final Pattern HEDGE_FRAMING = Pattern.compile(
      "^" + FRAMING_OPENER + "(?:" + HEDGE_SETTING + " [^,.;:()]{1,80}, )?"
          + "(?:it(?:(?:'s| is| was| remains| seems| appears)(?: not)?"
          + "(?: (?:very|highly|quite|rather|most|more|less|extremely|fairly|entirely|equally|also|still))?"
          + " (?:likely|unlikely|possible|probable|improbable|doubtful|plausible|conceivable|thought|believed"
          + "|suspected|presumed|assumed|suggested) (?:that|whether)"
          + "| (?:seems|appears|(?:does not|doesn't) (?:seem|appear)) that)"
          + "|there(?:'s| is| was) (?:(?:emerging|growing|increasing|some|limited|good|strong) )?evidence"
          + " (?:suggesting|showing|indicating) that"
          + "|it(?:'s| is| was| remains) (?:a|an) " + MYTH_ADJECTIVES + MYTH_NOUN + " that) ",
      Pattern.CASE_INSENSITIVE);

  /** Nouns that call a statement false: "It is a myth that", "according to an old myth". */
  static final Set<String> MYTH_NOUNS = set("myth", "myths", "misconception", "misconceptions", "fallacy", "tale");

  /** Words of a label that calls what follows it false: "Myth:", "Common misconception:", "False:", "Fiction:". */
  static final Set<String> MYTH_LABELS = set("myth", "myths", "misconception", "misconceptions", "fallacy",
      "false", "fiction", "untrue");

  /** A source that calls what it says a myth: "according to an old myth", "according to a popular misconception". */
  static final Pattern MYTH_SOURCE = Pattern.compile(
      "^according to (?:an? |the |one |this |that )?" + MYTH_ADJECTIVES + MYTH_NOUN + "s?\\b",
      Pattern.CASE_INSENSITIVE);

  /** A statement called a myth after it: "The idea that coffee dehydrates you is a myth". */
  static final Pattern MYTH_STATEMENT = Pattern.compile(
      "^(?:the|a) (?:(?:common|popular|widespread|old) )?(?:idea|belief|notion|claim|view|assumption) that (.+?),?"
          + " (?:is|was|remains) (?:(?:just|only|simply|nothing but|actually|really|now|still) )?(?:an? )?" + MYTH_ADJECTIVES
          + MYTH_NOUN + "\\b",
      Pattern.CASE_INSENSITIVE);

  /**
   * "Little evidence" and its like deny as "no evidence" does, on lower-case text: "There is little evidence that a
   * ketogenic diet causes kidney damage". Not "a little evidence".
   */
  static final Pattern SCANT_EVIDENCE = Pattern.compile(
      "(?<!\\ba )\\b(little|scant|scarce|hardly any|barely any|scarcely any)( good| strong| convincing| reliable"
          + "| scientific| clinical| solid| real| hard| direct)? (evidence|proof|support|data)\\b");

  /** Leading discourse words dropped from claims ("Also, ...", "Therefore, ..."). */
  static final Set<String> DISCOURSE = set("also", "therefore", "however", "moreover", "furthermore",
      "additionally", "thus", "then", "so", "and", "but", "yet", "still", "indeed", "consequently", "unfortunately",
      "interestingly", "importantly", "notably", "finally", "overall", "hence", "besides", "plus", "now", "well",
      "yes", "no", "again", "instead", "meanwhile", "ultimately", "basically", "essentially", "similarly",
      "likewise", "accordingly");

  /** Advice and calls to act on one's health, on lower-case text ("consult your doctor", "it's important to"). */
  static final Pattern ADVICE = Pattern.compile(
      "\\b(consult(ing)?|see|seeing|talk(ing)? to|speak(ing)? (to|with)|ask|check with|visit|contact)"
          + " (with )?(your|a|an|the)? ?(own )?(doctor|physician|gp|healthcare|health care|medical|pharmacist"
          + "|dietitian|provider|professional|specialist)"
          + "|\\bit(?: is|'s) (?:crucial|important|essential|vital|best|advisable|wise|recommended|necessary"
          + "|key) (?:for you )?to (?!emphasi|remember|note|understand|recogni|keep in mind|point out|mention)"
          + "|\\bbest course of action\\b|\\b(you|we|everyone|everybody|anyone) (should|must|need to|have to"
          + "|ought to)\\b"
          + "|\\bshould (be|always|never|not) (conducted|done|performed|taken|consulted|considered|avoided"
          + "|checked|tested|monitored|used|sought)\\b|\\bis (recommended|advised|advisable)\\b"
          + "|\\b(might|may|can|could) be recommended\\b|\\bmake sure\\b|\\bbe sure to\\b|\\btake note\\b"
          + "|\\bdon't wait\\b|\\bdo not wait\\b|\\bseek (medical|professional|immediate)\\b"
          + "|\\bself-treating\\b|\\bwe recommend\\b|\\bto the rescue\\b");

  /** Sentence openers that give an order or advice even without a clear verb tag. */
  static final Set<String> IMPERATIVE_OPENERS = set("don't", "do", "never", "always", "please", "let's", "let",
      "imagine", "think", "consider", "try", "avoid", "remember", "note", "check", "ask", "talk", "speak", "take",
      "eat", "drink", "get", "keep", "make", "stop", "start", "read", "click", "learn", "find", "discover", "call",
      "consult", "see", "visit", "feel", "be", "go", "use", "buy", "order", "join", "share", "follow", "watch",
      "look", "book", "schedule", "contact", "include", "add", "limit", "reduce", "increase", "boost", "choose",
      "aim", "skip", "balance", "protect", "support");

  /** Nouns that make a heading or lead-in a category whose list items are its members ("Symptoms of ..."). */
  static final Set<String> CATEGORY_NOUNS = set("symptom", "symptoms", "sign", "signs", "cause", "causes",
      "factor", "factors", "effect", "effects", "complication", "complications", "manifestation", "manifestations",
      "consequence", "consequences", "benefit", "benefits", "risk", "risks", "trigger", "triggers", "feature",
      "features", "characteristic", "characteristics", "option", "options", "modification", "modifications",
      "change", "changes", "source", "sources", "food", "foods", "indicator", "indicators", "marker", "markers",
      "type", "types", "stage", "stages", "remedy", "remedies");

  /**
   * Table column headers (lower case) that name no attribute of a row but a question or a note about it ("How common",
   * "What to do", "Notes"): never a claim's subject; the row's first cell is.
   */
  static final Pattern TABLE_NOTE_HEADER = Pattern.compile(
      "(how|what|when|who|why|which|where)\\b.*|(additional |other |more )?(notes?|comments?|remarks?|details?"
          + "|information|description|advice|action|key points?)");

  /** Table column headers (lower case) that say how often the row's thing occurs ("How common", "Frequency"). */
  static final Pattern FREQUENCY_HEADER = Pattern.compile(
      "how (common|often|frequent|likely)( is it)?|(frequency|incidence|prevalence|occurrence)( \\(.*\\))?");

  /** A count of people ("up to 1 in 4 people", "10% of patients"): what a frequency says of them. */
  static final Pattern PEOPLE_COUNT = Pattern.compile(
      "\\d.*\\b(people|persons|patients|adults|children|users|women|men|infants|babies)\\b");

  /** A row label that names a group of people ("Adults", "Children aged 9 to 13", "19 to 50 years"): "for" it. */
  static final Pattern PEOPLE_GROUP = Pattern.compile(
      "(adults?|children|child|kids|teens|teenagers|adolescents|infants|babies|women|men|people|patients|boys|girls"
          + "|pregnant|older|younger|aged?\\b|over \\d|under \\d|\\d+\\s*(to|-|\u2013)\\s*\\d+ (years|months))");

  /**
   * Labels (lower case) of a callout, a note that stands apart from the list or section around it: "Important:",
   * "Note:", "Tip:", "Warning:".
   */
  static final Pattern CALLOUT_LABEL = Pattern.compile(
      "(very |really )?important( note| information| safety information)?|(please )?note|n\\.?b\\.?|(top |quick )?tips?"
          + "|warning|caution|remember|reminder|attention|alert|key (point|message|fact)s?|did you know"
          + "|good to know|take note|safety (note|alert|warning|information)|disclaimer|urgent|emergency");

  /** Words that open a question or a wh-clause ("How measles spreads", "Why antibiotics will not work"). */
  static final Set<String> QUESTION_OPENERS = set("how", "what", "when", "where", "why", "who", "whom", "which",
      "whether", "whose", "is", "are", "do", "does", "can", "should", "will", "would", "could");

  /** Headings and lead-ins that open a list of references (the rest of the page is bibliography). */
  static final Pattern REFERENCES = Pattern.compile(
      "^(sources?|references?|bibliography|citations?|works cited|literature|further reading|studies cited"
          + "|images?( credits?)?|photo credits?|image credits?)\\b.{0,30}$",
      Pattern.CASE_INSENSITIVE);

  /** Headings and lead-ins that open a list of links to other pages. */
  static final Pattern LINKS = Pattern.compile(
      "^(read more|related( posts?| articles?| reading)?|see also|more (from|on|about)|you (may|might) also like"
          + "|recommended( reading| articles)?|resources|popular posts|recent posts|tags|categories|share)\\b.*",
      Pattern.CASE_INSENSITIVE);

  /** Headings that open an author or site biography (up to the next heading). */
  static final Pattern ABOUT = Pattern.compile(
      "^(about (the|this|our) (author|writer|editor|site|blog|team)|about (me|us)|author bio(graphy)?|meet the"
          + " (author|team)|the author|written by)\\b.*",
      Pattern.CASE_INSENSITIVE);

  /** Headings that open the comment section (the rest of the page is comments and forms). */
  static final Pattern COMMENTS = Pattern.compile(
      "^(leave a (reply|comment)|\\d+ (comments?|responses?|replies)|comments?|responses|join the discussion"
          + "|post a comment|add a comment|write a comment)\\b.*",
      Pattern.CASE_INSENSITIVE);

  /** Words that head a lead-in whose list completes it: "Symptoms include:", "It plays a role in:". */
  static final Set<String> DANGLING = set("include", "includes", "including", "are", "is", "involve",
      "involves", "involving", "like", "as", "in", "of", "to", "for", "with", "by", "from", "on", "following",
      "following:", "comprise", "comprises", "encompass", "encompasses", "such", "be", "were", "was", "contain",
      "contains", "cover", "covers", "affect", "affects", "cause", "causes", "mean", "means", "the", "you", "have",
      "has", "who", "if", "when", "than", "about", "at", "into");

  private static Set<String> set(String... words) {
    return Set.copyOf(List.of(words));
  }

  private static final Set<String> HEALTH_WORDS = new HashSet<>();
  private static final List<String> HEALTH_SUFFIXES = new ArrayList<>();

  static {
    try (InputStream in = Cues.class.getResourceAsStream("health-terms.txt")) {
      if (in == null) {
        throw new IllegalStateException("health-terms.txt missing from the claimcheck jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("-")) {
          HEALTH_SUFFIXES.add(line.substring(1));
        } else {
          HEALTH_WORDS.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a lower-case token is a health word (listed, or with a listed medical ending such as "-itis"). */
  static boolean isHealthWord(String lower) {
    if (HEALTH_WORDS.contains(lower)) {
      return true;
    }
    if (lower.length() < 6) {
      return false;
    }
    for (String s : HEALTH_SUFFIXES) {
      if (lower.endsWith(s) || lower.endsWith(s + "s")) {
        return true;
      }
    }
    return false;
  }
}
