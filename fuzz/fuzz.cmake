# libFuzzer harnesses (fuzz/README.md), built when HANDBOOK_FUZZ is on. Needs clang and Debian's
# libfuzzer-14-dev. Everything in the build is compiled with AddressSanitizer and
# UndefinedBehaviorSanitizer and with libFuzzer's coverage instrumentation, so that the
# harnesses see inside the generator's libraries.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "HANDBOOK_FUZZ needs clang: configure a fresh build folder with "
                      "-DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ "
                      "(apt-get install -y clang libfuzzer-14-dev)")
endif()

set(HANDBOOK_FUZZ_SANITIZERS "address,undefined")
add_compile_options(-fsanitize=fuzzer-no-link,${HANDBOOK_FUZZ_SANITIZERS}
                    -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g)
add_link_options(-fsanitize=${HANDBOOK_FUZZ_SANITIZERS})

set(HANDBOOK_FUZZ_DIR ${CMAKE_CURRENT_LIST_DIR})
set(HANDBOOK_FUZZ_HARNESSES frontmatter page template)

# Called after the generator's libraries exist.
function(handbook_fuzz_targets)
  add_library(hb_fuzz_site STATIC ${HANDBOOK_FUZZ_DIR}/fuzz_site.cpp)
  target_link_libraries(hb_fuzz_site PUBLIC hb_config)
  target_compile_definitions(hb_fuzz_site PRIVATE
                             HANDBOOK_FUZZ_SITE="${HANDBOOK_FUZZ_DIR}/site")
  handbook_warnings(hb_fuzz_site)
  foreach(name ${HANDBOOK_FUZZ_HARNESSES})
    add_executable(fuzz_${name} ${HANDBOOK_FUZZ_DIR}/fuzz_${name}.cpp)
    target_link_libraries(fuzz_${name} PRIVATE hb_fuzz_site hb_content hb_template)
    target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
    set_target_properties(fuzz_${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY
                                                  ${CMAKE_BINARY_DIR}/fuzz)
    handbook_warnings(fuzz_${name})
    # Each input kept in fuzz/regressions/<name>/ is run once: a crash fixed stays fixed.
    file(GLOB cases CONFIGURE_DEPENDS ${HANDBOOK_FUZZ_DIR}/regressions/${name}/*)
    list(FILTER cases EXCLUDE REGEX "README")
    if(cases)
      add_test(NAME fuzz_regressions_${name} COMMAND fuzz_${name} ${cases})
    endif()
  endforeach()
endfunction()
