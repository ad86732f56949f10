package org.claimcheck.article;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;

/**
 * Thread-safe. One HTTP GET at a time per call, never following redirects (the {@link Fetcher} checks every hop),
 * with a connect timeout, a timeout for the response headers, an idle timeout between body bytes and an overall
 * deadline after which the exchange is cancelled, so a server that trickles bytes cannot hold a fetch. The body is
 * read only when wanted (a 2xx page of an accepted type), up to a cap; gzip is asked for and undone, within the same
 * cap.
 *
 * <p>java.net.http rather than jsoup's connection: it lets a transfer be cancelled at a deadline, gives separate
 * connect, header and idle timeouts, and leaves redirects to us. Jsoup parses the pages.
 */
final class HttpTransport implements AutoCloseable {
  /** A failure of one exchange, with the reason a user reads. */
  static final class Failure extends Exception {
    Failure(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * One response.
   *
   * @param body the body (gzip undone), or null when it was not wanted and not read
   * @param truncated whether the body was cut at the size cap
   */
  record Response(URI uri, int status, HttpHeaders headers, byte[] body, boolean truncated) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    String contentType() {
      return headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT).strip();
    }
  }

  private final HttpClient client;
  private final Duration readTimeout;
  private final int maxBytes;
  private final String userAgent;

  HttpTransport(Duration connectTimeout, Duration readTimeout, int maxBytes, String userAgent) {
    this.client = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.readTimeout = readTimeout;
    this.maxBytes = maxBytes;
    this.userAgent = userAgent;
  }

