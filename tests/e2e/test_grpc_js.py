"""Acceptance: a client written with another gRPC implementation (grpc-js,
loading the .proto files) calls health and GetScores. Skips when node/npm
are not installed; installs the two npm packages on first run."""

import json
import pathlib
import shutil
import subprocess
import unittest

import harness
from test_import_scores import make_responses, to_csv

CLIENT_DIR = pathlib.Path(__file__).resolve().parent / "grpc_js"
HEALTH_PROTO_ROOT = pathlib.Path("/usr/share/grpc-proto")


@unittest.skipUnless(shutil.which("node") and shutil.which("npm"), "node/npm not installed")
class GrpcJsClientTest(harness.E2ETestCase):
    @classmethod
    def setUpClass(cls):
        if not (CLIENT_DIR / "node_modules" / "@grpc" / "grpc-js").exists():
            subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
                           cwd=CLIENT_DIR, check=True, timeout=600)

    def test_health_and_scores(self):
        rows = make_responses(50, seed=5)
        path = self.write("responses.csv", to_csv(rows))
        with harness.Server(self.tmp / "data") as server:
            harness.cli(server.address, "import", "responses", str(path), check=0)
            run = subprocess.run(
                ["node", "client.js", server.address, str(harness.ROOT / "proto"),
                 str(HEALTH_PROTO_ROOT)],
                cwd=CLIENT_DIR, capture_output=True, text=True, timeout=60)
            self.assertEqual(run.returncode, 0, run.stderr)
            reply = json.loads(run.stdout)
            cli = harness.scores_json(server.address, "--by", "channel")
        self.assertEqual(reply["health"], "SERVING")
        groups = reply["scores"]["groups"]
        self.assertEqual(len(groups), len(cli["groups"]))
        for js, ours in zip(groups, cli["groups"]):
            key = js["key"][0]
            self.assertEqual(key["dimension"], "DIMENSION_CHANNEL")
            self.assertEqual(key.get("value"), ours["key"]["channel"])
            self.assertEqual(js["nps"]["n"], ours["nps"]["n"])
            self.assertAlmostEqual(js["nps"]["value"], ours["nps"]["value"], places=9)


if __name__ == "__main__":
    unittest.main()
