# Writes OUT (a .cpp defining engine_commit()) from `git rev-parse`, only when the commit
# changed: one small file recompiles after a commit, nothing else.
execute_process(COMMAND git -C "${SOURCE_DIR}" rev-parse --short=12 HEAD
                OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE failed)
if(failed OR commit STREQUAL "")
  set(commit "inconnu")
endif()
execute_process(COMMAND git -C "${SOURCE_DIR}" status --porcelain --untracked-files=no
                OUTPUT_VARIABLE dirty OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT dirty STREQUAL "" AND NOT commit STREQUAL "inconnu")
  set(commit "${commit}+modifications")
endif()
set(text "// Generated at build time by engine/api/commit.cmake: do not edit.\n#include \"api/version.hpp\"\n\nnamespace subsidia::api {\n\nstd::string_view engine_commit() { return \"${commit}\"; }\n\n}  // namespace subsidia::api\n")
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
endif()
if(NOT old STREQUAL text)
  file(WRITE "${OUT}" "${text}")
endif()
