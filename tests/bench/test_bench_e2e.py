"""End-to-end checks of the benchmark tools against a real cxscored (no
timing assertions):
- the generator's CSV files, imported with the real `cxscore import`, give
  exactly the scores that cxscore-loadgen's in-process path gives;
- bench/run completes on a tiny data set and prints the documented JSON.
Binaries come from $CXSCORE_BIN_DIR (set by ctest) or build/bin."""

import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN_DIR = pathlib.Path(os.environ.get("CXSCORE_BIN_DIR", ROOT / "build" / "bin"))


class Server:
    def __init__(self, data_dir):
        self.proc = subprocess.Popen(
            [str(BIN_DIR / "cxscored"), "--listen", "127.0.0.1:0", "--data-dir", str(data_dir)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        line = self.proc.stdout.readline()
        match = re.search(r"listening on (\S+:\d+)", line)
        if not match:
            self.proc.kill()
            raise RuntimeError(f"cxscored did not start: {line!r}")
        self.address = match.group(1)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.communicate(timeout=60)


def run(*cmd):
    proc = subprocess.run([str(c) for c in cmd], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, timeout=300)
    if proc.returncode != 0:
        raise AssertionError(f"{cmd} exited {proc.returncode}: {proc.stderr}")
    return proc.stdout


class BenchToolsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="cxscore-bench-test-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_csv_import_matches_in_process_ingest(self):
        if not (BIN_DIR / "cxscore").exists():
            self.skipTest("cxscore CLI not built")
        data = ["-n", "3000", "--agents", "50", "--days", "60", "--seed", "5"]
        run(BIN_DIR / "cxscore-datagen", *data, "--out", self.tmp / "csv")
        by_csv = Server(self.tmp / "a")
        by_grpc = Server(self.tmp / "b")
        try:
            for kind in ("interactions", "responses"):
                out = run(BIN_DIR / "cxscore", "--server", by_csv.address, "import", kind,
                          self.tmp / "csv" / f"{kind}.csv")
                self.assertIn("accepted 3000, duplicates 0, stale 0, rejected 0", out)
                result = json.loads(run(BIN_DIR / "cxscore-loadgen", *data, "--server",
                                        by_grpc.address, "--json", "ingest", "--kind", kind,
                                        "--streams", "2", "--batch", "500"))
                self.assertEqual(result["accepted"], 3000)
                self.assertTrue(result["counts_ok"])
            for by in ("channel,week", "agent", "team,channel"):
                scores = [run(BIN_DIR / "cxscore", "--server", s.address, "scores", "--by", by,
                              "--format", "json") for s in (by_csv, by_grpc)]
                self.assertEqual(scores[0], scores[1], by)
                self.assertGreater(len(json.loads(scores[0])["groups"]), 1)
        finally:
            by_csv.stop()
            by_grpc.stop()

    def test_bench_run_prints_the_documented_json(self):
        out = run(sys.executable, ROOT / "bench" / "run", "-n", "2000", "--agents", "40",
                  "--agent-calls", "5", "--heavy-calls", "2", "--json", "--quiet",
                  "--bin-dir", BIN_DIR, "--work-dir", self.tmp / "run")
        result = json.loads(out)
        for key in ("n", "ingest_responses_per_s", "durable_ingest_responses_per_s",
                    "agent_90d_p50_ms", "agent_90d_p99_ms", "channel_week_year_ms",
                    "all_agents_30d_ms", "drivers_10m_s", "disk_bytes_per_response",
                    "server_rss_mib"):
            self.assertIn(key, result)
        self.assertEqual(result["n"], 2000)
        self.assertIsNone(result["drivers_10m_s"], "only at N = 10M")
        # GetDrivers answers all 4 metrics x 5 KPIs; the NPS pairs are the
        # linked responses with an NPS answer and the KPI measured.
        drivers = result["queries_live"]["drivers-all"]
        self.assertEqual(drivers["groups"], 20)
        self.assertGreater(result["drivers_pairs_n"], result["n_interactions"] // 2)
        self.assertLessEqual(result["drivers_pairs_n"], result["n_interactions"])
        self.assertGreater(result["drivers_s"], 0)
        self.assertEqual(result["ingest_responses"]["accepted"], 2000)
        self.assertEqual(result["durable_ingest_responses"]["accepted"], 2000)
        self.assertEqual(result["queries_live"]["all-agents-30d"]["calls"], 2)
        self.assertGreater(result["disk_bytes_per_response"], 0)


if __name__ == "__main__":
    unittest.main()
