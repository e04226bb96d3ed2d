"""Issue 11 acceptance, transport part: the safe defaults (no serving beyond
loopback without TLS and tokens unless asked), TLS and mTLS with a real
cxscored and an independent client (grpc-js), and certificate rotation
without a restart. Certificates are made here with openssl."""

import json
import os
import pathlib
import shutil
import subprocess
import time
import unittest

import harness
from test_grpc_js import CLIENT_DIR, HEALTH_PROTO_ROOT
from test_import_scores import HEADER, make_responses, to_csv


def openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True,
                   capture_output=True, timeout=60)


def make_ca(directory, name):
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", f"/CN={name}", "-keyout", f"{name}.key",
            "-out", f"{name}.pem", cwd=directory)


def make_cert(directory, ca, name, server=True):
    """A certificate for `name` signed by `ca`; servers get SANs for
    127.0.0.1 and localhost."""
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN={name}",
            "-keyout", f"{name}.key", "-out", f"{name}.csr", cwd=directory)
    ext = directory / f"{name}.ext"
    ext.write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n" if server
                   else "extendedKeyUsage=clientAuth\n")
    openssl("x509", "-req", "-in", f"{name}.csr", "-CA", f"{ca}.pem",
            "-CAkey", f"{ca}.key", "-CAcreateserial", "-days", "2",
            "-extfile", ext.name, "-out", f"{name}.pem", cwd=directory)


def start_expecting_exit(*args):
    return subprocess.run([str(harness.BIN_DIR / "cxscored"), *args],
                          capture_output=True, text=True, timeout=60)


