#!/bin/sh
# @com_google_protobuf//:protoc is Debian's protoc (protobuf-compiler).
exec /usr/bin/protoc "$@"
