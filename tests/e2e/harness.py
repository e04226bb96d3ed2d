"""End-to-end harness: a real cxscored on a free loopback port over a temp
dir, driven by the real cxscore CLI. Binaries come from $CXSCORE_BIN_DIR
(set by ctest) or build/bin."""

import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import tempfile
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN_DIR = pathlib.Path(os.environ.get("CXSCORE_BIN_DIR", ROOT / "build" / "bin"))
SHARED_DATA = ROOT.parent / "shared" / "data"


class Server:
    """A cxscored process. Use as a context manager or call stop()/kill()."""

    def __init__(self, data_dir, extra_args=()):
        self.data_dir = pathlib.Path(data_dir)
        self.extra_args = list(extra_args)
        self.proc = None
        self.address = None
        self.startup_line = None

    def start(self):
        self.proc = subprocess.Popen(
            [str(BIN_DIR / "cxscored"), "--listen", "127.0.0.1:0",
             "--data-dir", str(self.data_dir), *self.extra_args],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        line = self.proc.stdout.readline()
        self.startup_line = line
        match = re.search(r"listening on (\S+:\d+)", line)
        if not match:
            self.proc.kill()
            raise RuntimeError(f"cxscored did not start: {line!r}")
        self.address = match.group(1).rstrip(",")
        return self

    def stop(self):
        """SIGTERM; returns (exit code, remaining output)."""
        self.proc.send_signal(signal.SIGTERM)
        out, _ = self.proc.communicate(timeout=60)
        return self.proc.returncode, out

    def kill(self):
        self.proc.kill()
        self.proc.communicate(timeout=30)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            self.stop()


def cli(server_address, *args, check=None, stdin=None):
    """Runs the cxscore CLI; returns CompletedProcess (text)."""
    result = subprocess.run(
        [str(BIN_DIR / "cxscore"), "--server", server_address, *args],
        capture_output=True, text=True, timeout=300, input=stdin)
    if check is not None and result.returncode != check:
        raise AssertionError(
            f"cxscore {' '.join(args)} exited {result.returncode}, want {check}\n"
            f"stdout: {result.stdout}\nstderr: {result.stderr}")
    return result


def scores_json(server_address, *args):
    return json.loads(cli(server_address, "scores", "--format", "json", *args,
                          check=0).stdout)


class E2ETestCase(unittest.TestCase):
    """Gives each test a temp dir; subclasses start servers in it."""

    def setUp(self):
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="cxscore-e2e-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def write(self, name, text):
        path = self.tmp / name
        path.write_text(text, encoding="utf-8")
        return path
