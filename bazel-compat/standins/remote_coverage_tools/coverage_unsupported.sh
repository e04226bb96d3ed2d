#!/bin/sh
echo "bazel coverage is not supported by cxscore's offline Bazel build" >&2
exit 1
