package org.claimcheck.encoder;

import java.util.Arrays;

/**
 * One tokenised input: token ids and token type ids of the same length (the attention mask is all ones; padding is
 * added per batch by {@link OnnxModel}).
 */
public record Encoding(int[] ids, int[] typeIds) {
  public Encoding {
    if (ids.length == 0 || ids.length != typeIds.length) {
      throw new IllegalArgumentException("ids and typeIds must be non-empty and of one length: " + ids.length + ", "
          + typeIds.length);
    }
    ids = ids.clone();
    typeIds = typeIds.clone();
  }

  public int length() {
    return ids.length;
  }

  @Override
  public int[] ids() {
    return ids.clone();
  }

  @Override
  public int[] typeIds() {
    return typeIds.clone();
  }

  int id(int i) {
    return ids[i];
  }

  int typeId(int i) {
    return typeIds[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Encoding e && Arrays.equals(ids, e.ids) && Arrays.equals(typeIds, e.typeIds);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(ids) + Arrays.hashCode(typeIds);
  }

  @Override
  public String toString() {
    return "Encoding" + Arrays.toString(ids);
  }
}
