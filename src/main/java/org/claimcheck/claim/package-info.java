/**
 * Claims: {@link org.claimcheck.claim.ClaimExtractor} (one per worker thread) turns an article into atomic candidate
 * {@link org.claimcheck.claim.Claim}s, each scored for check-worthiness with its reasons, negation and hedging;
 * {@link org.claimcheck.claim.Lexicon} knows health concepts and their synonyms (shared with query expansion);
 * {@link org.claimcheck.claim.ClaimsFile} reads and writes claim files. Inside: clauses from UD tags
 * ({@code Clauses}), atomic claims and references ({@code Atomizer}, {@code References}), scores ({@code
 * CheckWorthiness}, {@code Negation}, {@code Cues}).
 */
package org.claimcheck.claim;
