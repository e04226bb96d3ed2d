"""Settings shared by cxscore's BUILD.bazel files (the CMake equivalent is
cmake/cxscore.cmake and the project() line of CMakeLists.txt)."""

# project(cxscore VERSION ...) in CMakeLists.txt; drift_check.py compares them.
CXSCORE_VERSION = "0.1.0"

# cxscore_build_flags: C++20 (CMAKE_CXX_STANDARD), -Wall -Wextra. Carried by
# every cxscore target so that an outside workspace needs no .bazelrc line.
CXSCORE_COPTS = ["-std=c++20", "-Wall", "-Wextra"]

def cxscore_cc_test(name, srcs, deps = [], **kwargs):
    """cxscore_add_test of cmake/cxscore.cmake: one gtest binary linked with
    gmock and gtest_main. Bazel runs it from the root of its runfiles, which
    mirrors the repository root (the working directory CMake gives it)."""
    native.cc_test(
        name = name,
        srcs = srcs,
        copts = CXSCORE_COPTS,
        deps = deps + [
            "@cxscore_bazel//system:gmock",
            "@cxscore_bazel//system:gtest_main",
        ],
        **kwargs
    )
