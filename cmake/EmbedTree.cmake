# Writes OUTPUT: a C++ source holding every file under DIR (recursively) as a raw string with
# its path relative to DIR, as `const EmbeddedFile NAME[]` and `NAME_count` in namespace NS.
# Used for the skeleton `dizgi new-layout` writes (scaffold/layout/).
#   cmake -D DIR=... -D OUTPUT=... -D NAME=... -D NS=... -D HEADER=... -P EmbedTree.cmake
file(GLOB_RECURSE inputs RELATIVE "${DIR}" "${DIR}/*")
list(SORT inputs)
set(body "// Generated from ${DIR} by cmake/EmbedTree.cmake; do not edit.\n")
string(APPEND body "#include \"${HEADER}\"\n\nnamespace ${NS} {\n\nconst EmbeddedFile ${NAME}[] = {\n")
set(count 0)
foreach(input IN LISTS inputs)
  file(READ "${DIR}/${input}" text)
  string(FIND "${text}" ")dizgi_file\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${DIR}/${input} holds the raw-string delimiter )dizgi_file\"")
  endif()
  string(APPEND body "    {\"${input}\", R\"dizgi_file(${text})dizgi_file\"},\n")
  math(EXPR count "${count} + 1")
endforeach()
string(APPEND body "};\nconst std::size_t ${NAME}_count = ${count};\n\n}  // namespace ${NS}\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
