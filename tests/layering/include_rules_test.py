"""Tests of scripts/check_include_rules.py on planted source trees.

ctest runs the checker itself over the repository as LayerIncludeRuleTest;
this makes sure that it does fail when a rule is broken.
"""
import contextlib
import importlib.util
import io
import pathlib
import subprocess
import sys
import tempfile
import types
import unittest

CHECKER = (pathlib.Path(__file__).resolve().parents[2] / "scripts" /
           "check_include_rules.py")
_spec = importlib.util.spec_from_file_location("check_include_rules", CHECKER)
check_include_rules = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_include_rules)

# Includes every folder may have.
CLEAN = {
    "core/metric.h": '#include <string>\n#include "absl/status/status.h"\n',
    "core/scores.cc": '#include "core/scores.h"\n#include "core/metric.h"\n',
    "storage/store.h": ('#include "core/records.h"\n'
                        '#include "rocksdb/db.h"\n'
                        '#include "storage/records.pb.h"\n'),
    "server/server.cc": ('#include "storage/store.h"\n'
                         '#include "grpcpp/grpcpp.h"\n'
                         '#include "client/rpc.h"\n'),
    "client/commands/scores.cc": ('#include "core/scores.h"\n'
                                  '#include "cxscore/v1/cxscore.grpc.pb.h"\n'
                                  '#include "wire/enums.h"\n'),
    "wire/enums.cc": ('#include "core/metric.h"\n'
                      '#include "cxscore/v1/cxscore.pb.h"\n'),
}


def plant(root, files):
    for name, text in files.items():
        path = pathlib.Path(root, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


class IncludeRulesTest(unittest.TestCase):
    def run_checker(self, files):
        """The checker's exit status and output over a tree of `files`."""
        with tempfile.TemporaryDirectory() as root:
            plant(root, files)
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                returncode = check_include_rules.main(["check", root])
            return types.SimpleNamespace(returncode=returncode,
                                         stdout=out.getvalue())

    def test_the_command_line_exits_1_on_a_violation(self):
        files = dict(CLEAN)
        files["core/bad.h"] = '#include "rocksdb/db.h"\n'
        with tempfile.TemporaryDirectory() as root:
            plant(root, files)
            result = subprocess.run([sys.executable, str(CHECKER), root],
                                    capture_output=True, text=True)
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn("core/bad.h:1: ", result.stdout)

    def assert_rejected(self, name, include, rule):
        files = dict(CLEAN)
        files[name] = files.get(name, "// planted\n") + include + "\n"
        result = self.run_checker(files)
        self.assertEqual(result.returncode, 1, result.stdout)
        line = len(files[name].splitlines())
        self.assertIn(f"{name}:{line}: ", result.stdout)
        self.assertIn(rule, result.stdout)
        self.assertEqual(result.stdout.count("must not include"), 1,
                         result.stdout)

    def test_a_clean_tree_passes(self):
        result = self.run_checker(CLEAN)
        self.assertEqual(result.returncode, 0, result.stdout)

    def test_core_includes_nothing_above_it(self):
        for include, rule in [
                ('#include "storage/store.h"', "storage/"),
                ('#include "server/server.h"', "server/"),
                ('#include "client/rpc.h"', "client/"),
                ('#include "wire/enums.h"', "wire/"),
                ('#include <grpcpp/grpcpp.h>', "gRPC"),
                ('#include "grpc/grpc.h"', "gRPC"),
                ('#include "rocksdb/db.h"', "rocksdb/"),
                ('#include "google/protobuf/message.h"', "protobuf"),
                ('#include "cxscore/v1/cxscore.pb.h"', "protobuf"),
                ('  #  include "storage/store.h"', "storage/"),
        ]:
            with self.subTest(include=include):
                self.assert_rejected("core/metric.h", include, rule)
                self.assert_rejected("core/new_file.cc", include, rule)

    def test_storage_does_not_include_server_or_client(self):
        self.assert_rejected("storage/store.h", '#include "server/x.h"',
                             "storage/ must not include server/")
        self.assert_rejected("storage/sub/y.cc", '#include <client/x.h>',
                             "storage/ must not include client/")

    def test_client_does_not_include_storage_or_server(self):
        self.assert_rejected("client/commands/scores.cc",
                             '#include "storage/store.h"',
                             "client/ must not include storage/")
        self.assert_rejected("client/main.cc", '#include "server/server.h"',
                             "client/ must not include server/")
        self.assert_rejected("client/main.cc",
                             '#include "server/auth/token_file.h"',
                             "client/ must not include server/")

    def test_client_may_include_the_token_hash_only(self):
        # server/auth/token_hash.h has no server dependencies (ALLOWED).
        files = dict(CLEAN)
        files["client/commands/token.cc"] = \
            '#include "server/auth/token_hash.h"\n'
        run = self.run_checker(files)
        self.assertEqual(run.returncode, 0, run.stdout)
        files["core/token.cc"] = '#include "server/auth/token_hash.h"\n'
        self.assertEqual(self.run_checker(files).returncode, 1)

    def test_wire_does_not_include_the_binaries_layers(self):
        for include in ('#include "storage/store.h"',
                        '#include "server/server.h"',
                        '#include "client/rpc.h"'):
            with self.subTest(include=include):
                self.assert_rejected("wire/enums.cc", include,
                                     "wire/ must not include")

    def test_a_folder_without_core_is_an_error(self):
        result = self.run_checker({"storage/store.h": "\n"})
        self.assertEqual(result.returncode, 2, result.stdout)


if __name__ == "__main__":
    unittest.main()
