# The gpu backend's sources, for inclusion from a CMakeLists.txt: defines LT_OPENCL_SOURCES (absolute paths,
# including the generated kernel source) and LT_OPENCL_INCLUDE_DIRS. The OpenCL library is loaded at run time
# (dlopen), so only the Khronos headers are needed here: link ${CMAKE_DL_LIBS}.
set(LT_OPENCL_DIR ${CMAKE_CURRENT_LIST_DIR})
find_path(LT_OPENCL_HEADERS CL/cl.h REQUIRED)
set(LT_OPENCL_KERNELS_C ${CMAKE_CURRENT_BINARY_DIR}/opencl_kernels_cl.c)
add_custom_command(
    OUTPUT ${LT_OPENCL_KERNELS_C}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${LT_OPENCL_DIR}/kernels.cl -DOUTPUT=${LT_OPENCL_KERNELS_C}
            -DSYMBOL=lt_opencl_kernels_cl -P ${LT_OPENCL_DIR}/embed.cmake
    DEPENDS ${LT_OPENCL_DIR}/kernels.cl ${LT_OPENCL_DIR}/embed.cmake
    COMMENT "Embedding OpenCL kernels")
set(LT_OPENCL_SOURCES
    ${LT_OPENCL_DIR}/../backend-opencl.c
    ${LT_OPENCL_DIR}/../opencl-device.c
    ${LT_OPENCL_DIR}/../opencl-steps.c
    ${LT_OPENCL_DIR}/../opencl-ops.c
    ${LT_OPENCL_DIR}/cl_api.c
    ${LT_OPENCL_DIR}/fp16.c
    ${LT_OPENCL_DIR}/fusion.c
    ${LT_OPENCL_KERNELS_C})
set(LT_OPENCL_INCLUDE_DIRS ${LT_OPENCL_HEADERS} ${LT_OPENCL_DIR}/..)
