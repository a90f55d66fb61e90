# Every dependency comes from a Debian package (scripts/install-deps.sh installs them).
find_package(PkgConfig REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS filesystem)
find_package(ICU REQUIRED COMPONENTS uc i18n data)
find_package(LibXml2 REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PostgreSQL)
pkg_check_modules(PANGO REQUIRED IMPORTED_TARGET pangocairo pangoft2 harfbuzz fontconfig freetype2)
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo cairo-pdf cairo-png)
pkg_check_modules(QPDF REQUIRED IMPORTED_TARGET libqpdf)
pkg_check_modules(POPPLER REQUIRED IMPORTED_TARGET poppler-cpp poppler)
pkg_check_modules(LIBZIP IMPORTED_TARGET libzip)
pkg_check_modules(RSVG IMPORTED_TARGET librsvg-2.0)
pkg_check_modules(LCMS2 REQUIRED IMPORTED_TARGET lcms2)
# dizgi preview's local web server (cpp-httplib, Debian's shared build).
pkg_check_modules(HTTPLIB IMPORTED_TARGET cpp-httplib)
# jemalloc for the program: a long table makes and frees millions of small objects, and glibc's
# allocator spent a fifth of the build in malloc, free and page faults (docs/performance.md).
# Not with the sanitizers, which bring an allocator of their own.
if(NOT DIZGI_ENABLE_ASAN AND NOT DIZGI_BUILD_FUZZERS)
  pkg_check_modules(JEMALLOC IMPORTED_TARGET jemalloc)
endif()
# The output ICC profiles the shipped output profiles name (profiles/*.xml): FOGRA39 from
# texlive-base, Ghostscript's default CMYK from libgs-common. Never committed to the repository.
set(DIZGI_ICC_DIRS)
foreach(icc FOGRA39L_coated.icc default_cmyk.icc)
  string(MAKE_C_IDENTIFIER "DIZGI_ICC_${icc}" var)
  find_file(${var} ${icc} PATHS ${CMAKE_SYSTEM_PREFIX_PATH}
    PATH_SUFFIXES share/texlive/texmf-dist/tex/generic/colorprofiles share/color/icc/ghostscript
                  share/color/icc/colord share/color/icc
    NO_DEFAULT_PATH)
  if(${var})
    get_filename_component(dir "${${var}}" DIRECTORY)
    list(APPEND DIZGI_ICC_DIRS "${dir}")
  else()
    message(WARNING "ICC profile ${icc} not found: the print output profiles need it (scripts/install-deps.sh)")
  endif()
endforeach()
find_package(Threads REQUIRED)
if(DIZGI_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
