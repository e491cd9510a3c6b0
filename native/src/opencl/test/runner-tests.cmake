# gpu backend tests in the runner's build; included from native/tests/CMakeLists.txt (uses its MODELS, RUNNER,
# SYSTEM_PYTHON3, cli_test and the ltrunner targets).
include(${CMAKE_CURRENT_LIST_DIR}/tests.cmake)

set(GPU_MODELS ${MODELS}/gpu)
add_test(NAME make_gpu_models COMMAND ${SYSTEM_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/make_gpu_models.py ${GPU_MODELS})
set_tests_properties(make_gpu_models PROPERTIES FIXTURES_SETUP gpu_models)

# cpu and gpu agree on the shared test model and the torch-style constructs; gpu op times are device times
add_executable(gpu_agreement ${CMAKE_CURRENT_LIST_DIR}/gpu_agreement.c)
target_include_directories(gpu_agreement PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../..)
target_compile_options(gpu_agreement PRIVATE -Wall -Wextra -Werror)
target_link_libraries(gpu_agreement PRIVATE ltrunner m)
add_test(NAME gpu_agreement COMMAND gpu_agreement ${MODELS}/ok.onnx ${GPU_MODELS}/torch_correlation.onnx
                                     ${GPU_MODELS}/torch_bn_swish.onnx ${GPU_MODELS}/torch_heads.onnx)
set_tests_properties(gpu_agreement PROPERTIES FIXTURES_REQUIRED "models;gpu_models")

cli_test(gpu_runs 0 "\"type\":\"summary\"" --model ${MODELS}/ok.onnx --backend gpu --warmup 1 --iterations 3)
cli_test(gpu_unsupported_op 4 "node 'rank5_add' (op Add)" --model ${GPU_MODELS}/gpu_unsupported.onnx --backend gpu)
set_tests_properties(cli_gpu_unsupported_op PROPERTIES FIXTURES_REQUIRED "gpu_models")
set(GPU_EMPTY_VENDORS ${CMAKE_CURRENT_BINARY_DIR}/empty-icd-vendors)
file(MAKE_DIRECTORY ${GPU_EMPTY_VENDORS})
cli_test(gpu_unavailable 5 "gpu backend unavailable: no OpenCL platform" --model ${MODELS}/ok.onnx --backend gpu)
set_tests_properties(cli_gpu_unavailable PROPERTIES ENVIRONMENT "OCL_ICD_VENDORS=${GPU_EMPTY_VENDORS}")
