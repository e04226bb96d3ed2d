# Shared build settings, attached to targets rather than directories.

add_library(cxscore_build_flags INTERFACE)
target_compile_options(cxscore_build_flags INTERFACE -Wall -Wextra)
# Generated and source headers are included by repo-relative path
# ("core/scores.h", "cxscore/v1/cxscore.pb.h"), as in the Bazel build.
target_include_directories(cxscore_build_flags INTERFACE
  ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR}/proto)
if(CXSCORE_SANITIZE)
  target_compile_options(cxscore_build_flags INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined)
  target_link_options(cxscore_build_flags INTERFACE
    -fsanitize=address,undefined)
endif()

if(CXSCORE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "CXSCORE_FUZZ needs clang (libFuzzer): configure "
      "with -DCMAKE_CXX_COMPILER=clang++ (scripts/run-fuzzers.sh does)")
  endif()
  # Coverage instrumentation for libFuzzer in every library; the fuzz
  # targets themselves link -fsanitize=fuzzer (tests/fuzz/CMakeLists.txt).
  target_compile_options(cxscore_build_flags INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined)
  target_link_options(cxscore_build_flags INTERFACE
    -fsanitize=address,undefined)
endif()

# cxscore_add_test(NAME name SOURCES a.cc b.cc DEPS lib...)
# One gtest binary per call, registered with ctest via gtest_discover_tests.
include(GoogleTest)
function(cxscore_add_test)
  cmake_parse_arguments(T "" "NAME" "SOURCES;DEPS" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_DEPS} cxscore_build_flags
    GTest::gmock GTest::gtest_main)
  set_target_properties(${T_NAME} PROPERTIES
    RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
  gtest_discover_tests(${T_NAME}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    PROPERTIES ENVIRONMENT "CXSCORE_BIN_DIR=${CMAKE_BINARY_DIR}/bin"
    DISCOVERY_TIMEOUT 60)
endfunction()
