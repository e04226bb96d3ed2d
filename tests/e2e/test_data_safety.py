"""Issue 12, data safety: durable acknowledgements by default (--no-sync opts
out) and interaction versions (updated_at; older upserts are stale)."""

import subprocess
import unittest

import harness

HEADER = "interaction_id,agent_id,opened_at,closed_at,updated_at"


class DurabilityFlagsTest(harness.E2ETestCase):
    def startup_line(self, *flags):
        server = harness.Server(self.tmp / "data", flags).start()
        try:
            # The first line, which harness.Server read, is the startup line.
            result = harness.cli(server.address, "import", "interactions",
                                 str(self.write("t.csv", HEADER + "\nt1,ann,"
                                                "2025-03-01T09:00:00Z,,\n")),
                                 check=0)
            self.assertIn("accepted 1", result.stdout)
        finally:
            code, output = server.stop()
        self.assertEqual(code, 0, output)
        return server.startup_line

    def test_default_fsyncs_every_write_group(self):
        line = self.startup_line()
        self.assertIn(", fsync per write group", line)
        self.assertNotIn("no fsync", line)

    def test_no_sync_is_accepted_and_stated(self):
        line = self.startup_line("--no-sync")
        self.assertIn("no fsync per write group", line)
        self.assertIn("a power cut can lose the last acknowledged writes", line)

    def test_sync_is_a_compatible_no_op(self):
        self.assertIn(", fsync per write group", self.startup_line("--sync"))

    def test_sync_and_no_sync_together_are_a_usage_error(self):
        result = subprocess.run(
            [str(harness.BIN_DIR / "cxscored"), "--listen", "127.0.0.1:0",
             "--data-dir", str(self.tmp / "data"), "--sync", "--no-sync"],
            capture_output=True, text=True, timeout=60)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("--no-sync", result.stdout + result.stderr)
        self.assertNotIn("listening on", result.stdout)

    def test_help_documents_no_sync(self):
        result = subprocess.run([str(harness.BIN_DIR / "cxscored"), "--help"],
                                capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0)
        self.assertIn("--no-sync", result.stdout)
        self.assertIn("a power cut can lose the last acknowledged writes",
                      " ".join(result.stdout.split()))


class InteractionVersionsTest(harness.E2ETestCase):
    def import_interactions(self, server, name, rows):
        path = self.write(name, HEADER + "\n" + "\n".join(rows) + "\n")
        return harness.cli(server.address, "import", "interactions", str(path),
                           check=0).stdout

    def by_agent(self, server):
        got = harness.scores_json(server.address, "--by", "agent")
        return {g["key"]["agent"]: g["service"] for g in got["groups"]}

    def test_older_upsert_is_stale_and_changes_nothing(self):
        with harness.Server(self.tmp / "data") as server:
            out = self.import_interactions(server, "current.csv", [
                "t1,ann,2025-03-01T09:00:00Z,,2025-03-02T10:00:00Z"])
            self.assertIn("accepted 1, duplicates 0, stale 0, rejected 0", out)
            before = self.by_agent(server)

            # An export from before the stored state, replayed late.
            out = self.import_interactions(server, "older.csv", [
                "t1,bob,2025-03-01T09:00:00Z,2025-03-01T11:00:00Z,"
                "2025-03-02T10:00:00+01:00"])
            self.assertIn("accepted 0, duplicates 0, stale 1, rejected 0", out)
            self.assertEqual(self.by_agent(server), before)
            self.assertEqual(set(before), {"ann"})

            # A newer state replaces it; without updated_at the last write wins.
            out = self.import_interactions(server, "newer.csv", [
                "t1,bob,2025-03-01T09:00:00Z,2025-03-01T11:00:00Z,"
                "2025-03-02T10:00:01Z"])
            self.assertIn("accepted 1, duplicates 0, stale 0, rejected 0", out)
            self.assertEqual(set(self.by_agent(server)), {"bob"})
            out = self.import_interactions(server, "unversioned.csv", [
                "t1,cy,2025-03-01T09:00:00Z,,"])
            self.assertIn("accepted 1, duplicates 0, stale 0, rejected 0", out)
            after = self.by_agent(server)
            self.assertEqual(set(after), {"cy"})
            self.assertEqual(after["cy"]["interactions"], 1)


if __name__ == "__main__":
    unittest.main()
