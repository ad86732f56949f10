/**
 * The researchers' search server: {@link org.claimcheck.server.SearchServer} serves a JSON API ({@code /api/search},
 * {@code /api/abstract/{id}}, {@code /api/verify}, {@code /health}) and a small web page over one shared
 * {@link org.claimcheck.index.AbstractSearcher}, on the JDK's HTTP server with virtual threads. Searches run on a
 * bounded pool with a deadline; {@link org.claimcheck.server.QueryGuard} turns away Lucene queries that could tie the
 * server up before they run.
 */
package org.claimcheck.server;
