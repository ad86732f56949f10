/**
 * OpenNLP behind a small face: {@link org.claimcheck.nlp.Annotator} (one per worker thread) splits sentences and tags
 * tokens with UD part-of-speech tags and lemmas; {@link org.claimcheck.nlp.NlpModels} loads each English model once
 * from the classpath. No OpenNLP type leaves this package.
 */
package org.claimcheck.nlp;
