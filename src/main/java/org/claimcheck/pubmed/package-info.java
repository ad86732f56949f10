/**
 * Abstracts: readers for PubMed XML ({@link org.claimcheck.pubmed.PubmedXmlReader}), MEDLINE text and JSONL corpora,
 * behind one seam ({@link org.claimcheck.pubmed.RecordReader}, opened by {@link org.claimcheck.pubmed.RecordReaders}).
 * The stage's product is {@link org.claimcheck.pubmed.PubmedRecord}.
 */
package org.claimcheck.pubmed;
