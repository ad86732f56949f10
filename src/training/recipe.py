"""Training recipe for claimcheck's stance cross-encoder (see README.md in this folder).

  recipe.py pairs   --claims C --corpus K --run R --out pairs.jsonl     training pairs + grouped folds
  recipe.py train   --pairs P --fold F --out model.pt ...               trains on every fold but F (F=-1: all)
  recipe.py export  --model model.pt --out model.onnx [--int8 q.onnx]   ONNX opset 17 (+ int8 weights)
  recipe.py fixture --model model.pt --out fixture.tsv                  expected probabilities for the Java tests

Reads only SciFact train claims, the corpus and a BM25 run of those claims over the corpus.
"""
import argparse
import json
import math
import os
import random
import re
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

from bert import CrossEncoder, load_bge
from wordpiece import WordPiece

LABEL_ID = {"SUPPORT": 0, "CONTRADICT": 1, "NEUTRAL": 2}
STOP = set("a an the of in on for to and or with by is are was were be been as at from that this these those it its "
           "than into not no can may which".split())


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def words(text):
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP}


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def folds_by_abstract(claims, k, seed):
    """Claims that share a cited or evidence abstract land in the same fold (union-find over abstracts)."""
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for c in claims:
        docs = ["d%s" % d for d in list(c.get("cited_doc_ids", [])) + list(c["evidence"].keys())]
        find("c%d" % c["id"])
        for d in docs:
            parent[find("c%d" % c["id"])] = find(d)
    groups = {}
    for c in claims:
        groups.setdefault(find("c%d" % c["id"]), []).append(c["id"])
    comps = sorted(groups.values(), key=lambda g: (-len(g), min(g)))
    rnd = random.Random(seed)
    head = [g for g in comps if len(g) > 1]
    tail = [g for g in comps if len(g) == 1]
    rnd.shuffle(tail)
    sizes = [0] * k
    fold_of = {}
    for g in head + tail:
        f = min(range(k), key=lambda i: (sizes[i], i))
        sizes[f] += len(g)
        for cid in g:
            fold_of[cid] = f
    return fold_of


def cmd_pairs(a):
    rnd = random.Random(a.seed)
    claims = read_jsonl(a.claims)
    corpus = {str(d["doc_id"]): d for d in read_jsonl(a.corpus)}
    run = {}
    with open(a.run, encoding="utf-8") as f:
        for line in f:
            qid, _, doc, rank, _score, _tag = line.split()
            if int(rank) <= a.retrieved:
                run.setdefault(qid, []).append(doc)
    fold_of = folds_by_abstract(claims, a.folds, a.seed)
    out = []
    counts = {"SUPPORT": 0, "CONTRADICT": 0, "NEUTRAL": 0}
    for c in claims:
        cid = c["id"]
        rationale = {}
        for doc, sets in c["evidence"].items():
            for s in sets:
                for i in s["sentences"]:
                    rationale[(doc, i)] = s["label"]
        docs = list(c["evidence"].keys())
        docs += [str(d) for d in c.get("cited_doc_ids", []) if str(d) not in docs]
        docs += [d for d in run.get(str(cid), []) if d not in docs]
        neutral = []
        for doc in docs:
            for i, sent in enumerate(corpus[doc]["abstract"]):
                label = rationale.get((doc, i))
                if label:
                    out.append({"claim_id": cid, "fold": fold_of[cid], "doc": doc, "sentence": i,
                                "claim": c["claim"], "text": sent, "label": label})
                    counts[label] += 1
                else:
                    neutral.append((doc, i, sent))
        # Hard negatives (most word overlap with the claim) and random ones.
        cw = words(c["claim"])
        neutral.sort(key=lambda n: (-len(cw & words(n[2])), n[0], n[1]))
        hard = neutral[: a.hard]
        rest = neutral[a.hard:]
        rnd.shuffle(rest)
        for doc, i, sent in hard + rest[: a.random]:
            out.append({"claim_id": cid, "fold": fold_of[cid], "doc": doc, "sentence": i,
                        "claim": c["claim"], "text": sent, "label": "NEUTRAL"})
            counts["NEUTRAL"] += 1
    with open(a.out, "w", encoding="utf-8") as f:
        for p in out:
            f.write(json.dumps(p) + "\n")
    folds = {}
    for cid, fo in fold_of.items():
        folds.setdefault(fo, []).append(cid)
    with open(a.out + ".folds.json", "w", encoding="utf-8") as f:
        json.dump({str(k): sorted(v) for k, v in sorted(folds.items())}, f)
    log("pairs %d %s; claims per fold %s" % (len(out), counts, [len(folds[k]) for k in sorted(folds)]))