class SafeDefaultsTest(harness.E2ETestCase):
    def test_refuses_plaintext_beyond_loopback_naming_the_flag(self):
        run = start_expecting_exit("--listen", "0.0.0.0:0",
                                   "--data-dir", str(self.tmp / "d1"))
        self.assertEqual(run.returncode, 2, run.stdout + run.stderr)
        self.assertIn("--tls-cert", run.stderr)
        self.assertIn("--insecure-plaintext", run.stderr)

    def test_refuses_serving_without_tokens_beyond_loopback(self):
        # TLS is given; tokens are not (and --auth-tokens is not wired yet,
        # so only the explicit opt-out can start it).
        run = start_expecting_exit("--listen", "0.0.0.0:0",
                                   "--data-dir", str(self.tmp / "d2"),
                                   "--insecure-plaintext")
        self.assertEqual(run.returncode, 2, run.stdout + run.stderr)
        self.assertIn("--auth-tokens", run.stderr)
        self.assertIn("--insecure-no-auth", run.stderr)

    def test_starts_beyond_loopback_with_both_insecure_flags_and_warns(self):
        proc = subprocess.Popen(
            [str(harness.BIN_DIR / "cxscored"), "--listen", "0.0.0.0:0",
             "--data-dir", str(self.tmp / "d3"), "--insecure-plaintext",
             "--insecure-no-auth"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            first = proc.stdout.readline()
            self.assertIn("listening on 0.0.0.0:", first)
            # Read line by line: communicate() would skip what readline()
            # has buffered already.
            warnings = proc.stdout.readline() + proc.stdout.readline()
        finally:
            proc.terminate()
            proc.communicate(timeout=60)
        self.assertIn("WARNING: --insecure-plaintext", warnings)
        self.assertIn("WARNING: --insecure-no-auth", warnings)

    def test_loopback_says_that_no_token_is_asked(self):
        with harness.Server(self.tmp / "d4") as server:
            second_line = server.proc.stdout.readline()
        self.assertIn("loopback only", second_line)


def cxscore(*args, env_extra=None):
    """The cxscore CLI with a clean CXSCORE_* environment plus env_extra."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("CXSCORE_")}
    env.update(env_extra or {})
    return subprocess.run([str(harness.BIN_DIR / "cxscore"), *args],
                          capture_output=True, text=True, timeout=300, env=env)


def token_new(role, name=None):
    """`cxscore token new ROLE [NAME] --format json`: (token, line)."""
    run = cxscore("token", "new", role, *([name] if name else []),
                  "--format", "json")
    if run.returncode != 0:
        raise AssertionError(f"token new {role}: {run.stderr}")
    reply = json.loads(run.stdout)
    return reply["token"], reply["line"]


@unittest.skipUnless(shutil.which("openssl"), "openssl not installed")
class CliCredentialsTest(harness.E2ETestCase):
    """The CLI's --tls-ca, --tls-cert/--tls-key, --token-file and the
    CXSCORE_* environment against a real cxscored with --auth-tokens."""

    def setUp(self):
        super().setUp()
        self.pki = self.tmp / "pki"
        self.pki.mkdir()
        make_ca(self.pki, "ca")
        make_cert(self.pki, "ca", "server")
        make_cert(self.pki, "ca", "client", server=False)
        self.tokens = {}
        lines = []
        for role, name in [("admin", "root"), ("manager", None),
                           ("agent:ann", "ann"), ("ingest", "loader")]:
            token, line = token_new(role, name)
            self.tokens[role] = token
            lines.append(line)
            self.assertTrue(line.startswith("sha256:"), line)
            self.assertNotIn(token, line)
        self.tokens_file = self.write("tokens", "\n".join(lines) + "\n")
        for role, token in self.tokens.items():
            self.write(f"{role.replace(':', '_')}.token", f"  {token}\n")
        self.csv = self.write("responses.csv",
                              to_csv(make_responses(30, seed=3)))

    def token_file(self, role):
        return str(self.tmp / f"{role.replace(':', '_')}.token")

    def server_args(self, *extra):
        return ["--tls-cert", str(self.pki / "server.pem"),
                "--tls-key", str(self.pki / "server.key"),
                "--auth-tokens", str(self.tokens_file), *extra]

    def tls(self):
        return ["--tls-ca", str(self.pki / "ca.pem")]

    def assert_no_token_in(self, run):
        for token in self.tokens.values():
            self.assertNotIn(token, run.stdout + run.stderr)

    def test_tls_and_tokens(self):
        with harness.Server(self.tmp / "data", self.server_args()) as server:
            at = ["--server", server.address, *self.tls()]
            imported = cxscore(*at, "--token-file", self.token_file("ingest"),
                               "import", "responses", str(self.csv))
            self.assertEqual(imported.returncode, 0, imported.stderr)

            scores = cxscore(*at, "--token-file", self.token_file("manager"),
                             "scores", "--format", "json")
            self.assertEqual(scores.returncode, 0, scores.stderr)
            groups = json.loads(scores.stdout)["groups"]
            self.assertEqual(sum(g["nps"]["n"] for g in groups), 30)

            # No token: refused, saying the token is missing and how to
            # give one.
            anonymous = cxscore(*at, "scores")
            self.assertEqual(anonymous.returncode, 2, anonymous.stderr)
            self.assertIn("token is missing", anonymous.stderr)
            self.assertIn("--token-file", anonymous.stderr)
            self.assertIn("CXSCORE_TOKEN", anonymous.stderr)

            # An unknown token: the same, and the token is not echoed.
            unknown = cxscore(*at, "scores",
                              env_extra={"CXSCORE_TOKEN": "not-a-known-token"})
            self.assertEqual(unknown.returncode, 2, unknown.stderr)
            self.assertIn("missing or unknown", unknown.stderr)
            self.assertNotIn("not-a-known-token", unknown.stderr)

            # An agent asking for another agent: permission denied, with
            # the rule.
            denied = cxscore(*at, "--token-file", self.token_file("agent:ann"),
                             "scores", "--agent", "bob")
            self.assertEqual(denied.returncode, 2, denied.stderr)
            self.assertIn("permission denied", denied.stderr)
            self.assertIn("may only read its own agent", denied.stderr)
            self.assert_no_token_in(denied)

            # The ingest token may not read; manager may not import.
            for role, args in [("ingest", ["scores"]),
                               ("manager", ["import", "responses",
                                            str(self.csv)])]:
                run = cxscore(*at, "--token-file", self.token_file(role), *args)
                self.assertEqual(run.returncode, 2, run.stderr)
                self.assertIn("permission denied", run.stderr)
                self.assertIn(f"role {role}", run.stderr)
                self.assert_no_token_in(run)

            # The agent's own numbers work.
            own = cxscore(*at, "--token-file", self.token_file("agent:ann"),
                          "scores", "--agent", "ann", "--format", "json")
            self.assertEqual(own.returncode, 0, own.stderr)

            # Plaintext against the TLS server fails (UNAVAILABLE).
            plain = cxscore("--server", server.address, "--token-file",
                            self.token_file("admin"), "scores")
            self.assertEqual(plain.returncode, 2, plain.stderr)
            self.assert_no_token_in(plain)

    def test_environment(self):
        with harness.Server(self.tmp / "data", self.server_args()) as server:
            env = {"CXSCORE_SERVER": server.address,
                   "CXSCORE_TLS_CA": str(self.pki / "ca.pem"),
                   "CXSCORE_TOKEN": self.tokens["admin"]}
            imported = cxscore("import", "responses", str(self.csv),
                               env_extra=env)
            self.assertEqual(imported.returncode, 0, imported.stderr)
            scores = cxscore("scores", "--format", "json", env_extra=env)
            self.assertEqual(scores.returncode, 0, scores.stderr)
            self.assertEqual(
                sum(g["nps"]["n"] for g in json.loads(scores.stdout)["groups"]),
                30)
            # --token-file wins over CXSCORE_TOKEN.
            agent = cxscore("--token-file", self.token_file("agent:ann"),
                            "scores", "--agent", "bob", env_extra=env)
            self.assertEqual(agent.returncode, 2, agent.stderr)
            self.assertIn("role agent:ann", agent.stderr)
            self.assert_no_token_in(agent)
            # The scorecard document (several calls on one channel) works
            # with a manager token.
            env["CXSCORE_TOKEN"] = self.tokens["manager"]
            card = cxscore("scorecard", "--agent", "ann", "--from",
                           "2025-03-01", "--to", "2025-03-28", "--format",
                           "json", env_extra=env)
            self.assertEqual(card.returncode, 0, card.stderr)
            json.loads(card.stdout)

    def test_agent_reads_own_scorecard(self):
        # Team t3: ann, bob and cid answer NPS and CSAT in week 10; in week
        # 11 only ann and bob do, so the team's line of that week's trend is
        # refused to an agent token (fewer than 3 agents).
        rows = []
        for i, (agent, day, nps, csat) in enumerate([
                ("ann", 3, 9, 5), ("ann", 4, 10, 4), ("bob", 3, 3, 2),
                ("bob", 5, 6, 3), ("cid", 4, 8, 4), ("cid", 6, 2, 1),
                ("ann", 10, 7, 4), ("bob", 11, 9, 5)]):
            rows.append(f"s{i},,{agent},t3,chat,,2025-03-{day:02d}T10:00:00Z,"
                        f"{nps},{csat},,,,,basic")
        csv = self.write("team3.csv", HEADER + "\n" + "\n".join(rows) + "\n")
        with harness.Server(self.tmp / "data", self.server_args()) as server:
            at = ["--server", server.address, *self.tls()]
            imported = cxscore(*at, "--token-file", self.token_file("ingest"),
                               "import", "responses", str(csv))
            self.assertEqual(imported.returncode, 0, imported.stderr)
            period = ["--from", "2025-03-03", "--to", "2025-03-16"]
            ann = ["--token-file", self.token_file("agent:ann")]
            card = cxscore(*at, *ann, "scorecard", "--agent", "ann", *period,
                           "--format", "json")
            self.assertEqual(card.returncode, 0, card.stderr)
            doc = json.loads(card.stdout)
            self.assertEqual(doc["team"], "t3")
            nps = doc["metrics"]["nps"]
            self.assertEqual(nps["n"], 3)
            self.assertEqual(nps["team_n"], 8)
            self.assertEqual(nps["rest_n"], 5)  # bob's and cid's answers
            self.assertIsNone(nps["adjusted"])  # RankAgents: not for agents
            codes = {w["code"] for w in doc["warnings"]}
            self.assertIn("adjusted_unavailable", codes)
            self.assertIn("team_trend_unavailable", codes)
            self.assertNotIn("trend_unavailable", codes)
            texts = " ".join(w["text"] for w in doc["warnings"])
            self.assertIn("This token may not call RankAgents", texts)
            # The same card for a manager has the adjusted values.
            managers = cxscore(*at, "--token-file",
                               self.token_file("manager"), "scorecard",
                               "--agent", "ann", *period, "--format", "json")
            self.assertEqual(managers.returncode, 0, managers.stderr)
            full = json.loads(managers.stdout)
            self.assertEqual(full["metrics"]["nps"]["rest_n"], 5)
            self.assertIsNotNone(full["metrics"]["nps"]["adjusted"])
            # bob's card stays out of ann's reach.
            bobs = cxscore(*at, *ann, "scorecard", "--agent", "bob", *period)
            self.assertEqual(bobs.returncode, 2, bobs.stderr)
            self.assertIn("may only read its own agent", bobs.stderr)
            self.assert_no_token_in(bobs)

    def test_mutual_tls(self):
        args = self.server_args("--tls-client-ca", str(self.pki / "ca.pem"))
        with harness.Server(self.tmp / "data", args) as server:
            at = ["--server", server.address, *self.tls(),
                  "--token-file", self.token_file("admin")]
            without_cert = cxscore(*at, "scores")
            self.assertEqual(without_cert.returncode, 2, without_cert.stderr)
            self.assertIn("cannot reach", without_cert.stderr)
            with_cert = ["--tls-cert", str(self.pki / "client.pem"),
                         "--tls-key", str(self.pki / "client.key")]
            imported = cxscore(*at, *with_cert, "import", "responses",
                               str(self.csv))
            self.assertEqual(imported.returncode, 0, imported.stderr)
            scores = cxscore(*at, *with_cert, "scores", "--format", "json")
            self.assertEqual(scores.returncode, 0, scores.stderr)
            self.assertEqual(
                sum(g["nps"]["n"] for g in json.loads(scores.stdout)["groups"]),
                30)
            # A key without its certificate is a usage error.
            half = cxscore(*at, "--tls-key", str(self.pki / "client.key"),
                           "scores")
            self.assertEqual(half.returncode, 2)
            self.assertIn("--tls-cert", half.stderr)


@unittest.skipUnless(shutil.which("node") and shutil.which("npm"),
                     "node/npm not installed")
@unittest.skipUnless(shutil.which("openssl"), "openssl not installed")
class TlsTest(harness.E2ETestCase):
    @classmethod
    def setUpClass(cls):
        if not (CLIENT_DIR / "node_modules" / "@grpc" / "grpc-js").exists():
            subprocess.run(["npm", "ci", "--no-audit", "--no-fund",
                            "--ignore-scripts"],
                           cwd=CLIENT_DIR, check=True, timeout=600)

    def setUp(self):
        super().setUp()
        self.pki = self.tmp / "pki"
        self.pki.mkdir()
        make_ca(self.pki, "ca")
        make_cert(self.pki, "ca", "server")
        make_cert(self.pki, "ca", "client", server=False)
        make_ca(self.pki, "rogue_ca")
        make_cert(self.pki, "rogue_ca", "rogue_client", server=False)
        self.csv = self.write("responses.csv", to_csv(make_responses(30, seed=3)))

    def js_client(self, address, ca=None, cert=None, key=None, token=None):
        env = {"PATH": "/usr/bin:/bin:/usr/local/bin"}
        if ca:
            env["CXSCORE_TLS_CA"] = str(self.pki / ca)
        if cert:
            env["CXSCORE_TLS_CERT"] = str(self.pki / cert)
            env["CXSCORE_TLS_KEY"] = str(self.pki / key)
        if token:
            env["CXSCORE_TOKEN"] = token
        return subprocess.run(
            ["node", "client.js", address, str(harness.ROOT / "proto"),
             str(HEALTH_PROTO_ROOT)],
            cwd=CLIENT_DIR, capture_output=True, text=True, timeout=60, env=env)

    def tls_args(self, *extra):
        return ["--tls-cert", str(self.pki / "server.pem"),
                "--tls-key", str(self.pki / "server.key"), *extra]

    def test_tls_serves_a_tls_client_and_refuses_plaintext(self):
        with harness.Server(self.tmp / "data", self.tls_args()) as server:
            harness.cli(server.address, "--tls-ca", str(self.pki / "ca.pem"),
                        "import", "responses", str(self.csv), check=0)
            run = self.js_client(server.address, ca="ca.pem",
                                 token="a-token-the-server-ignores-for-now")
            self.assertEqual(run.returncode, 0, run.stderr)
            reply = json.loads(run.stdout)
            self.assertEqual(reply["health"], "SERVING")
            self.assertEqual(sum(g["nps"]["n"] for g in reply["scores"]["groups"]),
                             30)
            plaintext = self.js_client(server.address)
            self.assertNotEqual(plaintext.returncode, 0, plaintext.stdout)
            cli = harness.cli(server.address, "scores")
            self.assertNotEqual(cli.returncode, 0, cli.stdout)

    def test_mtls_refuses_clients_without_a_certificate_of_its_ca(self):
        args = self.tls_args("--tls-client-ca", str(self.pki / "ca.pem"))
        with harness.Server(self.tmp / "data", args) as server:
            self.assertNotEqual(
                self.js_client(server.address, ca="ca.pem").returncode, 0)
            self.assertNotEqual(
                self.js_client(server.address, ca="ca.pem",
                               cert="rogue_client.pem",
                               key="rogue_client.key").returncode, 0)
            run = self.js_client(server.address, ca="ca.pem", cert="client.pem",
                                 key="client.key")
            self.assertEqual(run.returncode, 0, run.stderr)

    def test_rotated_certificate_is_served_without_a_restart(self):
        served_cert = self.tmp / "served.pem"
        served_key = self.tmp / "served.key"
        shutil.copy(self.pki / "server.pem", served_cert)
        shutil.copy(self.pki / "server.key", served_key)
        make_ca(self.pki, "new_ca")
        make_cert(self.pki, "new_ca", "new_server")
        args = ["--tls-cert", str(served_cert), "--tls-key", str(served_key),
                "--tls-refresh-seconds", "1"]
        with harness.Server(self.tmp / "data", args) as server:
            self.assertEqual(self.js_client(server.address, ca="ca.pem").returncode,
                             0)
            # Key first, then certificate, each replaced atomically.
            shutil.copy(self.pki / "new_server.key", self.tmp / "k.tmp")
            shutil.copy(self.pki / "new_server.pem", self.tmp / "c.tmp")
            (self.tmp / "k.tmp").replace(served_key)
            (self.tmp / "c.tmp").replace(served_cert)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                if self.js_client(server.address, ca="new_ca.pem").returncode == 0:
                    break
                time.sleep(0.5)
            else:
                self.fail("the rotated certificate was not served within 30 s")
            self.assertNotEqual(
                self.js_client(server.address, ca="ca.pem").returncode, 0)


if __name__ == "__main__":
    unittest.main()
