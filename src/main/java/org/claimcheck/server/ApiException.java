package org.claimcheck.server;

import java.util.Objects;

/**
 * Thread-safe (immutable). A request the server answers with an error status and a JSON body
 * {@code {"status", "error", "detail", "hint"}}: what is wrong, with what, and what to do. Never carries a stack trace
 * to the client.
 */
final class ApiException extends RuntimeException {
  private final int status;
  private final String error;
  private final String detail;
  private final String hint;

  ApiException(int status, String error, String detail, String hint) {
    super(error + (detail == null ? "" : " (" + detail + ")"), null, false, false);
    this.status = status;
    this.error = Objects.requireNonNull(error, "error");
    this.detail = detail;
    this.hint = hint;
  }

  /** 400: the request cannot work as given. */
  static ApiException badRequest(String error, String detail, String hint) {
    return new ApiException(400, error, detail, hint);
  }

  /** 503: the server is too busy or the search ran out of time; the client may retry. */
  static ApiException unavailable(String error, String detail, String hint) {
    return new ApiException(503, error, detail, hint);
  }

  int status() {
    return status;
  }

  String error() {
    return error;
  }

  String detail() {
    return detail;
  }

  String hint() {
    return hint;
  }
}
