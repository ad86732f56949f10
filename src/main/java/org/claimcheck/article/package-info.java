/**
 * Articles: where they come from ({@link org.claimcheck.article.Sources}), fetching them
 * ({@link org.claimcheck.article.Fetcher}), finding their main text ({@link org.claimcheck.article.TextExtractor}) and
 * keeping snapshots ({@link org.claimcheck.article.ArticleStore}). The stage's product is
 * {@link org.claimcheck.article.Article}.
 */
package org.claimcheck.article;
