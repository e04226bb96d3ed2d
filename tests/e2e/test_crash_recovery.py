"""Nothing acknowledged is lost when the server is killed with SIGKILL."""

import unittest

import harness
from test_import_scores import make_responses, to_csv


class CrashRecoveryTest(harness.E2ETestCase):
    def test_sigkill_after_acknowledged_import_loses_nothing(self):
        rows = make_responses(5000, seed=11)
        path = self.write("responses.csv", to_csv(rows))
        server = harness.Server(self.tmp / "data").start()
        try:
            result = harness.cli(server.address, "import", "responses", str(path),
                                 check=0)
            self.assertIn("accepted 5000, duplicates 0, stale 0, rejected 0", result.stdout)
            before = harness.scores_json(server.address, "--by", "channel,day")
        finally:
            server.kill()  # SIGKILL: no flush, no clean close

        with harness.Server(self.tmp / "data") as server:
            after = harness.scores_json(server.address, "--by", "channel,day")
            self.assertEqual(after, before)
            self.assertEqual(sum(g["nps"]["n"] for g in after["groups"]), 5000)
            again = harness.cli(server.address, "import", "responses", str(path),
                                check=0)
            self.assertIn("accepted 0, duplicates 5000, stale 0, rejected 0", again.stdout)

    def test_sigterm_shuts_down_cleanly(self):
        server = harness.Server(self.tmp / "data").start()
        code, output = server.stop()
        self.assertEqual(code, 0)
        self.assertIn("stopped", output)


if __name__ == "__main__":
    unittest.main()
