"""Segments (issue 4, item 4): `--by attr.NAME` in scores, trend and drivers,
end to end through the CLI, checked against an independent computation from
the generated rows."""

import collections
import csv
import datetime
import json
import random
import unittest

import harness
import oracle

RESPONSE_HEADER = ["response_id", "interaction_id", "agent_id", "team_id", "channel",
                   "customer_id", "submitted_at", "nps", "csat", "ces", "ves_ability",
                   "ves_confidence", "comment", "attr.plan", "attr.tenure"]
INTERACTION_HEADER = ["interaction_id", "agent_id", "team_id", "channel", "customer_id",
                      "opened_at", "first_response_at", "closed_at", "reopens",
                      "transfers", "first_contact_resolution", "attr.plan"]
PLANS = ["gold", "silver", "free", ""]  # "" = no attribute (empty cell)
T0 = datetime.datetime(2025, 3, 3, tzinfo=datetime.timezone.utc)  # a Monday


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_week(t):
    year, week, _ = t.isocalendar()
    return f"{year}-W{week:02d}"


def write_csv(path, header, rows):
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


class SegmentsTest(harness.E2ETestCase):
    def setUp(self):
        super().setUp()
        rng = random.Random(44)
        self.tickets = []    # dicts: id, plan, opened, closed (or None)
        self.responses = []  # dicts: id, ticket, plan, tenure, at, nps, csat
        for i in range(300):
            opened = T0 + datetime.timedelta(hours=5 * i)
            closed = (opened + datetime.timedelta(minutes=rng.randint(5, 3000))
                      if rng.random() < 0.8 else None)
            self.tickets.append({"id": f"t{i}", "plan": rng.choice(PLANS),
                                 "opened": opened, "closed": closed})
        for i in range(700):
            ticket = rng.choice(self.tickets) if rng.random() < 0.7 else None
            # A response's plan is its own; it may differ from its ticket's.
            plan = (ticket["plan"] if ticket and rng.random() < 0.8
                    else rng.choice(PLANS))
            self.responses.append({
                "id": f"r{i}", "ticket": ticket["id"] if ticket else "",
                "plan": plan, "tenure": rng.choice(["<1y", "1-3y", ""]),
                "at": T0 + datetime.timedelta(hours=2 * i + 1),
                "nps": rng.randint(0, 10) if rng.random() < 0.9 else None,
                "csat": rng.randint(1, 5)})
        self.interactions_csv = write_csv(
            self.tmp / "interactions.csv", INTERACTION_HEADER,
            [[t["id"], "ann", "blue", "email", "", iso(t["opened"]), "",
              iso(t["closed"]) if t["closed"] else "", "", "", "", t["plan"]]
             for t in self.tickets])
        self.responses_csv = write_csv(
            self.tmp / "responses.csv", RESPONSE_HEADER,
            [[r["id"], r["ticket"], "ann", "blue", "chat", "", iso(r["at"]),
              "" if r["nps"] is None else r["nps"], r["csat"], "", "", "", "",
              r["plan"], r["tenure"]]
             for r in self.responses])

    def import_all(self, server):
        harness.cli(server.address, "import", "responses", str(self.responses_csv),
                    check=0)
        harness.cli(server.address, "import", "interactions",
                    str(self.interactions_csv), check=0)

    def json_of(self, server, *args):
        return json.loads(harness.cli(server.address, *args, "--format", "json",
                                      check=0).stdout)

    def assert_nps(self, got, scores):
        want = oracle.nps(scores)
        for key in ("n", "promoters", "passives", "detractors"):
            self.assertEqual(got[key], want[key], key)
        for key in ("value", "ci_low", "ci_high"):
            self.assertAlmostEqual(got[key], want[key], delta=1e-9, msg=key)

    def test_scores_trend_and_drivers_by_attribute(self):
        by_plan = collections.defaultdict(list)
        for r in self.responses:
            if r["plan"]:
                by_plan[r["plan"]].append(r)
        tickets_by_plan = collections.defaultdict(list)
        for t in self.tickets:
            if t["plan"]:
                tickets_by_plan[t["plan"]].append(t)
        tickets = {t["id"]: t for t in self.tickets}

        with harness.Server(self.tmp / "data") as server:
            self.import_all(server)

            # scores --by attr.plan: only records that carry a plan.
            got = self.json_of(server, "scores", "--by", "attr.plan")
            self.assertEqual([g["key"] for g in got["groups"]],
                             [{"attr.plan": p} for p in sorted(by_plan)])
            for group in got["groups"]:
                plan = group["key"]["attr.plan"]
                rows = by_plan[plan]
                self.assert_nps(group["nps"],
                                [r["nps"] for r in rows if r["nps"] is not None])
                csat = oracle.proportion([r["csat"] for r in rows], 4)
                self.assertEqual(group["csat"]["n"], csat["n"])
                self.assertAlmostEqual(group["csat"]["value"], csat["value"],
                                       delta=1e-9)
                # Service statistics come from the tickets' own plans.
                own = tickets_by_plan[plan]
                self.assertEqual(group["service"]["interactions"], len(own))
                self.assertEqual(group["service"]["closed"],
                                 sum(1 for t in own if t["closed"]))

            # With a period and a range; csv names the column attr.plan.
            got = self.json_of(server, "scores", "--by", "attr.plan,week",
                               "--from", "2025-03-10", "--to", "2025-03-23")
            want = collections.Counter(
                (r["plan"], iso_week(r["at"])) for r in self.responses
                if r["plan"] and r["nps"] is not None
                and datetime.date(2025, 3, 10) <= r["at"].date()
                <= datetime.date(2025, 3, 23))
            # Groups with tickets but no NPS answer have n = 0.
            got_n = {(g["key"]["attr.plan"], g["key"]["week"]): g["nps"]["n"]
                     for g in got["groups"] if g["nps"]["n"] > 0}
            self.assertEqual(got_n, dict(want))
            csv_out = harness.cli(server.address, "scores", "--by", "attr.tenure",
                                  "--format", "csv", check=0).stdout
            rows = list(csv.reader(csv_out.splitlines()))
            self.assertEqual(rows[0][:2], ["attr.tenure", "nps_n"])
            self.assertEqual(sorted(r[0] for r in rows[1:]), ["1-3y", "<1y"])

            # trend --by attr.plan: per plan, n per week.
            got = self.json_of(server, "trend", "--metric", "nps", "--by",
                               "attr.plan", "--interval", "week")
            self.assertEqual([s["key"] for s in got["series"]],
                             [{"attr.plan": p} for p in sorted(by_plan)])
            for series in got["series"]:
                plan = series["key"]["attr.plan"]
                want = collections.Counter(iso_week(r["at"]) for r in by_plan[plan]
                                           if r["nps"] is not None)
                self.assertEqual({p["period"]: p["n"] for p in series["points"]
                                  if p["n"] > 0}, dict(want))

            # drivers --by attr.plan: pairs of linked responses under the
            # response's plan; time to close needs a closed ticket.
            got = self.json_of(server, "drivers", "--by", "attr.plan", "--kpi",
                               "time_to_close")
            self.assertNotIn("pairs", got)
            self.assertEqual([g["key"] for g in got["groups"]],
                             [{"attr.plan": p} for p in sorted(by_plan)])
            for group in got["groups"]:
                plan = group["key"]["attr.plan"]
                want_n = sum(1 for r in by_plan[plan]
                             if r["ticket"] and tickets[r["ticket"]]["closed"]
                             and r["nps"] is not None)
                pairs = {(p["metric"], p["kpi"]): p for p in group["pairs"]}
                self.assertEqual(pairs[("nps", "time_to_close")]["n"], want_n)
                self.assertTrue(group["verdict"])

            # Segments are rolled up on their own.
            result = harness.cli(server.address, "scores", "--by", "attr.plan",
                                 "--agent", "ann", check=2)
            self.assertIn("cannot be combined with --agent", result.stderr)
            self.assertEqual(result.stdout, "")

    def test_upserted_ticket_moves_to_its_new_plan_and_survives_restart(self):
        data = self.tmp / "data"
        ticket = ["t1", "ann", "blue", "email", "", "2025-03-03T10:00:00Z", "",
                  "2025-03-03T11:00:00Z", "", "", "", "gold"]
        with harness.Server(data) as server:
            harness.cli(server.address, "import", "interactions",
                        str(write_csv(self.tmp / "a.csv", INTERACTION_HEADER,
                                      [ticket])), check=0)
            ticket[-1] = "silver"
            harness.cli(server.address, "import", "interactions",
                        str(write_csv(self.tmp / "b.csv", INTERACTION_HEADER,
                                      [ticket])), check=0)
        with harness.Server(data) as server:
            got = self.json_of(server, "scores", "--by", "attr.plan")
        self.assertEqual([(g["key"], g["service"]["interactions"])
                          for g in got["groups"]],
                         [({"attr.plan": "silver"}, 1)])


if __name__ == "__main__":
    unittest.main()
