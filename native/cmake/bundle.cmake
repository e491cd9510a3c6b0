# lt_add_bundle(TARGET DIR): once TARGET is built, DIR holds it as an agent bundle that runs without anything
# installed on the device: DIR/ltrunner, DIR/lib/ (every shared object it needs, the ELF loader among them) and
# DIR/bundle.txt (what the harness pushes, and how to start it). Started as
#   DIR/lib/<loader> --library-path DIR/lib DIR/ltrunner ARGS
# since a phone has no glibc loader at the path the program names.
function(lt_add_bundle target dir)
  if(NOT LTRUNNER_BUNDLE_LIBRARY_DIRS)
    message(FATAL_ERROR "LTRUNNER_BUNDLE_LIBRARY_DIRS (the toolchain file's) says where the shared objects are")
  endif()
  find_program(LT_READELF NAMES ${CMAKE_C_COMPILER}-readelf aarch64-linux-gnu-readelf readelf REQUIRED)
  string(REPLACE ";" "|" search "${LTRUNNER_BUNDLE_LIBRARY_DIRS}")
  # an output of its own, not a post-build step, so a deleted bundle is collected again
  add_custom_command(OUTPUT ${dir}/bundle.txt
      COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:${target}> -DOUT=${dir} -DREADELF=${LT_READELF}
              "-DSEARCH=${search}" -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/bundle-collect.cmake
      DEPENDS ${target} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/bundle-collect.cmake
      COMMENT "Collecting the agent bundle in ${dir}"
      VERBATIM)
  add_custom_target(${target}_bundle ALL DEPENDS ${dir}/bundle.txt)
endfunction()