def batches(encoded, batch_size, rnd):
    """Length-bucketed batches: sort by length within chunks of 50 batches, then shuffle the batches."""
    idx = list(range(len(encoded)))
    rnd.shuffle(idx)
    chunk = batch_size * 50
    out = []
    for s in range(0, len(idx), chunk):
        part = sorted(idx[s:s + chunk], key=lambda i: len(encoded[i][0]))
        out += [part[j:j + batch_size] for j in range(0, len(part), batch_size)]
    rnd.shuffle(out)
    return out


def collate(encoded, ids):
    t = max(len(encoded[i][0]) for i in ids)
    x = torch.zeros(len(ids), t, dtype=torch.long)
    m = torch.zeros(len(ids), t, dtype=torch.long)
    y = torch.zeros(len(ids), t, dtype=torch.long)
    for r, i in enumerate(ids):
        a, b, _ = encoded[i]
        x[r, : len(a)] = torch.tensor(a)
        y[r, : len(b)] = torch.tensor(b)
        m[r, : len(a)] = 1
    return x, m, y


def frozen_states(model, encoded, freeze, cache, threads):
    """Hidden states after the embeddings and the first `freeze` layers, which training leaves frozen: computed once
    (no dropout) and cached as fp16, shared by every fold's training."""
    if cache and os.path.exists(cache):
        return torch.load(cache)
    model.eval()
    out = [None] * len(encoded)
    # Start from a cache of fewer frozen layers when there is one (same pairs, same weights).
    start = 0
    lower = None
    for k in range(freeze - 1, 0, -1):
        name = cache.replace("-l%d." % freeze, "-l%d." % k) if cache else None
        if name and name != cache and os.path.exists(name):
            lower, start = torch.load(name), k
            break
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i][0]))
    t0 = time.time()
    with torch.no_grad():
        for s in range(0, len(order), 64):
            ids = order[s:s + 64]
            x, m, y = collate(encoded, ids)
            if lower is None:
                h = model.embed(x, y)
            else:
                h = torch.zeros(len(ids), x.shape[1], 384)
                for r, i in enumerate(ids):
                    h[r, : len(encoded[i][0])] = lower[i].float()
            bias = (1.0 - m[:, None, None, :].float()) * -10000.0
            for layer in model.layers[start:freeze]:
                h = layer(h, bias)
            for r, i in enumerate(ids):
                out[i] = h[r, : len(encoded[i][0])].to(torch.float16).clone()
    log("cached frozen states of %d pairs in %.0f s" % (len(out), time.time() - t0))
    if cache:
        torch.save(out, cache)
    return out


