"""Fits the verdict calibration from cross-validated verdicts (claimcheck eval scifact --cv ... --verdicts FILE).

A claim's gold verdict comes from its SciFact evidence: SUPPORTED (every evidence abstract supports it), CONTRADICTED
(every one contradicts it), MIXED (both), INSUFFICIENT_EVIDENCE (none). For each predicted verdict, the raw
confidences are cut into equal-count bins (at least 25 claims each), each bin's accuracy is measured, the curve is
made non-decreasing (pool adjacent violators), and the points (mean raw confidence, accuracy) are written for
org.claimcheck.verify.VerdictCalibration. A verdict that fewer than --min-bin claims have as their gold verdict gets no
curve (it keeps its raw confidence): its accuracy cannot be measured there. SciFact's train claims have no MIXED gold
verdict at all, so every predicted MIXED was "wrong" and a fitted curve would say 0.0 for all of them. Prints the
reliability table and the expected calibration error (ECE) before and after (in-sample: the same out-of-fold verdicts
fit and measure the curve).
"""
import argparse
import json


def gold_verdict(claim):
    labels = {s["label"] for sets in claim["evidence"].values() for s in sets}
    if not labels:
        return "INSUFFICIENT_EVIDENCE"
    if labels == {"SUPPORT"}:
        return "SUPPORTED"
    if labels == {"CONTRADICT"}:
        return "CONTRADICTED"
    return "MIXED"


def pava(points):
    """Pool adjacent violators over [(x, y, n)] sorted by x: a non-decreasing y."""
    blocks = [[x, y, n] for x, y, n in points]
    i = 0
    while i < len(blocks) - 1:
        if blocks[i][1] > blocks[i + 1][1]:
            a, b = blocks[i], blocks[i + 1]
            n = a[2] + b[2]
            blocks[i] = [(a[0] * a[2] + b[0] * b[2]) / n, (a[1] * a[2] + b[1] * b[2]) / n, n]
            del blocks[i + 1]
            i = max(0, i - 1)
        else:
            i += 1
    return blocks


def ece(rows):
    total = len(rows)
    err = 0.0
    for lo in [i / 10 for i in range(10)]:
        b = [r for r in rows if lo <= r[0] < lo + 0.1 or (lo == 0.9 and r[0] == 1.0)]
        if b:
            err += len(b) / total * abs(sum(r[0] for r in b) / len(b) - sum(r[1] for r in b) / len(b))
    return err


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", required=True)
    ap.add_argument("--verdicts", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--min-bin", type=int, default=25)
    ap.add_argument("--description", default="Verdict calibration: per verdict, (raw confidence, observed accuracy) "
                    "points from verdicts on SciFact train claims (src/training/calibrate.py).")
    a = ap.parse_args()
    gold = {}
    for line in open(a.claims, encoding="utf-8"):
        c = json.loads(line)
        gold[str(c["id"])] = gold_verdict(c)
    gold_counts = {}
    for v in gold.values():
        gold_counts[v] = gold_counts.get(v, 0) + 1
    by_verdict = {}
    order = []
    for line in open(a.verdicts, encoding="utf-8"):
        v = json.loads(line)
        cid = str(v["claim"]["id"])
        row = (float(v["confidence"]), 1.0 if gold[cid] == v["verdict"] else 0.0)
        by_verdict.setdefault(v["verdict"], []).append(row)
        order.append((v["verdict"], row))
    # Held-out check: fit on every other claim, measure on the rest, both ways.
    halves = [[r for i, r in enumerate(order) if i % 2 == k] for k in (0, 1)]
    held = []
    for k in (0, 1):
        fit = {}
        for verdict, row in halves[k]:
            fit.setdefault(verdict, []).append(row)
        curves_k = {v: fit_curve(sorted(rows), a.min_bin) for v, rows in fit.items()
                    if gold_counts.get(v, 0) >= a.min_bin}
        for verdict, (conf, ok) in halves[1 - k]:
            held.append((interp(curves_k[verdict], conf) if verdict in curves_k else conf, ok))
    for verdict, n in sorted(gold_counts.items()):
        print("gold %-22s %4d claims" % (verdict, n))
    for verdict in ("SUPPORTED", "CONTRADICTED", "MIXED", "INSUFFICIENT_EVIDENCE"):
        if gold_counts.get(verdict, 0) < a.min_bin:
            print("%s: %d gold claims (fewer than %d): no curve, raw confidences kept"
                  % (verdict, gold_counts.get(verdict, 0), a.min_bin))
    print("held-out ECE (fit on half the claims, measured on the other half, both ways): %.3f" % ece(held))
    curves = {}
    before = []
    after = []
    print("verdict                  n  accuracy  mean_conf  curve (raw -> calibrated)")
    for verdict, rows in sorted(by_verdict.items()):
        rows.sort()
        pts = fit_curve(rows, a.min_bin) if gold_counts.get(verdict, 0) >= a.min_bin else None
        if pts is not None:
            curves[verdict] = pts
        acc = sum(r[1] for r in rows) / len(rows)
        print("%-22s %4d  %8.3f  %9.3f  %s" % (verdict, len(rows), acc, sum(r[0] for r in rows) / len(rows),
                                                pts if pts is not None else "none (raw kept)"))
        for conf, ok in rows:
            before.append((conf, ok))
            after.append((interp(pts, conf) if pts is not None else conf, ok))
    print("ECE before %.3f, after %.3f (10 bins, %d claims)" % (ece(before), ece(after), len(before)))
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump({"description": a.description,
                   "claims": len(before), "ece_before": round(ece(before), 4), "ece_after": round(ece(after), 4),
                   "ece_held_out": round(ece(held), 4),
                   "curves": curves}, f, indent=1)
        f.write("\n")


def fit_curve(rows, min_bin):
    """Equal-count bins of sorted (confidence, correct) rows, made non-decreasing; distinct x, rounded."""
    k = max(1, min(5, len(rows) // min_bin))
    size = len(rows) / k
    bins = [rows[int(i * size): int((i + 1) * size)] for i in range(k)]
    points = [(sum(r[0] for r in b) / len(b), sum(r[1] for r in b) / len(b), len(b)) for b in bins if b]
    pts = []
    for x, y, _ in pava(points):
        x, y = round(x, 4), round(y, 4)
        if pts and x <= pts[-1][0]:
            x = round(pts[-1][0] + 1e-4, 4)
        pts.append([x, y])
    return pts


def interp(pts, x):
    if x <= pts[0][0]:
        return pts[0][1]
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        if x <= x1:
            return y0 + (x - x0) / (x1 - x0) * (y1 - y0)
    return pts[-1][1]


if __name__ == "__main__":
    main()
