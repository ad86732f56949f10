/**
 * claimcheck: checks health claims on the web against PubMed abstracts.
 *
 * <p>One package per stage of the pipeline ({@code article}, {@code nlp}, {@code claim}, {@code pubmed}, {@code index},
 * {@code verify}, {@code report}, {@code batch}) plus {@code server}, {@code eval} and the command line in {@code cli}.
 * Stages pass plain records; no Jsoup, Lucene or OpenNLP type crosses a package border. This package holds the little
 * vocabulary they all share: {@link org.claimcheck.ClaimcheckException} (errors a user can act on),
 * {@link org.claimcheck.Tally} (every item counted), {@link org.claimcheck.Json} (the one JSON mapper) and
 * {@link org.claimcheck.AtomicFiles} (atomic writes).
 */
package org.claimcheck;
