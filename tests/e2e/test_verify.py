"""Issue 12, verify: `cxscore admin verify [--repair]` against the real
cxscored on RocksDB. A rollup cell is changed behind the store's back with
the test tool cxscore-corrupt-cell while the server is stopped."""

import json
import shutil
import subprocess
import threading
import unittest

import harness
from test_import_scores import make_responses, to_csv
from test_security import cxscore, make_ca, make_cert, token_new


GROUPINGS = ("day", "agent,channel,day")


def corrupt_cell(data_dir):
    """Adds 3 to a field of the first rollup cell; (view, key, field)."""
    run = subprocess.run([str(harness.BIN_DIR / "cxscore-corrupt-cell"),
                          str(data_dir)],
                         capture_output=True, text=True, timeout=60)
    if run.returncode != 0:
        raise AssertionError(f"cxscore-corrupt-cell: {run.stderr}")
    view, key, field = run.stdout.rstrip("\n").split("\t")
    return view, key, field


def verify_json(address, *args, check):
    return json.loads(harness.cli(address, "admin", "verify", "--format",
                                  "json", *args, check=check).stdout)


class VerifyTest(harness.E2ETestCase):
    def test_detects_a_changed_cell_and_repairs_it_online(self):
        data = self.tmp / "data"
        first = self.write("first.csv", to_csv(make_responses(800, seed=12)))
        with harness.Server(data) as server:
            harness.cli(server.address, "import", "responses", str(first),
                        check=0)
            clean = harness.cli(server.address, "admin", "verify", check=0)
            self.assertRegex(clean.stdout, r"^verified \d+ cells .*: all equal")
            report = verify_json(server.address, check=0)
            self.assertGreater(report["cells_checked"], 0)
            self.assertTrue(report["all_equal"])
            self.assertEqual(report["differences"], [])
            self.assertEqual(report["cells_checked"],
                             report["rollup_cells"] + report["driver_cells"] +
                             report["comment_entries"])

        view, key, field = corrupt_cell(data)
        self.assertEqual(view, "rollups/totals")

        second = self.write("second.csv",
                            to_csv(make_responses(3000, seed=13, prefix="s")))
        with harness.Server(data) as server:
            found = harness.cli(server.address, "admin", "verify", check=1)
            self.assertRegex(found.stdout, r": 1 difference\n")
            self.assertIn(key, found.stdout)
            self.assertIn(field, found.stdout)
            report = verify_json(server.address, check=1)
            self.assertEqual(report["differences_total"], 1)
            [difference] = report["differences"]
            self.assertEqual(
                (difference["view"], difference["key"], difference["field"]),
                (view, key, field))
            self.assertEqual(difference["stored"] - difference["recomputed"], 3)

            # Repair while another import writes: the server keeps serving,
            # and what is written meanwhile stays counted.
            importing = threading.Thread(target=lambda: harness.cli(
                server.address, "import", "responses", str(second), check=0))
            importing.start()
            repaired = harness.cli(server.address, "admin", "verify",
                                   "--repair", check=0)
            importing.join()
            self.assertIn(key, repaired.stdout)
            self.assertIn("repaired: verified again, all equal",
                          repaired.stdout)

            again = harness.cli(server.address, "admin", "verify", check=0)
            self.assertIn("all equal", again.stdout)
            # By day reads the totals view (the corrupted cell's), the
            # other grouping the finest view.
            after = {by: harness.scores_json(server.address, "--by", by)
                     for by in GROUPINGS}
            self.assertEqual(
                sum(g["nps"]["n"] for g in after["day"]["groups"]), 3800)

        # The repaired store answers like a store that was never corrupted.
        with harness.Server(self.tmp / "fresh") as server:
            for path in (first, second):
                harness.cli(server.address, "import", "responses", str(path),
                            check=0)
            for by in GROUPINGS:
                self.assertEqual(
                    harness.scores_json(server.address, "--by", by),
                    after[by], by)


@unittest.skipUnless(shutil.which("openssl"), "openssl not installed")
class VerifyAccessTest(harness.E2ETestCase):
    """With tokens, verify needs the admin role."""

    def test_admin_only(self):
        pki = self.tmp / "pki"
        pki.mkdir()
        make_ca(pki, "ca")
        make_cert(pki, "ca", "server")
        tokens, lines = {}, []
        for role in ("admin", "manager"):
            tokens[role], line = token_new(role)
            lines.append(line)
        tokens_file = self.write("tokens", "\n".join(lines) + "\n")
        args = ["--tls-cert", str(pki / "server.pem"),
                "--tls-key", str(pki / "server.key"),
                "--auth-tokens", str(tokens_file)]
        with harness.Server(self.tmp / "data", args) as server:
            at = ["--server", server.address, "--tls-ca", str(pki / "ca.pem")]
            admin = cxscore(*at, "admin", "verify",
                            env_extra={"CXSCORE_TOKEN": tokens["admin"]})
            self.assertEqual(admin.returncode, 0, admin.stderr)
            self.assertIn("all equal", admin.stdout)
            manager = cxscore(*at, "admin", "verify", "--repair",
                              env_extra={"CXSCORE_TOKEN": tokens["manager"]})
            self.assertEqual(manager.returncode, 2, manager.stderr)
            self.assertIn("permission denied", manager.stderr)
            anonymous = cxscore(*at, "admin", "verify")
            self.assertEqual(anonymous.returncode, 2, anonymous.stderr)
            self.assertIn("token is missing", anonymous.stderr)


if __name__ == "__main__":
    unittest.main()
