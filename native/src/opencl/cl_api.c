#include "cl_api.h"

#include <CL/cl_ext.h>
#include <dlfcn.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* Linux ICD loader first; Android keeps the vendor driver outside the default search path. */
static const char *const LIBRARY_PATHS[] = {
    "libOpenCL.so.1",
    "libOpenCL.so",
    "/vendor/lib64/libOpenCL.so",
    "/system/vendor/lib64/libOpenCL.so",
};

typedef struct entry_point {
    const char *symbol;
    size_t offset;
} entry_point;

#define ENTRY(field) { "cl" #field, offsetof(lt_cl_api, field) }
static const entry_point ENTRY_POINTS[] = {
    ENTRY(GetPlatformIDs), ENTRY(GetPlatformInfo), ENTRY(GetDeviceIDs), ENTRY(GetDeviceInfo),
    ENTRY(CreateContext), ENTRY(ReleaseContext), ENTRY(CreateCommandQueue), ENTRY(ReleaseCommandQueue),
    ENTRY(CreateBuffer), ENTRY(ReleaseMemObject), ENTRY(CreateProgramWithSource), ENTRY(BuildProgram),
    ENTRY(GetProgramBuildInfo), ENTRY(ReleaseProgram), ENTRY(CreateKernel), ENTRY(ReleaseKernel),
    ENTRY(SetKernelArg), ENTRY(GetKernelWorkGroupInfo), ENTRY(EnqueueNDRangeKernel), ENTRY(EnqueueWriteBuffer), ENTRY(EnqueueReadBuffer),
    ENTRY(Finish), ENTRY(GetEventProfilingInfo), ENTRY(ReleaseEvent),
};
#undef ENTRY

lt_status lt_cl_api_load(lt_cl_api *api, lt_error *err) {
    memset(api, 0, sizeof *api);
    char tried[768] = "";
    size_t used = 0;
    for (size_t i = 0; i < sizeof LIBRARY_PATHS / sizeof LIBRARY_PATHS[0] && !api->library; i++) {
        /* NODELETE: OpenCL drivers generally do not survive being unloaded and reloaded in one process, and the ICD
         * loader's platform list must stay valid for the next handle. */
        api->library = dlopen(LIBRARY_PATHS[i], RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
        if (api->library) {
            api->path = LIBRARY_PATHS[i];
        } else if (used < sizeof tried) {
            const char *why = dlerror();
            int n = snprintf(tried + used, sizeof tried - used, "%s%s", used ? "; " : "", why ? why : LIBRARY_PATHS[i]);
            if (n > 0) used += (size_t)n;
        }
    }
    if (!api->library) {
        return lt_fail(err, LT_ERR_BACKEND_UNAVAILABLE, "gpu backend unavailable: no OpenCL library (%s)", tried);
    }
    for (size_t i = 0; i < sizeof ENTRY_POINTS / sizeof ENTRY_POINTS[0]; i++) {
        void *symbol = dlsym(api->library, ENTRY_POINTS[i].symbol);
        if (!symbol) {
            lt_fail(err, LT_ERR_BACKEND_UNAVAILABLE, "gpu backend unavailable: %s has no %s (OpenCL 1.2 needed)",
                    api->path, ENTRY_POINTS[i].symbol);
            lt_cl_api_unload(api);
            return err->code;
        }
        /* Function pointers and void * share a representation on every platform dlsym exists on (POSIX). */
        memcpy((char *)api + ENTRY_POINTS[i].offset, &symbol, sizeof symbol);
    }
    return LT_OK;
}

void lt_cl_api_unload(lt_cl_api *api) {
    if (api->library) dlclose(api->library);
    memset(api, 0, sizeof *api);
}

const char *lt_cl_error_name(cl_int code, char *buf, size_t len) {
    switch (code) {
    case CL_DEVICE_NOT_FOUND: return "CL_DEVICE_NOT_FOUND";
    case CL_DEVICE_NOT_AVAILABLE: return "CL_DEVICE_NOT_AVAILABLE";
    case CL_COMPILER_NOT_AVAILABLE: return "CL_COMPILER_NOT_AVAILABLE";
    case CL_MEM_OBJECT_ALLOCATION_FAILURE: return "CL_MEM_OBJECT_ALLOCATION_FAILURE";
    case CL_OUT_OF_RESOURCES: return "CL_OUT_OF_RESOURCES";
    case CL_OUT_OF_HOST_MEMORY: return "CL_OUT_OF_HOST_MEMORY";
    case CL_PROFILING_INFO_NOT_AVAILABLE: return "CL_PROFILING_INFO_NOT_AVAILABLE";
    case CL_BUILD_PROGRAM_FAILURE: return "CL_BUILD_PROGRAM_FAILURE";
    case CL_INVALID_VALUE: return "CL_INVALID_VALUE";
    case CL_INVALID_PLATFORM: return "CL_INVALID_PLATFORM";
    case CL_INVALID_DEVICE: return "CL_INVALID_DEVICE";
    case CL_INVALID_CONTEXT: return "CL_INVALID_CONTEXT";
    case CL_INVALID_COMMAND_QUEUE: return "CL_INVALID_COMMAND_QUEUE";
    case CL_INVALID_MEM_OBJECT: return "CL_INVALID_MEM_OBJECT";
    case CL_INVALID_BUILD_OPTIONS: return "CL_INVALID_BUILD_OPTIONS";
    case CL_INVALID_PROGRAM_EXECUTABLE: return "CL_INVALID_PROGRAM_EXECUTABLE";
    case CL_INVALID_KERNEL_NAME: return "CL_INVALID_KERNEL_NAME";
    case CL_INVALID_KERNEL: return "CL_INVALID_KERNEL";
    case CL_INVALID_ARG_INDEX: return "CL_INVALID_ARG_INDEX";
    case CL_INVALID_ARG_VALUE: return "CL_INVALID_ARG_VALUE";
    case CL_INVALID_ARG_SIZE: return "CL_INVALID_ARG_SIZE";
    case CL_INVALID_KERNEL_ARGS: return "CL_INVALID_KERNEL_ARGS";
    case CL_INVALID_WORK_DIMENSION: return "CL_INVALID_WORK_DIMENSION";
    case CL_INVALID_WORK_GROUP_SIZE: return "CL_INVALID_WORK_GROUP_SIZE";
    case CL_INVALID_GLOBAL_WORK_SIZE: return "CL_INVALID_GLOBAL_WORK_SIZE";
    case CL_INVALID_EVENT: return "CL_INVALID_EVENT";
    case CL_INVALID_BUFFER_SIZE: return "CL_INVALID_BUFFER_SIZE";
    case CL_PLATFORM_NOT_FOUND_KHR: return "CL_PLATFORM_NOT_FOUND_KHR (no OpenCL platform)";
    default:
        snprintf(buf, len, "CL error %d", (int)code);
        return buf;
    }
}
