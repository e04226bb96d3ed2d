"""Backups (issue 12): `cxscore admin backup` on a live server, more writes,
`cxscore admin backups`, stop, `cxscored restore` into a new directory, a
server on it answers the scores of backup time."""

import json
import pathlib
import subprocess
import unittest

import harness
from test_import_scores import make_responses, to_csv


def cxscored(*args):
    return subprocess.run([str(harness.BIN_DIR / "cxscored"), *args],
                          capture_output=True, text=True, timeout=300)


class BackupTest(harness.E2ETestCase):
    def setUp(self):
        super().setUp()
        self.data = self.tmp / "data"
        self.backups = self.tmp / "backups"
        self.restored = self.tmp / "restored"

    def backup_args(self):
        return ["--backup-dir", str(self.backups)]

    def import_csv(self, address, name, rows, accepted):
        path = self.write(name, to_csv(rows))
        result = harness.cli(address, "import", "responses", str(path),
                             check=0)
        self.assertIn(f"accepted {accepted}, duplicates 0, stale 0, rejected 0",
                      result.stdout)
        return path

    def test_backup_restore_gives_the_scores_of_backup_time(self):
        with harness.Server(self.data, self.backup_args()) as server:
            self.import_csv(server.address, "first.csv",
                            make_responses(3000, seed=5), 3000)
            at_backup = harness.scores_json(server.address, "--by",
                                            "channel,day")
            made = json.loads(harness.cli(server.address, "admin", "backup",
                                          "--format", "json", check=0).stdout)
            self.assertEqual(made["id"], 1)
            self.assertTrue(made["verified"])
            self.assertGreater(made["size_bytes"], 0)
            self.assertGreater(made["files"], 0)
            self.assertRegex(made["created_at"],
                             r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")

            later = self.import_csv(server.address, "second.csv",
                                    make_responses(2000, seed=6, prefix="s"),
                                    2000)
            after = harness.scores_json(server.address, "--by", "channel,day")
            self.assertNotEqual(after, at_backup)

            listed = json.loads(harness.cli(server.address, "admin", "backups",
                                            "--format", "json",
                                            check=0).stdout)
            self.assertEqual(listed["backups"], [made])
            table = harness.cli(server.address, "admin", "backups",
                                check=0).stdout
            self.assertRegex(table.splitlines()[0],
                             r"^id\s+created_at\s+size\s+files\s+verified$")
            self.assertRegex(table.splitlines()[1],
                             rf"^ 1\s+{made['created_at']}\s+.*\syes$")
            csv = harness.cli(server.address, "admin", "backups", "--format",
                              "csv", check=0).stdout.splitlines()
            self.assertEqual(csv[0], "id,created_at,size_bytes,files,verified")
            self.assertEqual(csv[1], f"1,{made['created_at']},"
                             f"{made['size_bytes']},{made['files']},true")
            # The table form of a new backup names its id.
            second = harness.cli(server.address, "admin", "backup", check=0)
            self.assertRegex(second.stdout,
                             r"^backup 2 created at \S+Z: .*, \d+ files, "
                             r"checksums verified\n$")
            code, _ = server.stop()
            self.assertEqual(code, 0)

        restore = cxscored("restore", "--backup-dir", str(self.backups),
                           "--data-dir", str(self.restored), "--backup-id",
                           "1")
        self.assertEqual(restore.returncode, 0, restore.stderr)
        self.assertIn("restored backup 1 (created " + made["created_at"],
                      restore.stdout)
        self.assertIn("checksums verified", restore.stdout)

        # Not over a directory that holds something.
        again = cxscored("restore", "--backup-dir", str(self.backups),
                         "--data-dir", str(self.restored))
        self.assertNotEqual(again.returncode, 0)
        self.assertIn("is not empty", again.stderr)

        with harness.Server(self.restored, self.backup_args()) as server:
            self.assertEqual(
                harness.scores_json(server.address, "--by", "channel,day"),
                at_backup)
            # The writes after the backup are not there: they import anew.
            result = harness.cli(server.address, "import", "responses",
                                 str(later), check=0)
            self.assertIn("accepted 2000, duplicates 0, stale 0, rejected 0",
                          result.stdout)
            self.assertEqual(
                harness.scores_json(server.address, "--by", "channel,day"),
                after)
            # The backups are still listed from the restored server.
            listed = json.loads(harness.cli(server.address, "admin", "backups",
                                            "--format", "json",
                                            check=0).stdout)
            self.assertEqual([b["id"] for b in listed["backups"]], [1, 2])

    def test_restore_refuses_a_corrupted_backup(self):
        with harness.Server(self.data, self.backup_args()) as server:
            self.import_csv(server.address, "first.csv",
                            make_responses(2000, seed=7), 2000)
            harness.cli(server.address, "admin", "backup", check=0)
        tables = sorted(self.backups.rglob("*.sst"),
                        key=lambda p: p.stat().st_size)
        self.assertTrue(tables)
        with open(tables[-1], "r+b") as f:
            f.seek(tables[-1].stat().st_size // 2)
            byte = f.read(1)
            f.seek(-1, 1)
            f.write(bytes([byte[0] ^ 0x5A]))
        restore = cxscored("restore", "--backup-dir", str(self.backups),
                           "--data-dir", str(self.restored))
        self.assertEqual(restore.returncode, 1, restore.stdout)
        self.assertIn("backup 1 in", restore.stderr)
        self.assertIn("fails verification", restore.stderr)
        self.assertFalse(self.restored.exists())

    def test_backups_need_a_backup_dir(self):
        with harness.Server(self.data) as server:
            for command in ("backup", "backups"):
                run = harness.cli(server.address, "admin", command)
                self.assertEqual(run.returncode, 2, run.stdout)
                self.assertIn("FAILED_PRECONDITION", run.stderr)
                self.assertIn("the server was started without --backup-dir",
                              run.stderr)
            csv = harness.cli(server.address, "admin", "backup", "--format",
                              "csv")
            self.assertEqual(csv.returncode, 2)
            self.assertIn("not csv", csv.stderr)

    def test_only_the_admin_token_may_back_up(self):
        lines, tokens = [], {}
        for role in ("admin", "manager", "ingest"):
            made = json.loads(subprocess.run(
                [str(harness.BIN_DIR / "cxscore"), "token", "new", role,
                 "--format", "json"], capture_output=True, text=True,
                check=True).stdout)
            lines.append(made["line"])
            tokens[role] = self.write(f"{role}.token", made["token"] + "\n")
        tokens_file = self.write("tokens", "\n".join(lines) + "\n")
        with harness.Server(self.data, [*self.backup_args(), "--auth-tokens",
                                        str(tokens_file)]) as server:
            for role in ("manager", "ingest"):
                run = harness.cli(server.address, "--token-file",
                                  str(tokens[role]), "admin", "backup")
                self.assertEqual(run.returncode, 2, run.stdout)
                self.assertIn("permission denied", run.stderr)
                self.assertIn("CreateBackup is an admin call", run.stderr)
            run = harness.cli(server.address, "--token-file",
                              str(tokens["admin"]), "admin", "backups",
                              "--format", "json", check=0)
            self.assertEqual(json.loads(run.stdout), {"backups": []})


if __name__ == "__main__":
    unittest.main()
