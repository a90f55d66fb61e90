# Writes OUTPUT: a C++ source that holds every *.xml of DIR as a raw string, so the preflight
# and output profiles are compiled into the binary
# (run as `cmake -D DIR=... -D OUTPUT=... [-D STAGE=preflight] -P`; STAGE names the folder of
# profile.hpp under host/src and the namespace dizgi::STAGE).
if(NOT STAGE)
  set(STAGE preflight)
endif()
file(GLOB inputs "${DIR}/*.xml")
list(SORT inputs)
set(body "// Generated from ${DIR}/*.xml by cmake/EmbedFiles.cmake; do not edit.\n")
string(APPEND body "#include \"${STAGE}/profile.hpp\"\n\nnamespace dizgi::${STAGE} {\n\n")
string(APPEND body "const EmbeddedProfile embedded_profiles[] = {\n")
set(count 0)
foreach(input IN LISTS inputs)
  get_filename_component(name "${input}" NAME_WE)
  file(READ "${input}" text)
  string(APPEND body "    {\"${name}\", R\"dizgi_profile(${text})dizgi_profile\"},\n")
  math(EXPR count "${count} + 1")
endforeach()
string(APPEND body "};\nconst std::size_t embedded_profile_count = ${count};\n\n}  // namespace dizgi::${STAGE}\n")
file(WRITE "${OUTPUT}.tmp" "${body}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
