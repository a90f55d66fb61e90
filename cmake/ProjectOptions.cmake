# Build options, all prefixed DIZGI_.
option(DIZGI_BUILD_TESTS "Build the test suite" ${PROJECT_IS_TOP_LEVEL})
option(DIZGI_BUILD_BENCH "Build the benchmark generators" ${PROJECT_IS_TOP_LEVEL})
option(DIZGI_BUILD_FUZZERS "Build libFuzzer targets (needs clang)" OFF)
option(DIZGI_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)
option(DIZGI_ENABLE_ASAN "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

find_program(DIZGI_CCACHE ccache)
if(DIZGI_CCACHE)
  set(CMAKE_C_COMPILER_LAUNCHER "${DIZGI_CCACHE}")
  set(CMAKE_CXX_COMPILER_LAUNCHER "${DIZGI_CCACHE}")
endif()

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

# dizgi_warnings: an interface target every first-party target links.
add_library(dizgi_warnings INTERFACE)
target_compile_options(dizgi_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Wunused -Woverloaded-virtual -Wconversion -Wno-sign-conversion -Wnull-dereference
  -Wimplicit-fallthrough -Wno-missing-field-initializers $<$<BOOL:${DIZGI_WARNINGS_AS_ERRORS}>:-Werror>)

if(DIZGI_ENABLE_ASAN)
  # vptr checks need the typeinfo of Poppler's internal classes, which libpoppler does not export.
  add_compile_options(-fsanitize=address,undefined -fno-sanitize=vptr -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

if(DIZGI_BUILD_FUZZERS)
  # Coverage instrumentation and sanitizers for everything the fuzz targets link; the targets
  # themselves add -fsanitize=fuzzer (tests/fuzz/CMakeLists.txt).
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize=vptr -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
