/**
 * Claims: {@link org.claimcheck.claim.ClaimExtractor} turns an article into scored candidate
 * {@link org.claimcheck.claim.Claim}s; {@link org.claimcheck.claim.Lexicon} knows health concepts and their synonyms
 * (shared with query expansion); {@link org.claimcheck.claim.ClaimsFile} reads and writes claim files.
 */
package org.claimcheck.claim;
