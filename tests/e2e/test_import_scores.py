"""Import CSVs with the CLI into a real server and check the scores against
an independent computation."""

import csv
import datetime
import io
import math
import random
import unittest

import harness
import oracle

CHANNELS = ["chat", "email", "phone", ""]
HEADER = ("response_id,interaction_id,agent_id,team_id,channel,customer_id,"
          "submitted_at,nps,csat,ces,ves_ability,ves_confidence,comment,attr.plan")


def make_responses(count, seed, prefix="r"):
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        rows.append({
            "response_id": f"{prefix}{i}",
            "channel": rng.choice(CHANNELS),
            "agent_id": rng.choice(["ann", "bob", ""]),
            "submitted_at": f"2025-03-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:15:00Z",
            "nps": rng.randint(0, 10),
            "csat": rng.choice([None, 1, 2, 3, 4, 5]),
            "comment": rng.choice(["", "quick, \"friendly\"", "line one\nline two"]),
        })
    return rows


def to_csv(rows, extra_lines=()):
    out = io.StringIO()
    out.write(HEADER + "\n")
    writer = csv.writer(out, lineterminator="\n")
    for r in rows:
        writer.writerow([r["response_id"], "", r["agent_id"], "team-1", r["channel"],
                         "", r["submitted_at"], r["nps"],
                         "" if r["csat"] is None else r["csat"], "", "", "",
                         r["comment"], "basic"])
    for line in extra_lines:
        out.write(line + "\n")
    return out.getvalue()


def iso(unix_seconds):
    return datetime.datetime.fromtimestamp(
        unix_seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class ImportAndScoresTest(harness.E2ETestCase):
    def assert_close(self, got, want, places=1e-9):
        for key, value in want.items():
            self.assertIn(key, got)
            if isinstance(value, float):
                self.assertAlmostEqual(got[key], value, delta=places, msg=key)
            else:
                self.assertEqual(got[key], value, key)

    def test_scores_per_channel_match_independent_computation(self):
        rows = make_responses(400, seed=1)
        bad = [
            "bad1,,ann,team-1,chat,,2025-03-02T10:00:00Z,11,,,,,,basic",
            "bad2,,ann,team-1,chat,,2025-03-02T10:00:00Z,,4.5,,,,,basic",
            "bad3,,ann,team-1,chat,,yesterday,9,,,,,,basic",
        ]
        path = self.write("responses.csv", to_csv(rows, bad))
        rejects = self.tmp / "rejects.csv"
        with harness.Server(self.tmp / "data") as server:
            result = harness.cli(server.address, "import", "responses", str(path),
                                 "--rejects", str(rejects), check=1)
            self.assertIn("accepted 400, duplicates 0, stale 0, rejected 3", result.stdout)
            with rejects.open(encoding="utf-8", newline="") as f:
                reject_rows = list(csv.DictReader(f))
            self.assertEqual([r["id"] for r in reject_rows], ["bad1", "bad2", "bad3"])
            # Quoted newlines make rows span two lines; count physical lines.
            text = path.read_text(encoding="utf-8")
            lines = text.split("\n")
            want_line = {f"bad{i}": lines.index(bad[i - 1]) + 1 for i in (1, 2, 3)}
            for r in reject_rows:
                self.assertEqual(int(r["line"]), want_line[r["id"]], r)
            self.assertEqual(reject_rows[0]["field"], "nps")

            got = harness.scores_json(server.address, "--by", "channel")
            by_channel = {tuple(g["key"].items()): g for g in got["groups"]}
            for channel in CHANNELS:
                chosen = [r for r in rows if r["channel"] == channel]
                key = (("channel", channel or None),)
                self.assertIn(key, by_channel)
                group = by_channel[key]
                self.assert_close(group["nps"], oracle.nps([r["nps"] for r in chosen]))
                csat = [r["csat"] for r in chosen if r["csat"] is not None]
                self.assert_close(group["csat"], oracle.proportion(csat, 4))
                self.assertEqual(group["ces"]["n"], 0)
                self.assertIsNone(group["ces"]["value"])
                self.assertIsNone(group["ces"]["ci_low"])

            # Re-import: nothing changes.
            again = harness.cli(server.address, "import", "responses", str(path), check=1)
            self.assertIn("accepted 0, duplicates 400, stale 0, rejected 3", again.stdout)
            self.assertEqual(harness.scores_json(server.address, "--by", "channel"), got)

    def test_filters_and_period_keys(self):
        rows = make_responses(300, seed=2)
        path = self.write("responses.csv", to_csv(rows))
        with harness.Server(self.tmp / "data") as server:
            harness.cli(server.address, "import", "responses", str(path), check=0)
            got = harness.scores_json(server.address, "--by", "week,agent",
                                      "--channel", "chat", "--channel", "email",
                                      "--from", "2025-03-03", "--to", "2025-03-09")
            chosen = [r for r in rows if r["channel"] in ("chat", "email")
                      and "2025-03-03" <= r["submitted_at"][:10] <= "2025-03-09"]
            self.assertEqual({g["key"]["week"] for g in got["groups"]}, {"2025-W10"})
            for g in got["groups"]:
                self.assertEqual(list(g["key"]), ["week", "agent"])
                agent = g["key"]["agent"] or ""
                want = oracle.nps([r["nps"] for r in chosen if r["agent_id"] == agent])
                self.assert_close(g["nps"], want)
            self.assertEqual(sum(g["nps"]["n"] for g in got["groups"]), len(chosen))

    def test_service_statistics_from_interactions(self):
        header = ("interaction_id,agent_id,team_id,channel,customer_id,opened_at,"
                  "first_response_at,closed_at,reopens,transfers,"
                  "first_contact_resolution")
        rng = random.Random(3)
        lines, closes, fcr = [header], [], []
        for i in range(200):
            close = rng.randint(60, 5 * 86400)
            first = rng.randint(1, 3600)
            closes.append(close)
            fcr.append(rng.random() < 0.6)
            opened = 1741000000 + i * 600
            lines.append(f"t{i},ann,team-1,email,,{iso(opened)},{iso(opened + first)},"
                         f"{iso(opened + close)},{rng.randint(0, 2)},0,"
                         f"{'true' if fcr[-1] else 'false'}")
        path = self.write("interactions.csv", "\n".join(lines) + "\n")
        with harness.Server(self.tmp / "data") as server:
            result = harness.cli(server.address, "import", "interactions", str(path),
                                 check=0)
            self.assertIn("accepted 200, duplicates 0, stale 0, rejected 0", result.stdout)
            service = harness.scores_json(server.address)["groups"][0]["service"]
            self.assertEqual(service["interactions"], 200)
            self.assertEqual(service["closed"], 200)
            self.assertAlmostEqual(service["time_to_close_s"]["mean"],
                                   sum(closes) / len(closes), delta=1e-6)
            ordered = sorted(closes)
            for q, key in ((0.5, "p50"), (0.9, "p90")):
                exact = ordered[math.ceil(q * len(ordered)) - 1]  # nearest rank
                got = service["time_to_close_s"][key]
                self.assertLess(abs(got - exact) / exact, 0.02, key)
            self.assertAlmostEqual(service["fcr_rate"], 100 * sum(fcr) / len(fcr),
                                   delta=1e-9)

    def test_unreachable_server_is_exit_2(self):
        path = self.write("responses.csv", to_csv(make_responses(3, seed=4)))
        result = harness.cli("127.0.0.1:1", "import", "responses", str(path),
                             "--timeout", "5")
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("127.0.0.1:1", result.stderr)


if __name__ == "__main__":
    unittest.main()
