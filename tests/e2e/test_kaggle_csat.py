"""Acceptance: CSAT per channel of the Kaggle ticket ratings, imported
through the CLI, equals an independent computation from the source file to
1e-6, with Wilson intervals. Skips when ../shared/data is absent."""

import collections
import csv
import subprocess
import unittest

import harness
import oracle

SOURCE = harness.SHARED_DATA / "kaggle-support-tickets" / "customer_support_tickets.csv"
CONVERTER = harness.ROOT / "tools" / "convert" / "kaggle_tickets.py"


@unittest.skipUnless(SOURCE.exists(), f"{SOURCE} not present (data stays outside the repo)")
class KaggleCsatTest(harness.E2ETestCase):
    def test_csat_per_channel_matches_independent_computation(self):
        subprocess.run(["/usr/bin/python3", str(CONVERTER), str(SOURCE), str(self.tmp)],
                       check=True)
        ratings = collections.defaultdict(list)
        with SOURCE.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row["Customer Satisfaction Rating"].strip():
                    ratings[row["Ticket Channel"]].append(
                        int(float(row["Customer Satisfaction Rating"])))

        with harness.Server(self.tmp / "data") as server:
            for kind in ("interactions", "responses"):
                harness.cli(server.address, "import", kind,
                            str(self.tmp / f"{kind}.csv"), check=0)
            got = harness.scores_json(server.address, "--by", "channel")
        groups = {g["key"]["channel"]: g for g in got["groups"]}
        self.assertEqual(set(groups), set(ratings))
        for channel, scores in ratings.items():
            want = oracle.proportion(scores, 4)
            csat = groups[channel]["csat"]
            for key in ("n", "value", "ci_low", "ci_high", "mean"):
                self.assertAlmostEqual(csat[key], want[key], delta=1e-6,
                                       msg=f"{channel} {key}")


if __name__ == "__main__":
    unittest.main()
