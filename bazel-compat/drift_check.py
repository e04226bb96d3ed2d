#!/usr/bin/env python3
"""Fails when the CMake and Bazel builds of cxscore drift apart.

For every C++ target of either build it compares, by target name, the kind
(library, binary or test) and the sources compiled: the .cc files, and for
generated code the .proto it comes from. Headers are not compared (CMake does
not list them; the BUILD files glob them). Also compares the version the
cxscore binary reports (project() in CMakeLists.txt, CXSCORE_VERSION in
bazel-compat/defs.bzl).

CMake's side comes from its file API (codemodel-v2 and cache-v2 replies in the
build folder, requested here and produced by re-running cmake on the folder),
Bazel's from `bazel query --output=xml`.

  bazel-compat/drift_check.py --cmake-build-dir build --bazel "bazel ..."

Exit status 0 when both builds agree, 1 with a list of differences otherwise.
"""
import argparse
import json
import pathlib
import re
import shlex
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parent.parent
# CMake folders whose targets Bazel does not build, on purpose: the libFuzzer
# targets (`make fuzz`, configured only with -DCXSCORE_FUZZ=ON and clang;
# docs/reliability.md). Skipped explicitly, whichever build folder is given.
CMAKE_ONLY_DIRS = {"tests/fuzz"}
CC_RULES = {"cc_library", "cc_binary", "cc_test", "cc_proto_library"}
SOURCE_SUFFIXES = (".cc", ".proto")


def cmake_targets(build_dir):
    """{name: (kind, {sources})} and the project version, from the file API."""
    query = build_dir / ".cmake/api/v1/query"
    query.mkdir(parents=True, exist_ok=True)
    for kind in ("codemodel-v2", "cache-v2"):
        (query / kind).touch()
    subprocess.run(["cmake", str(build_dir)], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    reply = build_dir / ".cmake/api/v1/reply"
    index = json.loads(max(reply.glob("index-*.json")).read_text())
    responses = {r["kind"]: r for r in index["reply"].values()
                 if isinstance(r, dict) and "kind" in r}
    cache = json.loads((reply / responses["cache"]["jsonFile"]).read_text())
    version = next(e["value"] for e in cache["entries"]
                   if e["name"] == "CMAKE_PROJECT_VERSION")
    model = json.loads((reply / responses["codemodel"]["jsonFile"]).read_text())
    targets = {}
    for ref in model["configurations"][0]["targets"]:
        target = json.loads((reply / ref["jsonFile"]).read_text())
        ttype = target["type"]
        if ttype in ("INTERFACE_LIBRARY", "UTILITY"):
            continue
        if ttype == "EXECUTABLE":
            # cxscore_add_test puts test binaries in build/tests.
            artifact = target["artifacts"][0]["path"]
            kind = "test" if artifact.startswith("tests/") else "binary"
        else:
            kind = "library"
        sources = {s["path"] for s in target.get("sources", [])
                   if not s.get("isGenerated")
                   and s["path"].endswith(SOURCE_SUFFIXES)}
        if target["paths"]["source"] in CMAKE_ONLY_DIRS:
            continue
        targets[target["name"]] = (kind, sources, target["paths"]["source"])
    return targets, version


def label_path(label):
    """//core:calendar.cc -> core/calendar.cc"""
    package, _, name = label.lstrip("/").partition(":")
    return f"{package}/{name}" if package else name


def bazel_targets(bazel):
    out = subprocess.run(
        bazel + ["query", "--output=xml", "--noimplicit_deps", "//..."],
        check=True, cwd=ROOT, capture_output=True, text=True).stdout
    rules = {}
    generated_by = {}
    for rule in ET.fromstring(out).iter("rule"):
        attrs = {}
        for lst in rule.findall("list"):
            attrs[lst.get("name")] = [e.get("value")
                                      for e in lst.findall("label")]
        rules[rule.get("name")] = (rule.get("class"), attrs)
        for output in rule.findall("rule-output"):
            generated_by[output.get("name")] = rule.get("name")

    def sources_of(label, seen):
        """Source files a label stands for (through generating rules)."""
        if label in seen:
            return set()
        seen.add(label)
        if label in generated_by:  # generated file: its rule's inputs
            _, attrs = rules[generated_by[label]]
            found = set()
            for src in attrs.get("srcs", []):
                found |= sources_of(src, seen)
            return found
        if label in rules:  # e.g. a proto_library in deps
            _, attrs = rules[label]
            found = set()
            for src in attrs.get("srcs", []):
                found |= sources_of(src, seen)
            return found
        path = label_path(label)
        return {path} if path.endswith(SOURCE_SUFFIXES) else set()

    targets = {}
    for label, (rule_class, attrs) in rules.items():
        if rule_class not in CC_RULES:
            continue
        kind = {"cc_binary": "binary", "cc_test": "test"}.get(
            rule_class, "library")
        inputs = attrs.get("srcs", [])
        if rule_class == "cc_proto_library":
            inputs = attrs.get("deps", [])
        sources = set()
        for src in inputs:
            sources |= sources_of(src, set())
        name = label.split(":", 1)[1]
        if name in targets:
            sys.exit(f"drift-check: two Bazel targets named {name}")
        targets[name] = (kind, sources, label)
    return targets


def bazel_version():
    text = (ROOT / "bazel-compat/defs.bzl").read_text()
    return re.search(r'^CXSCORE_VERSION = "([^"]+)"', text, re.M).group(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cmake-build-dir", default="build")
    parser.add_argument("--bazel", default="bazel",
                        help="bazel command line (startup options included)")
    args = parser.parse_args()

    cmake, cmake_version = cmake_targets((ROOT / args.cmake_build_dir))
    bazel = bazel_targets(shlex.split(args.bazel))

    problems = []
    if cmake_version != bazel_version():
        problems.append(f"version: CMake {cmake_version}, "
                        f"bazel-compat/defs.bzl {bazel_version()}")
    for name in sorted(set(cmake) | set(bazel)):
        if name not in bazel:
            kind, sources, where = cmake[name]
            problems.append(f"{name}: CMake {kind} in {where}/CMakeLists.txt "
                            f"has no Bazel target ({', '.join(sorted(sources))})")
            continue
        if name not in cmake:
            problems.append(f"{name}: Bazel {bazel[name][0]} {bazel[name][2]} "
                            "has no CMake target")
            continue
        ckind, csources, _ = cmake[name]
        bkind, bsources, label = bazel[name]
        if ckind != bkind:
            problems.append(f"{name}: CMake {ckind}, Bazel {bkind} ({label})")
        for path in sorted(csources - bsources):
            problems.append(f"{name}: {path} is in CMake only ({label})")
        for path in sorted(bsources - csources):
            problems.append(f"{name}: {path} is in Bazel only ({label})")

    both = sorted(set(cmake) & set(bazel))
    print(f"drift-check: {len(cmake)} CMake targets, {len(bazel)} Bazel "
          f"targets, {sum(len(cmake[n][1]) for n in both)} sources compared")
    if problems:
        print("drift-check: the CMake and Bazel builds differ:")
        for problem in problems:
            print(f"  {problem}")
        print("Fix the BUILD.bazel beside the CMakeLists.txt (docs/bazel.md).")
        return 1
    print("drift-check: the CMake and Bazel builds compile the same sources")
    return 0


if __name__ == "__main__":
    sys.exit(main())