  /**
   * GETs {@code uri} with {@code headers}; the body is read when {@code wanted} accepts the response (status and
   * headers known). Fails with a reason on network errors, timeouts and the deadline ({@link System#nanoTime()}).
   */
  Response get(URI uri, Map<String, String> headers, Predicate<HttpResponse.ResponseInfo> wanted,
      long deadlineNanos) throws Failure, InterruptedException {
    HttpRequest.Builder rb = HttpRequest.newBuilder(uri).GET()
        .timeout(readTimeout)
        .header("User-Agent", userAgent)
        .header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")
        .header("Accept-Encoding", "gzip");
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      rb.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance on plain HTTP
    }
    headers.forEach(rb::header);
    AtomicReference<CappedBody> body = new AtomicReference<>();
    HttpResponse.BodyHandler<byte[]> handler = info -> {
      if (!wanted.test(info)) {
        return new Unread();
      }
      CappedBody b = new CappedBody(maxBytes);
      body.set(b);
      return b;
    };
    CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(rb.build(), handler);
    HttpResponse<byte[]> response = await(future, body, deadlineNanos);
    CappedBody b = body.get();
    byte[] bytes = response.body();
    boolean truncated = b != null && b.truncated;
    if (bytes != null) {
      String encoding = response.headers().firstValue("Content-Encoding").orElse("identity")
          .toLowerCase(Locale.ROOT).strip();
      if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
        Gunzipped g = gunzip(bytes, maxBytes);
        bytes = g.bytes();
        truncated |= g.truncated();
      } else if (!encoding.equals("identity") && !encoding.isEmpty()) {
        throw new Failure("unsupported content encoding " + encoding);
      }
    }
    return new Response(response.uri(), response.statusCode(), response.headers(), bytes, truncated);
  }

  private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> future, AtomicReference<CappedBody> body,
      long deadlineNanos) throws Failure, InterruptedException {
    long idle = readTimeout.toNanos();
    while (true) {
      long now = System.nanoTime();
      CappedBody b = body.get();
      String late = null;
      if (now - deadlineNanos >= 0) {
        late = "deadline reached: no complete response in time";
      } else if (b != null && now - b.lastProgress > idle) {
        late = "timed out: no data for " + seconds(readTimeout);
      }
      if (late != null) {
        future.cancel(true);
        if (b != null) {
          b.abort();
        }
        throw new Failure(late);
      }
      try {
        return future.get(Math.min(TimeUnit.MILLISECONDS.toNanos(50), deadlineNanos - now), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        // keep waiting: the loop checks the deadline and the idle time
      } catch (InterruptedException e) {
        future.cancel(true);
        throw e;
      } catch (ExecutionException e) {
        throw new Failure(reason(e.getCause()));
      }
    }
  }

  private String reason(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof UnknownHostException || c instanceof java.nio.channels.UnresolvedAddressException) {
        return "unknown host (DNS lookup failed)";
      }
    }
    Throwable c = t;
    while (c.getCause() != null && !(c instanceof HttpTimeoutException) && !(c instanceof ConnectException)
        && !(c instanceof SSLException)) {
      c = c.getCause();
    }
    String msg = c.getMessage() == null || c.getMessage().isBlank() ? c.getClass().getSimpleName() : c.getMessage();
    if (c instanceof HttpConnectTimeoutException) {
      return "timed out connecting";
    }
    if (c instanceof HttpTimeoutException) {
      return "timed out: no response headers within " + seconds(readTimeout);
    }
    if (c instanceof ConnectException) {
      return msg.toLowerCase(Locale.ROOT).contains("refused") || msg.equals("ConnectException")
          ? "connection refused" : "cannot connect: " + msg;
    }
    if (c instanceof SSLException) {
      return "TLS error: " + msg;
    }
    return "network error: " + msg;
  }

  static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1e3);
  }

  /** Gzip undone; {@code truncated} when it would have been longer than {@code max} or was cut short. */
  record Gunzipped(byte[] bytes, boolean truncated) {}

  static Gunzipped gunzip(byte[] gz, int max) throws Failure {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        int room = max - out.size();
        if (n > room) {
          out.write(buf, 0, room);
          return new Gunzipped(out.toByteArray(), true);
        }
        out.write(buf, 0, n);
      }
      return new Gunzipped(out.toByteArray(), false);
    } catch (java.io.EOFException e) {
      if (out.size() > 0) {
        return new Gunzipped(out.toByteArray(), true); // a capped download ends mid-stream
      }
      throw new Failure("broken gzip body");
    } catch (IOException e) {
      throw new Failure("broken gzip body: " + e.getMessage());
    }
  }

  /**
   * Why a host may not be fetched when private addresses are refused: the first of its addresses that is loopback,
   * private, link-local, unique-local, carrier-grade NAT, multicast or unspecified; null when all are public.
   */
  static String privateAddress(String host) throws UnknownHostException {
    for (InetAddress a : InetAddress.getAllByName(host)) {
      if (isPrivate(a)) {
        return a.getHostAddress();
      }
    }
    return null;
  }

  static boolean isPrivate(InetAddress a) {
    if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (b.length == 4) {
      int b0 = b[0] & 0xFF;
      int b1 = b[1] & 0xFF;
      return b0 == 0 || b0 == 100 && b1 >= 64 && b1 < 128 || b0 == 198 && (b1 == 18 || b1 == 19) || b0 >= 240
          || b0 == 192 && b1 == 0 && (b[2] & 0xFF) == 0;
    }
    return (b[0] & 0xFE) == 0xFC; // IPv6 unique local fc00::/7
  }

  /** Stops the client; exchanges still running (a cancelled transfer draining) are aborted, not waited for. */
  @Override
  public void close() {
    client.shutdownNow();
    try {
      client.awaitTermination(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A body that is not wanted: the transfer is cancelled at once. */
  private static final class Unread implements HttpResponse.BodySubscriber<byte[]> {
    @Override
    public CompletionStage<byte[]> getBody() {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.cancel();
    }

    @Override
    public void onNext(List<ByteBuffer> item) {}

    @Override
    public void onError(Throwable throwable) {}

    @Override
    public void onComplete() {}
  }

  /** Collects a body up to a cap, noting when bytes last arrived. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final int max;
    private volatile Flow.Subscription subscription;
    volatile long lastProgress = System.nanoTime();
    volatile boolean truncated;

    CappedBody(int max) {
      this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      lastProgress = System.nanoTime();
      for (ByteBuffer item : items) {
        int n = item.remaining();
        int room = max - buffer.size();
        if (n > room) {
          byte[] part = new byte[room];
          item.get(part);
          buffer.write(part, 0, room);
          truncated = true;
          subscription.cancel();
          result.complete(buffer.toByteArray());
          return;
        }
        byte[] all = new byte[n];
        item.get(all);
        buffer.write(all, 0, n);
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(buffer.toByteArray());
    }

    void abort() {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
      result.completeExceptionally(new IOException("cancelled"));
    }
  }
}
