# Gives every test of the current directory a private, empty PoCL kernel cache and the repo's
# LeakSanitizer suppressions, so that no test depends on what an earlier run left in ~/.cache/pocl
# (a warm cache skips PoCL's LLVM compile and hides its allocations from LeakSanitizer).
# Call lt_isolate_tests() after the last add_test.
set(LT_TEST_ENV_DIR ${CMAKE_CURRENT_LIST_DIR})

function(lt_isolate_tests)
  set(cache_root ${CMAKE_CURRENT_BINARY_DIR}/pocl-cache)
  # runs first in every ctest invocation: each run starts with an empty cache
  add_test(NAME fresh_pocl_cache COMMAND ${CMAKE_COMMAND} -E rm -rf ${cache_root})
  set_tests_properties(fresh_pocl_cache PROPERTIES FIXTURES_SETUP fresh_pocl_cache)
  get_property(tests DIRECTORY PROPERTY TESTS)
  foreach(test IN LISTS tests)
    if(NOT test STREQUAL "fresh_pocl_cache")
      # one cache per test: tests running in parallel never warm each other's
      set_property(TEST ${test} APPEND PROPERTY ENVIRONMENT
                   "POCL_CACHE_DIR=${cache_root}/${test}"
                   "LSAN_OPTIONS=suppressions=${LT_TEST_ENV_DIR}/lsan.supp:print_suppressions=0")
      set_property(TEST ${test} APPEND PROPERTY FIXTURES_REQUIRED fresh_pocl_cache)
    endif()
  endforeach()
endfunction()
