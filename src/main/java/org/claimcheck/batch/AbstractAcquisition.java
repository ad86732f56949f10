package org.claimcheck.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.claimcheck.Tally;
import org.claimcheck.claim.Claim;

/**
 * Implementations state their thread safety. The run's abstract-acquisition step: given the claims about to be
 * verified, it brings the candidate abstracts they need into abstract files, and names the files the index stage must
 * hold. The index stage then indexes what is new or changed (same path and SHA-256: not indexed again), under the
 * run's crash-safe commit.
 *
 * <p>Offline, {@link LocalAbstractFiles} names the files given with {@code --abstracts} and those in
 * {@code corpus/pubmed/}. Online, an E-utilities implementation searches PubMed for each claim, fetches the records of
 * the PMIDs not yet {@linkplain Request#indexed() in the index} (within NCBI's rate limits, with the API key of
 * {@link RunOptions#ncbiApiKey()}), saves them as PubMed XML under {@code corpus/pubmed/} and returns those files with
 * the local ones ({@link #both}). {@link NightlyRun#acquisition} chooses; that is the one place to plug it in.
 */
public interface AbstractAcquisition {
  /**
   * What an acquisition gets.
   *
   * @param workspace the working folder
   * @param claims the check-worthy claims the run is about to verify, in report order
   * @param indexed whether a record id (a PMID) is already in the index: those need not be fetched again
   * @param tallies the run's counts, by stage name: count what you do in a stage of your own ("eutils", say)
   * @param date the run's date ({@code --date}, else today): what "tonight" is for what an acquisition remembers
   * @param warnings takes a line for the run's warnings (manifest, stderr): what the morning reader must know that no
   *     count says, such as remembered state found damaged
   */
  record Request(Workspace workspace, List<Claim> claims, Predicate<String> indexed, Function<String, Tally> tallies,
      java.time.LocalDate date, Consumer<String> warnings) {
    public Request {
      Objects.requireNonNull(workspace, "workspace");
      claims = List.copyOf(claims);
      Objects.requireNonNull(indexed, "indexed");
      Objects.requireNonNull(tallies, "tallies");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(warnings, "warnings");
    }
  }

  /** What it does and from where, for the manifest. */
  String describe();

  /**
   * The abstract files the index must hold for {@code request}'s claims, in the order they are to be applied (update
   * files after the files they update). May write new files (downloads) before returning them. A source that fails
   * part-way is counted, not thrown; throw only when acquisition as a whole cannot work.
   */
  List<Path> acquire(Request request) throws IOException;

  /** Both acquisitions: {@code first}'s files, then {@code second}'s, each file once. */
  static AbstractAcquisition both(AbstractAcquisition first, AbstractAcquisition second) {
    return new AbstractAcquisition() {
      @Override
      public String describe() {
        return first.describe() + "; " + second.describe();
      }

      @Override
      public List<Path> acquire(Request request) throws IOException {
        LinkedHashSet<Path> files = new LinkedHashSet<>(first.acquire(request));
        files.addAll(second.acquire(request));
        return new ArrayList<>(files);
      }
    };
  }
}
