"""External repositories of cxscore's Bazel build, all local: nothing is
downloaded. Called from cxscore's WORKSPACE, and from an outside WORKSPACE
that depends on cxscore (docs/bazel.md).

Bazel 4.2 (Debian 12's bazel-bootstrap) wants to download rules_cc,
rules_java and remote_coverage_tools even for C++-only builds and tests, and
the native proto rules need com_google_protobuf. Here rules_java is Debian's
bazel-rules-java and the others are small stand-ins kept in
bazel-compat/standins/, backed by Debian's packages. Each is declared only if
the workspace has not declared it already.
"""

load("@bazel_tools//tools/build_defs/repo:utils.bzl", "maybe")

def _standin_repository_impl(rctx):
    for label, dest in rctx.attr.files.items():
        rctx.symlink(rctx.path(label), dest)
    for directory, dest in rctx.attr.system_dirs.items():
        for entry in rctx.path(directory).readdir():
            if entry.basename.endswith(rctx.attr.system_suffix):
                rctx.symlink(entry, dest + "/" + entry.basename)
    rctx.file("WORKSPACE", 'workspace(name = "%s")\n' % rctx.name)

_standin_repository = repository_rule(
    implementation = _standin_repository_impl,
    attrs = {
        # File of bazel-compat/standins -> its path in the repository.
        "files": attr.label_keyed_string_dict(allow_files = True),
        # Directory of the system -> folder in the repository for its files
        # whose names end in system_suffix.
        "system_dirs": attr.string_dict(),
        "system_suffix": attr.string(),
    },
    local = True,
)

def _standin(path):
    return Label("//:standins/" + path)

def cxscore_dependencies():
    """Declares the repositories cxscore's BUILD files need (if missing)."""
    maybe(
        _standin_repository,
        name = "rules_cc",
        files = {
            _standin("rules_cc/BUILD.standin"): "BUILD.bazel",
            _standin("rules_cc/cc/BUILD.standin"): "cc/BUILD.bazel",
            _standin("rules_cc/cc/defs.bzl"): "cc/defs.bzl",
        },
    )
    maybe(
        native.local_repository,
        name = "rules_java",
        path = "/usr/share/bazel/rules/java",  # Debian's bazel-rules-java
    )
    maybe(
        _standin_repository,
        name = "remote_coverage_tools",
        files = {
            _standin("remote_coverage_tools/BUILD.standin"): "BUILD.bazel",
            _standin("remote_coverage_tools/coverage_unsupported.sh"): "coverage_unsupported.sh",
        },
    )
    maybe(
        _standin_repository,
        name = "com_google_protobuf",
        files = {
            _standin("com_google_protobuf/BUILD.standin"): "BUILD.bazel",
            _standin("com_google_protobuf/protoc.sh"): "protoc.sh",
        },
        system_dirs = {"/usr/include/google/protobuf": "google/protobuf"},
        system_suffix = ".proto",
    )
