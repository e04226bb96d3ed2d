#!/usr/bin/env python3
"""Fails when a source folder includes a layer it must not depend on.

docs/architecture.md: dependencies point one way (core <- storage <- server;
client -> proto, core; wire maps proto <-> core for both binaries). This
scans every #include line of the .h/.cc files under each folder of ROOT and
reports the ones that break a rule:

  core/     no storage/, server/, client/, wire/, gRPC, RocksDB, protobuf
            (google/protobuf/ or any generated *.pb.h)
  storage/  no server/, client/
  client/   no storage/, server/ (except server/auth/token_hash.h, see
            ALLOWED)
  wire/     no storage/, server/, client/

  scripts/check_include_rules.py [ROOT]      (ROOT: the repository, default)

Exit status 0 when every include follows the rules, 1 with one line per
violation (file:line: include, rule) otherwise, 2 when ROOT has no core/.
"""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')
SOURCE_SUFFIXES = (".h", ".cc")

# What an include names, by its path: (test, description).
def prefix(p):
    return (lambda path: path.startswith(p)), p


LAYER_STORAGE = prefix("storage/")
LAYER_SERVER = prefix("server/")
LAYER_CLIENT = prefix("client/")
LAYER_WIRE = prefix("wire/")
GRPC = (lambda path: path.startswith(("grpc/", "grpcpp/", "grpc++/"))
        or path.endswith(".grpc.pb.h")), "gRPC"
ROCKSDB = prefix("rocksdb/")
PROTOBUF = (lambda path: path.startswith("google/protobuf/")
            or path.endswith(".pb.h")), "protobuf (google/protobuf/, *.pb.h)"

# folder -> what its files must not include.
RULES = {
    "core": [LAYER_STORAGE, LAYER_SERVER, LAYER_CLIENT, LAYER_WIRE, GRPC,
             ROCKSDB, PROTOBUF],
    "storage": [LAYER_SERVER, LAYER_CLIENT],
    "client": [LAYER_STORAGE, LAYER_SERVER],
    "wire": [LAYER_STORAGE, LAYER_SERVER, LAYER_CLIENT],
}

# (folder, include) pairs allowed despite RULES. server/auth/token_hash.h
# (target cxscore_token_hash) depends on libcrypto and Abseil only, no server
# code: `cxscore token new` hashes with it exactly as cxscored does.
ALLOWED = {
    ("client", "server/auth/token_hash.h"),
}


def violations(root):
    """Yields 'folder/file:line: #include <x> (folder must not include y)'."""
    root = pathlib.Path(root)
    for folder, forbidden in RULES.items():
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if not path.is_file() or path.suffix not in SOURCE_SUFFIXES:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            for number, line in enumerate(text.splitlines(), 1):
                match = INCLUDE.match(line)
                if not match:
                    continue
                included = match.group(1)
                if (folder, included) in ALLOWED:
                    continue
                for test, what in forbidden:
                    if test(included):
                        yield (f"{path.relative_to(root)}:{number}: "
                               f"#include \"{included}\" ({folder}/ must not "
                               f"include {what})")
                        break


def main(argv):
    root = pathlib.Path(argv[1] if len(argv) > 1 else
                        pathlib.Path(__file__).resolve().parent.parent)
    if not (root / "core").is_dir():
        print(f"check_include_rules: {root} has no core/ folder")
        return 2
    found = list(violations(root))
    for line in found:
        print(line)
    if found:
        print(f"check_include_rules: {len(found)} include(s) break the "
              "layering (docs/architecture.md)")
        return 1
    print(f"check_include_rules: {root}: every include follows the layering")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
