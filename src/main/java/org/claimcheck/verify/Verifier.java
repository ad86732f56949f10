package org.claimcheck.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.claimcheck.claim.Claim;
import org.claimcheck.claim.Lexicon;
import org.claimcheck.index.AbstractSearcher;
import org.claimcheck.index.SearchHit;
import org.claimcheck.index.SearchRequest;
import org.claimcheck.pubmed.PubmedRecord;

/**
 * Thread-safe when its {@link StanceModel} is. Verifies a claim: retrieves candidate abstracts, scores every sentence's
 * stance toward the claim, keeps the best rationale sentences of each abstract, decides each abstract's stance, and
 * weighs the abstracts by study design into a verdict. Retracted records are shown but never counted.
 */
public final class Verifier {
  /**
   * Verification settings.
   *
   * @param abstracts how many abstracts to retrieve per claim
   * @param sentencesPerAbstract at most this many rationale sentences per abstract (SciFact allows 3)
   * @param expandQuery add lexicon synonyms of the claim's concepts to the query
   */
  public record Options(int abstracts, int sentencesPerAbstract, boolean expandQuery) {
    public Options {
      if (abstracts < 1 || abstracts > 100) {
        throw new IllegalArgumentException("abstracts must be 1..100: " + abstracts);
      }
      if (sentencesPerAbstract < 1 || sentencesPerAbstract > 10) {
        throw new IllegalArgumentException("sentencesPerAbstract must be 1..10: " + sentencesPerAbstract);
      }
    }

    public static Options defaults() {
      return new Options(5, 3, true);
    }
  }

  private final AbstractSearcher searcher;
  private final StanceModel stance;
  private final Lexicon lexicon;
  private final Options options;

  public Verifier(AbstractSearcher searcher, StanceModel stance, Lexicon lexicon, Options options) {
    this.searcher = Objects.requireNonNull(searcher, "searcher");
    this.stance = Objects.requireNonNull(stance, "stance");
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.options = Objects.requireNonNull(options, "options");
  }

  public ClaimVerdict verify(Claim claim) throws IOException {
    String query = claim.claim();
    if (options.expandQuery()) {
      List<String> extra = lexicon.expand(query);
      if (!extra.isEmpty()) {
        query = query + " " + String.join(" ", extra);
      }
    }
    List<SearchHit> hits = searcher.search(SearchRequest.text(query, options.abstracts()));
    List<AbstractEvidence> abstracts = new ArrayList<>();
    for (SearchHit hit : hits) {
      abstracts.add(judge(claim.claim(), hit));
    }
    abstracts.sort(Comparator.comparing((AbstractEvidence a) -> a.stance() == Stance.NEUTRAL)
        .thenComparing(a -> -a.probability() * a.design().weight())
        .thenComparing(AbstractEvidence::id));
    return aggregate(claim, abstracts);
  }

  private AbstractEvidence judge(String claim, SearchHit hit) {
    PubmedRecord r = hit.record();
    List<String> sentences = r.sentences();
    List<StanceScores> scores = stance.score(claim, sentences);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -(1 - scores.get(i).neutral())).thenComparing(i -> i));
    double support = 0;
    double contradict = 0;
    List<EvidenceSentence> chosen = new ArrayList<>();
    for (int i : order) {
      StanceScores s = scores.get(i);
      Stance label = s.label();
      if (label == Stance.NEUTRAL || chosen.size() >= options.sentencesPerAbstract()) {
        continue;
      }
      chosen.add(new EvidenceSentence(i, sentences.get(i), label, s.probability(label)));
      support = Math.max(support, s.support());
      contradict = Math.max(contradict, s.contradict());
    }
    Stance abstractStance = chosen.isEmpty() ? Stance.NEUTRAL
        : support >= contradict ? Stance.SUPPORT : Stance.CONTRADICT;
    double p = chosen.isEmpty() ? 1 - Math.max(support, contradict) : Math.max(support, contradict);
    List<EvidenceSentence> rationale = abstractStance == Stance.NEUTRAL ? List.of()
        : chosen.stream().filter(e -> e.stance() == abstractStance).toList();
    return new AbstractEvidence(r.id(), r.title(), r.year(), r.journal(), r.pubmedUrl(), StudyDesign.of(r),
        r.retracted(), hit.score(), abstractStance, round(p), rationale);
  }

  /** Weighs the abstracts into a verdict: each stance-taking abstract counts its probability times its design weight. */
  static ClaimVerdict aggregate(Claim claim, List<AbstractEvidence> abstracts) {
    double support = 0;
    double contradict = 0;
    int nSupport = 0;
    int nContradict = 0;
    for (AbstractEvidence a : abstracts) {
      if (a.retracted()) {
        continue;
      }
      double w = a.probability() * a.design().weight();
      if (a.stance() == Stance.SUPPORT) {
        support += w;
        nSupport++;
      } else if (a.stance() == Stance.CONTRADICT) {
        contradict += w;
        nContradict++;
      }
    }
    Verdict verdict;
    double confidence;
    double total = support + contradict;
    if (total == 0) {
      verdict = Verdict.INSUFFICIENT_EVIDENCE;
      confidence = abstracts.isEmpty() ? 1.0 : 0.5;
    } else if (support >= 2 * contradict) {
      verdict = Verdict.SUPPORTED;
      confidence = support / (total + 0.5);
    } else if (contradict >= 2 * support) {
      verdict = Verdict.CONTRADICTED;
      confidence = contradict / (total + 0.5);
    } else {
      verdict = Verdict.MIXED;
      confidence = Math.min(support, contradict) / Math.max(support, contradict) * total / (total + 0.5);
    }
    return new ClaimVerdict(claim, verdict, round(Math.max(0, Math.min(1, confidence))), nSupport, nContradict,
        abstracts);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
