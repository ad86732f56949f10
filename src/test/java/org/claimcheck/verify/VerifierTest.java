package org.claimcheck.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.claimcheck.Tally;
import org.claimcheck.TestData;
import org.claimcheck.claim.ClaimsFile;
import org.claimcheck.claim.Lexicon;
import org.claimcheck.index.AbstractIndexer;
import org.claimcheck.index.AbstractSearcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierTest {
  @TempDir
  static Path dir;

  @BeforeAll
  static void index() throws IOException {
    try (AbstractIndexer indexer = AbstractIndexer.open(dir)) {
      indexer.index(TestData.resource("org/claimcheck/pubmed/invented-pubmed.xml"), new Tally("index"));
      indexer.commit();
    }
  }

  private ClaimVerdict verify(String claim) throws IOException {
    return verify(ClaimsFile.plain("1", claim, 0));
  }

  private ClaimVerdict verify(org.claimcheck.claim.Claim claim) throws IOException {
    try (AbstractSearcher s = AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT)) {
      return new Verifier(s, new RuleStanceModel(), Lexicon.builtin(), Verifier.Options.defaults()).verify(claim);
    }
  }

  /** A claim as extraction gives it: its place's {@code topic} and its {@code subject}. */
  private ClaimVerdict verify(String claim, String subject, List<String> topic) throws IOException {
    return verify(new org.claimcheck.claim.Claim("1", "a1", "http://example.org/a", "A page", 0, claim, null, claim,
        subject, "", "", false, false, 0.9, List.of(), List.of(), "certain", topic));
  }

  @Test
  void supportedClaimsCarryTheirEvidenceAndDesign() throws IOException {
    ClaimVerdict v = verify("Oral vitamin B12 improves peripheral neuropathy in deficient adults.");
    assertEquals(Verdict.SUPPORTED, v.verdict());
    AbstractEvidence best = v.best();
    assertEquals("90000001", best.id());
    assertEquals(StudyDesign.RCT, best.design());
    assertEquals("https://pubmed.ncbi.nlm.nih.gov/90000001/", best.url());
    assertTrue(best.sentences().size() <= 3);
    assertTrue(v.confidence() > 0 && v.confidence() <= 1);
  }

  @Test
  void anAbstractThatDoesNotNameEveryConceptOfTheClaimTakesNoStance() throws IOException {
    // The B12 and neuropathy trial supported a claim about insomnia it never mentions, through shared words.
    ClaimVerdict v = verify("Oral vitamin B12 improves insomnia in deficient adults.");
    assertTrue(v.abstracts().stream().filter(a -> a.id().equals("90000001"))
        .allMatch(a -> a.stance() == Stance.NEUTRAL), v.toString());
    assertEquals(Verdict.INSUFFICIENT_EVIDENCE, v.verdict(), v.toString());
    // Synonyms count: the trial says "vitamin B12", the claim "cobalamin".
    assertEquals(Verdict.SUPPORTED,
        verify("Oral cobalamin improves peripheral neuropathy in deficient adults.").verdict());
  }

  private ClaimVerdict verify(String claim, List<String> topic) throws IOException {
    return verify(claim, "", topic);
  }

  @Test
  void aClaimOfFewerThanTwoConceptsNeedsItsArticlesTopicToo() throws IOException {
    // "Other possible causes are Parkinson's disease" under a section on restless legs was SUPPORTED by an abstract on
    // Parkinson's alone, "Short-term memory takes a hit" by one on rats' memory: what the article supplies is required.
    String claim = "Oral treatment improves peripheral neuropathy in deficient adults.";
    assertEquals(Verdict.SUPPORTED, verify(claim).verdict(), "given as text: its own concept");
    assertEquals(Verdict.SUPPORTED, verify(claim, List.of("vitamin_b12")).verdict(), "the trial names B12");
    ClaimVerdict elsewhere = verify(claim, List.of("insomnia"));
    assertEquals(Verdict.INSUFFICIENT_EVIDENCE, elsewhere.verdict(), elsewhere.toString());
    // A claim naming no concept at all: the topic alone.
    assertEquals(Verdict.SUPPORTED, verify("Oral treatment improves nerve conduction velocity.",
        List.of("vitamin_b12")).verdict());
    assertEquals(Verdict.INSUFFICIENT_EVIDENCE, verify("Oral treatment improves nerve conduction velocity.",
        List.of("insomnia")).verdict());

    assertEquals(Set.of("a", "t"), Verifier.required(Set.of("a"), List.of("t"), true));
    assertEquals(Set.of("t"), Verifier.required(Set.of(), List.of("t"), true));
    assertEquals(Set.of("a"), Verifier.required(Set.of("a"), List.of("t"), false), "a claim that says it all");
    assertEquals(Set.of("a"), Verifier.required(Set.of("a"), List.of(), true));
    assertEquals(Set.of("a"), Verifier.required(Set.of("a"), List.of("a"), true));
  }

  @Test
  void anExtractedClaimWhoseSubjectNamesNoConceptNeedsAnAbstractNamingItsSubject() throws IOException {
    // "Male circumcision lowers the risk of HIV" was CONTRADICTED by an abstract on Kaposi's sarcoma that names HIV,
    // the claim's one concept: the B12 trial here is not about reflexology either.
    String claim = "Reflexology improves peripheral neuropathy in deficient adults.";
    assertEquals(Verdict.SUPPORTED, verify(claim).verdict(), "given as text: no subject to check");
    ClaimVerdict reflexology = verify(claim, "Reflexology", List.of());
    assertEquals(Verdict.INSUFFICIENT_EVIDENCE, reflexology.verdict(), reflexology.toString());
    assertEquals(Verdict.SUPPORTED, verify("Oral treatment improves peripheral neuropathy in deficient adults.",
        "Oral treatment", List.of()).verdict(), "the trial is about oral treatment");
  }

  /** A stance model that calls every sentence saying "measures" CONTRADICT, and every other SUPPORT. */
  private static final StanceModel MEASURES_CONTRADICT = new StanceModel() {
    @Override
    public List<StanceScores> score(String claim, List<String> sentences) {
      return sentences.stream().map(s -> s.contains("measures") ? new StanceScores(0.05, 0.9, 0.05)
          : new StanceScores(0.6, 0.1, 0.3)).toList();
    }

    @Override
    public String describe() {
      return "test";
    }
  };

  @Test
  void anAbstractsMethodsAreNotEvidence() throws IOException {
    // "The lack of restorative sleep leads to significant daytime fatigue" was CONTRADICTED by a trial's METHODS
    // sentence listing what it measured ("Secondary outcomes ... included validated measures of ... fatigue").
    org.claimcheck.pubmed.PubmedRecord r = new org.claimcheck.pubmed.PubmedRecord("17973630", 1,
        "Mindfulness meditation and sleep quality in older adults", List.of(), List.of(
            "OBJECTIVE To find out whether mindfulness meditation helps older adults.",
            "MAIN OUTCOMES AND MEASURES Secondary outcomes included validated measures of sleep and daytime fatigue.",
            "Daytime fatigue measures were taken at baseline.",
            "RESULTS Better sleep came with less daytime fatigue in the meditation group."),
        "J", "2015", 2015, List.of(), null, List.of(), List.of(), "eng", true, false, false, "corpus");
    try (AbstractSearcher s = AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT)) {
      ClaimVerdict v = new Verifier(s, MEASURES_CONTRADICT, Lexicon.builtin(), Verifier.Options.defaults())
          .verify(ClaimsFile.plain("1", "Poor sleep leads to daytime fatigue.", 0),
              List.of(new org.claimcheck.index.SearchHit(1, 1f, r, 0, "")));
      assertEquals(Verdict.SUPPORTED, v.verdict(), v.toString());
      assertEquals(List.of(0, 3), v.abstracts().getFirst().sentences().stream().map(EvidenceSentence::index)
          .toList(), "the objective stays; the methods go");
    }
  }

  @Test
  void aClaimOnOneKindOfDiabetesNeedsAnAbstractOnThatKind() throws IOException {
    // A verdict review: "diabetes" in a claim was matched by an abstract on type 1 diabetes alone (the lexicon's one
    // concept names every kind), "type 1 diabetes" by one on type 2.
    String t1 = "Contemporary type 1 diabetes pregnancy outcomes\nWomen with type 1 diabetes were more likely to have a "
        + "caesarean delivery than women without diabetes.";
    String t2 = "Bezafibrate for prevention of type 2 diabetes mellitus\nBezafibrate delays the onset of T2DM.";
    assertFalse(Verifier.sameKind("Diabetes increases the risk of caesarean delivery.", t1), "diabetes of no kind");
    assertTrue(Verifier.sameKind("Diabetes increases the risk of caesarean delivery.", t2));
    assertTrue(Verifier.sameKind("Type 1 diabetes increases the risk of caesarean delivery.", t1));
    assertFalse(Verifier.sameKind("Bezafibrate prevents type 1 diabetes.", t2));
    assertTrue(Verifier.sameKind("Bezafibrate prevents type II diabetes.", t2));
    assertFalse(Verifier.sameKind("Gestational diabetes causes shoulder dystocia.", t1));
    assertTrue(Verifier.sameKind("Diabetes is common.", "Diabetes is common in older adults."), "no kind named");
    assertTrue(Verifier.sameKind("Statins reduce mortality.", t1), "not about diabetes");
    assertEquals(Set.of("1", "2", "gestational"), Verifier.diabetesKinds("IDDM, non-insulin-dependent diabetes, GDM"));

    // Through the verifier: a type 1 trial takes no stance on diabetes of no kind; a kind named only in the methods
    // ("type 2 diabetes ... were excluded") is not what the abstract is about.
    org.claimcheck.pubmed.PubmedRecord r = new org.claimcheck.pubmed.PubmedRecord("8842332", 1,
        "Contemporary type 1 diabetes pregnancy outcomes", List.of(), List.of(
            "PARTICIPANTS Women with type 2 diabetes were excluded.",
            "RESULTS Women with type 1 diabetes were more likely to have a caesarean delivery than women without "
                + "diabetes."),
        "J", "2015", 2015, List.of(), null, List.of(), List.of(), "eng", true, false, false, "corpus");
    try (AbstractSearcher s = AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT)) {
      Verifier verifier = new Verifier(s, MEASURES_CONTRADICT, Lexicon.builtin(), Verifier.Options.defaults());
      List<org.claimcheck.index.SearchHit> hits = List.of(new org.claimcheck.index.SearchHit(1, 1f, r, 0, ""));
      ClaimVerdict generic = verifier.verify(ClaimsFile.plain("1", "Diabetes raises the risk of caesarean delivery.",
          0), hits);
      assertEquals(Verdict.INSUFFICIENT_EVIDENCE, generic.verdict(), generic.toString());
      assertEquals(Verdict.SUPPORTED, verifier.verify(ClaimsFile.plain("1",
          "Type 1 diabetes raises the risk of caesarean delivery.", 0), hits).verdict());
    }
  }

  private static org.claimcheck.claim.Claim said(String text, String subject, String object) {
    return new org.claimcheck.claim.Claim("1", "a1", "http://example.org/a", "A page", 0, text, null, text, subject,
        "", object, false, false, 0.9, List.of(), List.of(), "certain", List.of("restless_legs"));
  }

  @Test
  void onlyAClaimThatLeavesItsSubjectToTheArticleNeedsTheArticlesTopic() {
    // A review found the topic refusing good evidence for claims that say it all ("Antidepressants reduce the
    // severity of migraines" in a section on something else).
    Lexicon lex = Lexicon.builtin();
    assertTrue(Verifier.leansOnItsPlace(said("Other possible causes are Parkinson's disease.", "Other possible causes",
        "Parkinson's disease"), lex));
    assertTrue(Verifier.leansOnItsPlace(said("Oral supplements are effective for some.", "Oral supplements",
        "effective for some"), lex));
    assertTrue(Verifier.leansOnItsPlace(said("This can be administered through oral supplements.", "This",
        "through oral supplements"), lex));
    assertTrue(Verifier.leansOnItsPlace(said("Short-term memory takes a hit.", "Short-term memory", "a hit"), lex),
        "no concept at all");
    assertFalse(Verifier.leansOnItsPlace(said("Vitamin D deficiency is common in winter.", "Vitamin D deficiency",
        "common in winter"), lex));
    assertFalse(Verifier.leansOnItsPlace(said("Smokers often have low vitamin C levels.", "Smokers",
        "low vitamin C levels"), lex));
    assertFalse(Verifier.leansOnItsPlace(said("Vitamin B12 deficiency causes peripheral neuropathy.",
        "Vitamin B12 deficiency", "peripheral neuropathy"), lex), "two concepts");
    assertTrue(Verifier.leansOnItsPlace(said("Iron helps.", "", ""), lex), "not parsed: to be safe");
    assertTrue(Verifier.leansOnItsPlace(said("Supplements may reduce how often they occur.", "Supplements",
        "how often they occur"), lex), "'how' and 'occur' name nothing");
    assertTrue(Verifier.leansOnItsPlace(said("Supplements reduce the risk of acute respiratory infections.",
        "Supplements", "the risk of acute respiratory infections"), lex), "which supplements: the page says");
    assertFalse(Verifier.leansOnItsPlace(said("Fish oil supplements reduce the risk of acute respiratory infections.",
        "Fish oil supplements", "the risk of acute respiratory infections"), lex));
  }

  @Test
  void aClaimOfThreeOrMoreConceptsMayMissOneOfThem() {
    assertTrue(Verifier.aboutTheClaim(Set.of(), Set.of()));
    assertTrue(Verifier.aboutTheClaim(Set.of("a", "b"), Set.of("a", "b", "c")));
    assertFalse(Verifier.aboutTheClaim(Set.of("a", "b"), Set.of("a", "c")));
    assertTrue(Verifier.aboutTheClaim(Set.of("a", "b", "c"), Set.of("a", "c")));
    assertFalse(Verifier.aboutTheClaim(Set.of("a", "b", "c"), Set.of("a")));
  }

  @Test
  void negationMismatchContradicts() throws IOException {
    ClaimVerdict v = verify("Methylcobalamin changes melatonin synthesis.");
    assertEquals(Verdict.CONTRADICTED, v.verdict());
    assertEquals(StudyDesign.ANIMAL, v.best().design());
  }

  @Test
  void retractedAbstractsTakeNoneOfTheEvidencePlaces() {
    // Three retracted trials that "support" a claim, judged more probable than the one valid trial against it, took
    // all three places: the valid one became neutral and the claim had no evidence (INSUFFICIENT_EVIDENCE).
    List<AbstractEvidence> judged = List.of(ev("1", true, Stance.SUPPORT, 0.95), ev("2", true, Stance.SUPPORT, 0.9),
        ev("3", true, Stance.SUPPORT, 0.85), ev("4", false, Stance.CONTRADICT, 0.7), ev("5", false, Stance.SUPPORT,
            0.6), ev("6", false, Stance.SUPPORT, 0.65));
    List<AbstractEvidence> kept = Verifier.keepStrongest(judged, 2);
    assertEquals(List.of(Stance.SUPPORT, Stance.SUPPORT, Stance.SUPPORT, Stance.CONTRADICT, Stance.NEUTRAL,
        Stance.SUPPORT), kept.stream().map(AbstractEvidence::stance).toList(),
        "the retracted keep their stance (shown, flagged) and the two strongest that count keep theirs");
    assertEquals(0.4, kept.get(4).probability(), 1e-9);
  }

  private static AbstractEvidence ev(String id, boolean retracted, Stance stance, double p) {
    return new AbstractEvidence(id, "t", 2020, "j", null, StudyDesign.RCT, retracted, 1.0, stance, p,
        List.of(new EvidenceSentence(0, "s", stance, p)));
  }

  @Test
  void retractedRecordsAreShownButNeverCounted() throws IOException {
    ClaimVerdict v = verify("Vitamin B12 cures restless legs syndrome.");
    assertTrue(v.abstracts().stream().anyMatch(a -> a.id().equals("90000003") && a.retracted()));
    assertTrue(v.evidence().stream().noneMatch(AbstractEvidence::retracted));
    assertEquals(Verdict.INSUFFICIENT_EVIDENCE, v.verdict());
  }

  /** A stance model that reads keywords: "improve" supports, "did not" contradicts, the rest is neutral. */
  static final class KeywordModel implements StanceModel {
    int scored;

    @Override
    public List<StanceScores> score(String claim, List<String> sentences) {
      scored += sentences.size();
      return sentences.stream().map(s -> s.contains("did not") ? new StanceScores(0.1, 0.8, 0.1)
          : s.contains("improve") ? new StanceScores(0.7, 0.1, 0.2) : new StanceScores(0.05, 0.05, 0.9)).toList();
    }

    @Override
    public String describe() {
      return "keywords";
    }
  }

  private ClaimVerdict verify(String claim, StanceModel model, Verifier.Options options) throws IOException {
    try (AbstractSearcher s = AbstractSearcher.open(dir, AbstractSearcher.Bm25.DEFAULT)) {
      return new Verifier(s, model, Lexicon.builtin(), options, VerdictCalibration.identity())
          .verify(ClaimsFile.plain("1", claim, 0));
    }
  }

  @Test
  void evidenceIsWhatReachesTheThresholdAndAbstractsTakeTheSummedStance() throws IOException {
    KeywordModel model = new KeywordModel();
    ClaimVerdict v = verify("Cobalamin improves neuropathy and melatonin synthesis.", model,
        new Verifier.Options(5, 3, false, 0, 0.5));
    AbstractEvidence trial = v.abstracts().stream().filter(a -> a.id().equals("90000001")).findFirst().orElseThrow();
    assertEquals(Stance.SUPPORT, trial.stance());
    assertEquals(0.7, trial.probability(), 1e-9);
    assertTrue(trial.sentences().stream().allMatch(e -> e.text().contains("improve")), trial.sentences().toString());
    AbstractEvidence rats = v.abstracts().stream().filter(a -> a.id().equals("90000002")).findFirst().orElseThrow();
    assertEquals(Stance.CONTRADICT, rats.stance());
    assertEquals(List.of(1), rats.sentences().stream().map(EvidenceSentence::index).toList());
    assertEquals(StudyDesign.ANIMAL, rats.design());

    ClaimVerdict strict = verify("Cobalamin improves neuropathy and melatonin synthesis.", new KeywordModel(),
        new Verifier.Options(5, 3, false, 0, 0.85));
    assertTrue(strict.abstracts().stream().filter(a -> a.id().equals("90000001"))
        .allMatch(a -> a.stance() == Stance.NEUTRAL), "0.8 < 0.85: no evidence");
  }

  @Test
  void onlyTheCandidatesReachTheStanceModel() throws IOException {
    KeywordModel all = new KeywordModel();
    verify("Cobalamin improves neuropathy.", all, new Verifier.Options(5, 3, false, 0, 0.5));
    KeywordModel few = new KeywordModel();
    verify("Cobalamin improves neuropathy.", few, new Verifier.Options(5, 3, false, 2, 0.5));
    assertEquals(2, few.scored);
    assertTrue(all.scored > 2, "every sentence: " + all.scored);
  }

  @Test
  void onlyTheStrongestAbstractsTakeAStance() throws IOException {
    ClaimVerdict both = verify("Cobalamin improves neuropathy and melatonin synthesis.", new KeywordModel(),
        new Verifier.Options(5, 3, false, 0, 0.5, 5));
    assertEquals(2, both.evidence().size(), both.toString());
    ClaimVerdict one = verify("Cobalamin improves neuropathy and melatonin synthesis.", new KeywordModel(),
        new Verifier.Options(5, 3, false, 0, 0.5, 1));
    assertEquals(List.of("90000002"), one.evidence().stream().map(AbstractEvidence::id).toList(),
        "the contradiction (0.8) beats the support (0.7)");
    AbstractEvidence demoted = one.abstracts().stream().filter(a -> a.id().equals("90000001")).findFirst()
        .orElseThrow();
    assertEquals(Stance.NEUTRAL, demoted.stance());
    assertTrue(demoted.sentences().isEmpty());
    assertEquals(Verdict.CONTRADICTED, one.verdict());
  }

  @Test
  void calibrationMapsRawConfidencePerVerdict() {
    VerdictCalibration c = new VerdictCalibration(java.util.Map.of(Verdict.SUPPORTED,
        new double[][] {{0.2, 0.3}, {0.6, 0.8}}));
    assertEquals(0.3, c.calibrate(Verdict.SUPPORTED, 0.1), 1e-9);
    assertEquals(0.55, c.calibrate(Verdict.SUPPORTED, 0.4), 1e-9);
    assertEquals(0.8, c.calibrate(Verdict.SUPPORTED, 0.9), 1e-9);
    assertEquals(0.42, c.calibrate(Verdict.MIXED, 0.42), 1e-9, "no curve: raw");
  }

  @Test
  void writesSciFactPredictions() throws IOException {
    ClaimVerdict v = verify("Oral vitamin B12 improves peripheral neuropathy in deficient adults.");
    StringWriter w = new StringWriter();
    Predictions.writeScifact(w, List.of(v));
    String line = w.toString().strip();
    assertTrue(line.startsWith("{\"id\":1,\"evidence\":{\"90000001\":{\"sentences\":["), line);
    assertTrue(line.contains("\"label\":\"SUPPORT\""), line);
  }
}
