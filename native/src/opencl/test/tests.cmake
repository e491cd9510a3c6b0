# Op tests of the gpu backend under whatever OpenCL platform is installed (PoCL here), linked with the runner's
# objects (the backend, lt_fail, lt_model_free) from the runner build that includes this file.
include_guard(GLOBAL)
set(LT_OPENCL_TEST_DIR ${CMAKE_CURRENT_LIST_DIR})
add_executable(opencl_ops_test
    ${LT_OPENCL_TEST_DIR}/test_ops.c
    ${LT_OPENCL_TEST_DIR}/model_builder.c
    ${LT_OPENCL_TEST_DIR}/reference.c
    $<TARGET_OBJECTS:ltrunner_objs>)
target_include_directories(opencl_ops_test PRIVATE ${LT_OPENCL_INCLUDE_DIRS} ${LT_OPENCL_TEST_DIR})
target_compile_options(opencl_ops_test PRIVATE -Wall -Wextra -Werror)
target_link_libraries(opencl_ops_test PRIVATE ${LTRUNNER_LIBS})
add_test(NAME opencl_ops COMMAND opencl_ops_test)
# The ICD loader pointed at an empty vendor directory finds no platform: the backend must say it is unavailable.
set(LT_OPENCL_EMPTY_VENDORS ${CMAKE_CURRENT_BINARY_DIR}/empty-icd-vendors)
file(MAKE_DIRECTORY ${LT_OPENCL_EMPTY_VENDORS})
add_test(NAME opencl_unavailable COMMAND opencl_ops_test --expect-unavailable)
set_tests_properties(opencl_unavailable PROPERTIES ENVIRONMENT "OCL_ICD_VENDORS=${LT_OPENCL_EMPTY_VENDORS}")
# Devices here (PoCL) lack cl_khr_fp16, so the half build of kernels.cl is at least compiled by clang where
# it is installed (what the device's compiler would see with -DLT_HALF).
find_program(LT_CLANG NAMES clang clang-15 clang-16 clang-14)
if(LT_CLANG)
    add_test(NAME opencl_kernels_fp16_compile
             COMMAND ${LT_CLANG} -x cl -cl-std=CL1.2 -Xclang -finclude-default-header -target spir64
                     -Xclang -cl-ext=+cl_khr_fp16 -DLT_HALF -fsyntax-only ${LT_OPENCL_DIR}/kernels.cl)
endif()
