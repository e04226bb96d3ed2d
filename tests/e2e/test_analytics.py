"""Issue 4 acceptance, end to end through the CLI: drivers on planted,
null and real data; a planted one-week drop in a trend; fair rankings."""

import csv
import datetime
import math
import random
import subprocess
import unittest

import harness

OLIST = harness.SHARED_DATA / "olist-sample"
KAGGLE = harness.SHARED_DATA / "kaggle-support-tickets" / "customer_support_tickets.csv"
CONVERT = harness.ROOT / "tools" / "convert"

RESPONSE_HEADER = ["response_id", "interaction_id", "agent_id", "team_id", "channel",
                   "customer_id", "submitted_at", "nps", "csat", "ces", "ves_ability",
                   "ves_confidence", "comment"]
INTERACTION_HEADER = ["interaction_id", "agent_id", "team_id", "channel", "customer_id",
                      "opened_at", "first_response_at", "closed_at", "reopens",
                      "transfers", "first_contact_resolution"]
T0 = datetime.datetime(2025, 3, 3, tzinfo=datetime.timezone.utc)  # a Monday


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def clamp(v, lo, hi):
    return max(lo, min(hi, int(round(v))))


def write_csv(path, header, rows):
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    return path


def json_of(server, *args):
    import json
    return json.loads(harness.cli(server.address, *args, "--format", "json",
                                  check=0).stdout)


class DriversTest(harness.E2ETestCase):
    def import_pair(self, server, interactions, responses):
        harness.cli(server.address, "import", "interactions", str(interactions), check=0)
        harness.cli(server.address, "import", "responses", str(responses), check=0)

    def test_planted_effort_dependence_ranks_ces_then_csat(self):
        rng = random.Random(21)
        tickets, responses = [], []
        for i in range(3000):
            hours = rng.lognormvariate(2.0, 1.2)
            opened = T0 + datetime.timedelta(hours=i)
            closed = opened + datetime.timedelta(seconds=round(hours * 3600))
            tickets.append([f"t{i}", f"agent{i % 30}", "blue", "email", "", iso(opened),
                            "", iso(closed), "", "", ""])
            slow = math.log(hours)
            responses.append([f"r{i}", f"t{i}", f"agent{i % 30}", "blue", "email", "",
                              iso(closed + datetime.timedelta(hours=1)),
                              clamp(7 + 2 * rng.gauss(0, 1), 0, 10),
                              clamp(4 - 0.15 * slow + rng.gauss(0, 1), 1, 5),
                              clamp(6 - 1.2 * slow + 0.8 * rng.gauss(0, 1), 1, 7),
                              "", "", ""])
        with harness.Server(self.tmp / "data") as server:
            # Responses first: the links must hold once the tickets arrive.
            harness.cli(server.address, "import", "responses",
                        str(write_csv(self.tmp / "r.csv", RESPONSE_HEADER, responses)),
                        check=0)
            harness.cli(server.address, "import", "interactions",
                        str(write_csv(self.tmp / "i.csv", INTERACTION_HEADER, tickets)),
                        check=0)
            got = json_of(server, "drivers", "--kpi", "time_to_close")
        ranking = [r["metric"] for r in got["ranking"]]
        self.assertEqual(ranking[:2], ["ces", "csat"], got["ranking"])
        pairs = {(p["metric"], p["kpi"]): p for p in got["pairs"]}
        self.assertFalse(pairs[("nps", "time_to_close")]["significant"])
        self.assertTrue(pairs[("ces", "time_to_close")]["significant"])
        self.assertLess(pairs[("ces", "time_to_close")]["ci_high"], 0)
        self.assertEqual(pairs[("ces", "time_to_close")]["n"], 3000)
        self.assertIn("CES", got["verdict"])

    @unittest.skipUnless(KAGGLE.exists(), f"{KAGGLE} not present")
    def test_kaggle_tickets_show_no_dependence(self):
        subprocess.run(["/usr/bin/python3", str(CONVERT / "kaggle_tickets.py"),
                        str(KAGGLE), str(self.tmp)], check=True)
        with harness.Server(self.tmp / "data") as server:
            self.import_pair(server, self.tmp / "interactions.csv",
                             self.tmp / "responses.csv")
            got = json_of(server, "drivers")
        self.assertTrue(any(p["n"] > 1000 for p in got["pairs"]))
        self.assertFalse([p for p in got["pairs"] if p["significant"]], got["pairs"])
        self.assertTrue(got["verdict"].startswith("No metric moves"), got["verdict"])

    @unittest.skipUnless(OLIST.exists(), f"{OLIST} not present")
    def test_olist_csat_falls_with_time_to_close(self):
        subprocess.run(["/usr/bin/python3", str(CONVERT / "olist.py"), str(OLIST),
                        str(self.tmp)], check=True)
        with harness.Server(self.tmp / "data") as server:
            self.import_pair(server, self.tmp / "interactions.csv",
                             self.tmp / "responses.csv")
            got = json_of(server, "drivers", "--kpi", "time_to_close")
        pair = next(p for p in got["pairs"]
                    if p["metric"] == "csat" and p["kpi"] == "time_to_close")
        self.assertGreater(pair["n"], 5000)
        self.assertLess(pair["rho"], -0.1)
        self.assertLess(pair["ci_high"], 0)
        self.assertTrue(pair["significant"])
        self.assertEqual(got["ranking"][0]["metric"], "csat")


