/**
 * Verification: {@link org.claimcheck.verify.Verifier} retrieves abstracts for a claim, asks a
 * {@link org.claimcheck.verify.StanceModel} for each sentence's stance, and weighs the evidence by
 * {@link org.claimcheck.verify.StudyDesign} into a {@link org.claimcheck.verify.ClaimVerdict}.
 */
package org.claimcheck.verify;
