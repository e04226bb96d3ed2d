"""Independent implementations of the metrics.md formulas, for checking the
server's numbers from raw scores (never from cxscore's own output)."""

import math

Z = 1.959963984540054


def nps(scores):
    n = len(scores)
    d = sum(1 for s in scores if s <= 6)
    r = sum(1 for s in scores if s >= 9)
    p = n - d - r
    value = 100.0 * (r - d) / n
    # Adjusted Wald: pseudo-counts 0.75 / 1.5 / 0.75.
    da, pa, ra = d + 0.75, p + 1.5, r + 0.75
    na = n + 3
    nps_a = (ra - da) / na
    var_a = (ra / na + da / na) - (ra / na - da / na) ** 2
    half = Z * math.sqrt(var_a / na)
    lo, hi = max(-1.0, nps_a - half), min(1.0, nps_a + half)
    return {"n": n, "value": value, "ci_low": 100 * lo, "ci_high": 100 * hi,
            "promoters": r, "passives": p, "detractors": d}


def wilson(successes, n):
    ph = successes / n
    centre = ph + Z * Z / (2 * n)
    half = Z * math.sqrt(ph * (1 - ph) / n + Z * Z / (4 * n * n))
    denom = 1 + Z * Z / n
    return (centre - half) / denom, (centre + half) / denom


def proportion(scores, threshold):
    n = len(scores)
    good = sum(1 for s in scores if s >= threshold)
    lo, hi = wilson(good, n)
    return {"n": n, "value": 100.0 * good / n, "ci_low": 100 * lo,
            "ci_high": 100 * hi, "mean": sum(scores) / n}