class TrendAndRankingTest(harness.E2ETestCase):
    def test_planted_one_week_drop_is_flagged(self):
        rng = random.Random(8)
        rows, i = [], 0
        for day in range(56):
            for channel in ("chat", "email"):
                dropped = channel == "chat" and day // 7 == 4
                for k in range(50):
                    at = T0 + datetime.timedelta(days=day, hours=k % 20)
                    satisfied = rng.random() < (0.55 if dropped else 0.8)
                    rows.append([f"r{i}", "", "", "", channel, "", iso(at), "",
                                 5 if satisfied else 2, "", "", "", ""])
                    i += 1
        with harness.Server(self.tmp / "data") as server:
            harness.cli(server.address, "import", "responses",
                        str(write_csv(self.tmp / "r.csv", RESPONSE_HEADER, rows)), check=0)
            got = json_of(server, "trend", "--metric", "csat", "--by", "channel",
                          "--interval", "week")
        series = {s["key"]["channel"]: s["points"] for s in got["series"]}
        chat = series["chat"]
        self.assertEqual(len(chat), 8)
        flags = {p["period"]: p["change"] for p in chat}
        self.assertEqual(flags["2025-W14"], "drop")
        self.assertIsNone(flags["2025-W13"])
        # The week after rises significantly against the dropped week, but it
        # is a return to the earlier level: neighbouring weeks are not flagged.
        recovery = next(p for p in chat if p["period"] == "2025-W15")
        self.assertLess(recovery["p"], 0.01)
        others = [p for p in chat if p["period"] != "2025-W14"]
        self.assertTrue(all(p["change"] is None for p in others), others)
        self.assertTrue(all(p["change"] is None for p in series["email"]))

    def test_two_tens_do_not_outrank_three_hundred_at_plus_sixty(self):
        rng = random.Random(4)
        rows, i = [], 0

        def add(agent, score):
            nonlocal i
            rows.append([f"r{i}", "", agent, "blue", "chat", "",
                         iso(T0 + datetime.timedelta(hours=i % 500)), score,
                         "", "", "", "", ""])
            i += 1

        for k in range(300):  # 210 promoters, 60 passives, 30 detractors: +60
            add("veteran", 10 if k < 210 else (8 if k < 270 else 3))
        add("newcomer", 10)
        add("newcomer", 10)
        for a in range(10):  # ordinary agents around +20
            for _ in range(100):
                u = rng.random()
                add(f"agent{a}", 10 if u < 0.45 else (7 if u < 0.75 else 4))
        with harness.Server(self.tmp / "data") as server:
            harness.cli(server.address, "import", "responses",
                        str(write_csv(self.tmp / "r.csv", RESPONSE_HEADER, rows)), check=0)
            got = json_of(server, "agents", "--rank-by", "nps")
        order = [a["agent"] for a in got["agents"]]
        self.assertLess(order.index("veteran"), order.index("newcomer"))
        newcomer = got["agents"][order.index("newcomer")]
        self.assertEqual(newcomer["n"], 2)
        self.assertEqual(newcomer["value"], 100)
        self.assertLess(newcomer["adjusted"], 100)
        self.assertIsInstance(got["needs_attention"], list)


if __name__ == "__main__":
    unittest.main()
