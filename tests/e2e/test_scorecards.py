"""Issue 5 acceptance against the real server: scorecards and the team report
of a planted team, through the real CLI (the client tests use a scripted
fake; this checks that the real server's answers make the same documents)."""

import csv
import datetime
import json
import random
import re
import unittest

import harness

T0 = datetime.datetime(2025, 3, 3, tzinfo=datetime.timezone.utc)  # a Monday
PERIOD = ["--from", "2025-03-03", "--to", "2025-03-30"]
INTERACTION_HEADER = ["interaction_id", "agent_id", "team_id", "channel", "customer_id",
                      "opened_at", "first_response_at", "closed_at", "reopens",
                      "transfers", "first_contact_resolution"]
RESPONSE_HEADER = ["response_id", "interaction_id", "agent_id", "team_id", "channel",
                   "customer_id", "submitted_at", "nps", "csat", "ces", "ves_ability",
                   "ves_confidence", "comment"]


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def clamp(v, lo, hi):
    return max(lo, min(hi, int(round(v))))


def planted_team(rng):
    """Team blue: `slow` closes tickets five times slower than the rest,
    `star` is fast and well rated, four agents are ordinary. Effort (CES)
    follows time to close, so the drivers analysis points at it."""
    close_median_h = {"slow": 15.0, "star": 1.0}
    tickets, responses = [], []
    i = 0
    for agent in ["slow", "star", "a1", "a2", "a3", "a4"]:
        for k in range(150):
            opened = T0 + datetime.timedelta(hours=k * 4 + rng.randrange(3))
            hours = rng.lognormvariate(0, 0.6) * close_median_h.get(agent, 3.0)
            closed = opened + datetime.timedelta(hours=hours)
            first = opened + datetime.timedelta(minutes=20)
            channel = ["email", "chat"][k % 2]
            tickets.append([f"t{i}", agent, "blue", channel, f"cust-{i}", iso(opened),
                            iso(first), iso(closed), 0, 0, "true"])
            good = agent == "star"
            ces = clamp(7 - hours / 4 + rng.gauss(0, 1) + (1 if good else 0), 1, 7)
            csat = clamp(4.2 - hours / 20 + rng.gauss(0, 0.7) + (0.6 if good else 0), 1, 5)
            nps = clamp(rng.gauss(9.5 if good else 7.5, 1.5), 0, 10)
            comment = ""
            if nps <= 4:
                comment = f"Waited far too long, case {k}"
            elif nps == 10 and k % 5 == 0:
                comment = f"Quick and friendly, thanks ({k})"
            responses.append([f"r{i}", f"t{i}", agent, "blue", channel, f"cust-{i}",
                              iso(closed + datetime.timedelta(minutes=30)), nps, csat,
                              ces, "", "", comment])
            i += 1
    return tickets, responses


class ScorecardsTest(harness.E2ETestCase):
    def setUp(self):
        super().setUp()
        tickets, responses = planted_team(random.Random(5))
        self.server = harness.Server(self.tmp / "data")
        self.server.start()
        self.addCleanup(self.server.stop)
        for kind, header, rows in (("interactions", INTERACTION_HEADER, tickets),
                                   ("responses", RESPONSE_HEADER, responses)):
            path = self.tmp / f"{kind}.csv"
            with path.open("w", encoding="utf-8", newline="") as f:
                writer = csv.writer(f, lineterminator="\n")
                writer.writerow(header)
                writer.writerows(rows)
            harness.cli(self.server.address, "import", kind, str(path), check=0)

    def card(self, agent, *args):
        return harness.cli(self.server.address, "scorecard", "--agent", agent, *PERIOD,
                           *args, check=0).stdout

    def test_slow_closer_gets_a_focus_point_about_time_to_close(self):
        card = json.loads(self.card("slow", "--format", "json"))
        self.assertEqual(card["agent"], "slow")
        self.assertEqual(card["team"], "blue")
        self.assertEqual(card["kpis"]["time_to_close"]["judgement"], "worse")
        self.assertGreater(card["kpis"]["time_to_close"]["ratio_ci_low"], 2)
        self.assertTrue(card["focus"], card)
        self.assertLessEqual(len(card["focus"]), 2)
        self.assertEqual(card["focus"][0]["name"], "time_to_close", card["focus"])
        self.assertEqual(card["focus"][0]["driver"]["kpi"], "time_to_close")

    def test_fast_well_rated_agent_gets_no_invented_weaknesses(self):
        card = json.loads(self.card("star", "--format", "json"))
        self.assertEqual(card["focus"], [])
        self.assertTrue(card["strengths"], card)
        self.assertEqual(card["kpis"]["time_to_close"]["judgement"], "better")
        for metric in ("nps", "csat", "ces", "ves"):
            if metric in card["metrics"]:
                self.assertNotEqual(card["metrics"][metric].get("judgement"), "worse",
                                    metric)

    def test_comments_are_evidence_without_customer_ids(self):
        text = self.card("slow", "--format", "json")
        card = json.loads(text)
        self.assertTrue(card["comments"], "the slow agent has detractor comments")
        self.assertNotIn("cust-", text)
        self.assertNotIn("cust-", self.card("slow"))

    def test_dutch_markdown_has_dutch_labels_and_decimal_commas(self):
        md = self.card("slow", "--lang", "nl")
        self.assertIn("Aandachtspunten", md)
        self.assertIn("maart 2025", md)
        self.assertRegex(md, r"\d+,\d%")
        self.assertIsNone(re.search(r"\d+\.\d%", md), "no English decimal points")

    def test_scorecards_of_the_team_and_the_report(self):
        out = self.tmp / "cards"
        listing = harness.cli(self.server.address, "scorecards", "--team", "blue",
                              "--out", str(out), *PERIOD, check=0).stdout
        names = sorted(p.name for p in out.iterdir())
        self.assertEqual(names, ["a1.html", "a2.html", "a3.html", "a4.html",
                                 "index.html", "slow.html", "star.html"])
        self.assertIn("index.html", listing)
        index = (out / "index.html").read_text(encoding="utf-8")
        self.assertIn('href="slow.html"', index)
        self.assertNotIn("<script", index)

        report = json.loads(harness.cli(self.server.address, "report", "--team", "blue",
                                        *PERIOD, "--format", "json", check=0).stdout)
        self.assertEqual(sorted(c["channel"] for c in report["channels"]),
                         ["chat", "email"])
        self.assertEqual(report["drivers"]["ranking"][0]["metric"], "ces")
        self.assertEqual(report["drivers"]["ranking"][0]["kpi"], "time_to_close")
        html_path = self.tmp / "report.html"
        harness.cli(self.server.address, "report", "--team", "blue", *PERIOD,
                    "--format", "html", "-o", str(html_path), check=0)
        html = html_path.read_text(encoding="utf-8")
        self.assertIn("<svg", html)
        self.assertNotIn("<script", html)


if __name__ == "__main__":
    unittest.main()