def cmd_train(a):
    torch.manual_seed(a.seed)
    rnd = random.Random(a.seed)
    torch.set_num_threads(a.threads)
    tok = WordPiece(a.tokenizer)
    every = read_jsonl(a.pairs)
    keep = [i for i, p in enumerate(every) if p["fold"] != a.fold]
    encoded_all = [tok.pair(p["claim"], p["text"], a.max_len) + (LABEL_ID[p["label"]],) for p in every]
    model = load_bge(CrossEncoder(a.layers), a.bge)
    states_all = frozen_states(model, encoded_all, a.freeze, a.cache, a.threads)
    encoded = [encoded_all[i] for i in keep]
    states = [states_all[i] for i in keep]
    for m in [model.word, model.position, model.token_type, model.emb_norm] + list(model.layers[: a.freeze]):
        for p in m.parameters():
            p.requires_grad = False
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=a.lr, weight_decay=0.01)
    steps = a.epochs * math.ceil(len(encoded) / a.batch)
    warm = max(1, int(0.1 * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    counts = np.bincount([e[2] for e in encoded], minlength=3).astype(np.float64)
    weight = torch.tensor((counts.sum() / (3 * counts)) ** a.class_weight_power, dtype=torch.float32)
    log("train fold=%d pairs=%d counts=%s weights=%s steps=%d layers=%d freeze=%d max_len=%d"
        % (a.fold, len(encoded), counts.tolist(), [round(float(w), 3) for w in weight], steps, a.layers, a.freeze,
           a.max_len))
    model.train()
    step = 0
    t0 = time.time()
    for epoch in range(a.epochs):
        total = 0.0
        for ids in batches(encoded, a.batch, rnd):
            t = max(len(encoded[i][0]) for i in ids)
            h = torch.zeros(len(ids), t, 384)
            m = torch.zeros(len(ids), t)
            for r, i in enumerate(ids):
                n = len(encoded[i][0])
                h[r, :n] = states[i].float()
                m[r, :n] = 1
            bias = (1.0 - m[:, None, None, :]) * -10000.0
            h = model.dropout(h)
            for layer in model.layers[a.freeze:-1]:
                h = layer(h, bias)
            h = model.layers[-1].forward_cls(h, bias)
            logits = model.head(model.dropout(h[:, 0]))
            labels = torch.tensor([encoded[i][2] for i in ids])
            loss = F.cross_entropy(logits, labels, weight=weight)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            step += 1
            total += loss.item()
            if step % 50 == 0:
                log("step %d/%d loss %.4f (%.2f s/step)" % (step, steps, total / 50, (time.time() - t0) / step))
                total = 0.0
    torch.save({"state": model.state_dict(), "layers": a.layers, "max_len": a.max_len}, a.out)
    log("saved %s after %.0f s" % (a.out, time.time() - t0))


def load_model(path):
    ck = torch.load(path)
    model = CrossEncoder(ck["layers"])
    model.load_state_dict(ck["state"])
    model.eval()
    return model, ck


def cmd_export(a):
    model, ck = load_model(a.model)
    x = torch.tensor([[101, 2023, 102, 2008, 102]])
    m = torch.ones_like(x)
    y = torch.tensor([[0, 0, 0, 1, 1]])
    torch.onnx.export(model, (x, m, y), a.out, opset_version=17,
                      input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["logits"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                                    "token_type_ids": {0: "batch", 1: "seq"}, "logits": {0: "batch"}})
    log("exported %s (%d bytes)" % (a.out, os.path.getsize(a.out)))
    if a.int8:
        import quantize
        quantize.quantize(a.out, a.int8)
        log("int8 %s (%d bytes)" % (a.int8, os.path.getsize(a.int8)))


def cmd_fixture(a):
    """Pairs with the PyTorch fp32 probabilities, for the Java test of the shipped model."""
    model, ck = load_model(a.model)
    tok = WordPiece(a.tokenizer)
    rows = [line.rstrip("\n").split("\t") for line in open(a.pairs, encoding="utf-8") if line.strip()]
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("claim\tevidence\tsupport\tcontradict\tneutral\n")
        for claim, sentence in rows:
            ids, types = tok.pair(claim, sentence, ck["max_len"])
            x = torch.tensor([ids])
            with torch.no_grad():
                p = torch.softmax(model(x, torch.ones_like(x), torch.tensor([types])), -1)[0].tolist()
            f.write("%s\t%s\t%.6f\t%.6f\t%.6f\n" % (claim, sentence, p[0], p[1], p[2]))
    log("fixture %s" % a.out)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pairs")
    p.add_argument("--claims", required=True)
    p.add_argument("--corpus", required=True)
    p.add_argument("--run", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--retrieved", type=int, default=5)
    p.add_argument("--hard", type=int, default=3)
    p.add_argument("--random", type=int, default=2)
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--seed", type=int, default=7)
    t = sub.add_parser("train")
    t.add_argument("--pairs", required=True)
    t.add_argument("--bge", required=True)
    t.add_argument("--tokenizer", required=True)
    t.add_argument("--fold", type=int, required=True)
    t.add_argument("--out", required=True)
    t.add_argument("--layers", type=int, default=6)
    t.add_argument("--freeze", type=int, default=0)
    t.add_argument("--max-len", type=int, default=128)
    t.add_argument("--epochs", type=int, default=2)
    t.add_argument("--batch", type=int, default=16)
    t.add_argument("--lr", type=float, default=5e-5)
    t.add_argument("--class-weight-power", type=float, default=0.5)
    t.add_argument("--threads", type=int, default=1)
    t.add_argument("--seed", type=int, default=7)
    t.add_argument("--cache", help="file for the frozen layers' states, shared across folds")
    e = sub.add_parser("export")
    e.add_argument("--model", required=True)
    e.add_argument("--out", required=True)
    e.add_argument("--int8")
    x = sub.add_parser("fixture")
    x.add_argument("--model", required=True)
    x.add_argument("--tokenizer", required=True)
    x.add_argument("--pairs", required=True)
    x.add_argument("--out", required=True)
    a = ap.parse_args()
    {"pairs": cmd_pairs, "train": cmd_train, "export": cmd_export, "fixture": cmd_fixture}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
