/* gpu backend (OpenCL), errors, device selection, queue and program. */
#include "opencl-build.h"

lt_status gb_cl_check(cl_state *st, cl_int rc, const char *call, const char *context, lt_error *err) {
    (void)st;
    if (rc == CL_SUCCESS) return LT_OK;
    char buf[32];
    return lt_fail(err, LT_ERR_RUNTIME, "gpu backend: %s failed with %s (%s)", call, lt_cl_error_name(rc, buf, sizeof buf),
                   context);
}

int64_t gb_elements_of(const lt_tensor *t) {
    int64_t n = 1;
    for (int i = 0; i < t->rank; i++) n *= t->dims[i];
    return n;
}

/* ---------- device selection ---------- */

lt_status gb_pick_device(cl_state *st, lt_error *err) {
    cl_platform_id platforms[16];
    cl_uint n_platforms = 0;
    cl_int rc = st->api.GetPlatformIDs(16, platforms, &n_platforms);
    if (rc != CL_SUCCESS || n_platforms == 0) {
        char buf[32];
        return lt_fail(err, LT_ERR_BACKEND_UNAVAILABLE,
                       "gpu backend unavailable: no OpenCL platform (%s loaded, clGetPlatformIDs: %s)", st->api.path,
                       rc == CL_SUCCESS ? "0 platforms" : lt_cl_error_name(rc, buf, sizeof buf));
    }
    if (n_platforms > 16) n_platforms = 16;
    /* A GPU on any platform first; otherwise the first device of any kind (PoCL's CPU device here). */
    static const cl_device_type preference[] = {CL_DEVICE_TYPE_GPU, CL_DEVICE_TYPE_ALL};
    for (int pass = 0; pass < 2; pass++) {
        for (cl_uint p = 0; p < n_platforms; p++) {
            cl_uint n = 0;
            if (st->api.GetDeviceIDs(platforms[p], preference[pass], 1, &st->device, &n) == CL_SUCCESS && n > 0) {
                char platform[160] = "", device[160] = "", version[96] = "";
                cl_device_type type = 0;
                st->api.GetPlatformInfo(platforms[p], CL_PLATFORM_NAME, sizeof platform - 1, platform, NULL);
                st->api.GetDeviceInfo(st->device, CL_DEVICE_NAME, sizeof device - 1, device, NULL);
                st->api.GetDeviceInfo(st->device, CL_DEVICE_VERSION, sizeof version - 1, version, NULL);
                st->api.GetDeviceInfo(st->device, CL_DEVICE_TYPE, sizeof type, &type, NULL);
                const char *kind = (type & CL_DEVICE_TYPE_GPU) ? "gpu" : (type & CL_DEVICE_TYPE_CPU) ? "cpu"
                                 : (type & CL_DEVICE_TYPE_ACCELERATOR) ? "accelerator" : "other";
                snprintf(st->engine, sizeof st->engine, "opencl: %s / %s (%s device, %s)", platform, device, kind,
                         version);
                return LT_OK;
            }
        }
    }
    return lt_fail(err, LT_ERR_BACKEND_UNAVAILABLE, "gpu backend unavailable: no OpenCL device on %u platform(s)",
                   (unsigned)n_platforms);
}

lt_status gb_check_fp16(cl_state *st, lt_error *err) {
    size_t size = 0;
    st->api.GetDeviceInfo(st->device, CL_DEVICE_EXTENSIONS, 0, NULL, &size);
    char *ext = calloc(size + 1, 1);
    if (!ext) return lt_fail(err, LT_ERR_RUNTIME, "gpu backend: out of memory");
    st->api.GetDeviceInfo(st->device, CL_DEVICE_EXTENSIONS, size, ext, NULL);
    int has = strstr(ext, "cl_khr_fp16") != NULL;
    free(ext);
    if (!has) {
        return lt_fail(err, LT_ERR_BACKEND_UNAVAILABLE,
                       "gpu backend unavailable for --precision fp16: the OpenCL device lacks cl_khr_fp16 [%s]; "
                       "use --precision fp32", st->engine);
    }
    return LT_OK;
}

lt_status gb_create_queue(cl_state *st, lt_error *err) {
    cl_int rc;
    st->context = st->api.CreateContext(NULL, 1, &st->device, NULL, NULL, &rc);
    if (gb_cl_check(st, rc, "clCreateContext", st->engine, err)) return err->code;
    st->queue = st->api.CreateCommandQueue(st->context, st->device, CL_QUEUE_PROFILING_ENABLE, &rc);
    return gb_cl_check(st, rc, "clCreateCommandQueue", "profiling queue", err);
}

lt_status gb_build_program(cl_state *st, lt_error *err) {
    cl_int rc;
    const char *source = (const char *)lt_opencl_kernels_cl;
    size_t length = lt_opencl_kernels_cl_size;
    st->program = st->api.CreateProgramWithSource(st->context, 1, &source, &length, &rc);
    if (gb_cl_check(st, rc, "clCreateProgramWithSource", "kernels.cl", err)) return err->code;
    rc = st->api.BuildProgram(st->program, 1, &st->device, st->half ? "-cl-std=CL1.2 -DLT_HALF" : "-cl-std=CL1.2",
                              NULL, NULL);
    if (rc != CL_SUCCESS) {
        char log[700] = "";
        st->api.GetProgramBuildInfo(st->program, st->device, CL_PROGRAM_BUILD_LOG, sizeof log - 1, log, NULL);
        char buf[32];
        return lt_fail(err, LT_ERR_RUNTIME, "gpu backend: kernel build failed with %s: %s",
                       lt_cl_error_name(rc, buf, sizeof buf), log);
    }
    return LT_OK;
}
