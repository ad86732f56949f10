package org.claimcheck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;

/**
 * Thread-safe. The one configured Jackson mapper: records in, records out, no surprises.
 *
 * <p>Unknown properties are ignored on input (JSONL corpora carry fields we do not use). Records are written in
 * component order; callers that write maps use ordered maps so that the same data gives the same bytes.
 */
public final class Json {
  /** Shared mapper; Jackson mappers are thread-safe once configured. */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  static {
    // Bound what one JSON line may cost: 50 MB strings, 200 levels of nesting.
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxStringLength(50_000_000).maxNestingDepth(200).build());
  }

  private Json() {}

  /** One line of JSON for {@code value}. */
  public static String line(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Pretty-printed JSON for {@code value}, for files people read (manifests). */
  public static String pretty(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
