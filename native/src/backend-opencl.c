/* The "gpu" backend: the model on an OpenCL 1.2 device. Layout NCHW (the IR's), one device buffer per
 * materialised tensor, all allocated at open; Reshape/Flatten are views of their input's buffer. Activations are
 * fused into the producing kernel (opencl/fusion.h). invoke = input upload + kernels + output read + clFinish;
 * per-kernel device time comes from profiling events and is attributed to the node whose kernel ran (a fused
 * activation's time is its producer's). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "opencl/cl_api.h"
#include "opencl/fp16.h"
#include "opencl/fusion.h"

extern const unsigned char lt_opencl_kernels_cl[];
extern const size_t lt_opencl_kernels_cl_size;

#define MAX_ARGS 24

/* One kernel launch. Arguments are recorded while compiling and set once the program is built. */
typedef struct cl_step {
    char kernel_name[32];
    int n_args;
    size_t arg_size[MAX_ARGS];
    unsigned char arg_value[MAX_ARGS][16];
    cl_kernel kernel;
    cl_uint dims;
    size_t global[3];        /* rounded up to whole work-groups */
    size_t local[3];
    int node;                /* node the kernel's time is attributed to */
} cl_step;

typedef struct cl_state {
    lt_cl_api api;
    const lt_model *model;
    int half;
    size_t elem;             /* bytes per stored element: 4 or 2 */
    cl_device_id device;
    cl_context context;
    cl_command_queue queue;
    cl_program program;
    cl_mem *tensor_mem;      /* per tensor; NULL when not materialised */
    int *alias;              /* tensor whose buffer this tensor views, or -1 */
    cl_mem *owned;           /* every buffer this state created */
    int n_owned, cap_owned;
    cl_step *steps;
    int n_steps, cap_steps;
    cl_event *events;        /* one per step of the last invoke, until collected or dropped */
    int n_events;
    void **input_host;       /* staging, in the device's element type */
    void **output_host;
    uint64_t *node_ns;
    uint64_t *node_count;
    unsigned char *node_timed;
    lt_cl_fused *fused;
    char engine[512];
} cl_state;

static lt_status cl_check(cl_state *st, cl_int rc, const char *call, const char *context, lt_error *err) {
    (void)st;
    if (rc == CL_SUCCESS) return LT_OK;
    char buf[32];
    return lt_fail(err, LT_ERR_RUNTIME, "gpu backend: %s failed with %s (%s)", call, lt_cl_error_name(rc, buf, sizeof buf),
                   context);
}

static int64_t elements_of(const lt_tensor *t) {
    int64_t n = 1;
    for (int i = 0; i < t->rank; i++) n *= t->dims[i];
    return n;
}

/* ---------- device selection ---------- */

static lt_status pick_device(cl_state *st, lt_error *err) {
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

static lt_status check_fp16(cl_state *st, lt_error *err) {
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

static lt_status create_queue(cl_state *st, lt_error *err) {
    cl_int rc;
    st->context = st->api.CreateContext(NULL, 1, &st->device, NULL, NULL, &rc);
    if (cl_check(st, rc, "clCreateContext", st->engine, err)) return err->code;
    st->queue = st->api.CreateCommandQueue(st->context, st->device, CL_QUEUE_PROFILING_ENABLE, &rc);
    return cl_check(st, rc, "clCreateCommandQueue", "profiling queue", err);
}

static lt_status build_program(cl_state *st, lt_error *err) {
    cl_int rc;
    const char *source = (const char *)lt_opencl_kernels_cl;
    size_t length = lt_opencl_kernels_cl_size;
    st->program = st->api.CreateProgramWithSource(st->context, 1, &source, &length, &rc);
    if (cl_check(st, rc, "clCreateProgramWithSource", "kernels.cl", err)) return err->code;
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

/* ---------- buffers ---------- */

static lt_status new_buffer(cl_state *st, size_t bytes, const void *init, cl_mem *out, lt_error *err) {
    if (st->n_owned == st->cap_owned) {
        int cap = st->cap_owned ? st->cap_owned * 2 : 64;
        cl_mem *grown = realloc(st->owned, (size_t)cap * sizeof *grown);
        if (!grown) return lt_fail(err, LT_ERR_RUNTIME, "gpu backend: out of memory");
        st->owned = grown;
        st->cap_owned = cap;
    }
    cl_int rc;
    cl_mem_flags flags = CL_MEM_READ_WRITE | (init ? CL_MEM_COPY_HOST_PTR : 0);
    *out = st->api.CreateBuffer(st->context, flags, bytes ? bytes : 4, (void *)init, &rc);
    char what[64];
    snprintf(what, sizeof what, "%zu bytes", bytes);
    if (cl_check(st, rc, "clCreateBuffer", what, err)) return err->code;
    st->owned[st->n_owned++] = *out;
    return LT_OK;
}

/* Uploads host floats as a buffer in the device element type. */
static lt_status upload(cl_state *st, const float *data, size_t count, cl_mem *out, lt_error *err) {
    if (!st->half) return new_buffer(st, count * 4, data, out, err);
    uint16_t *h = malloc((count ? count : 1) * sizeof *h);
    if (!h) return lt_fail(err, LT_ERR_RUNTIME, "gpu backend: out of memory");
    for (size_t i = 0; i < count; i++) h[i] = lt_fp16_from_float(data[i]);
    lt_status s = new_buffer(st, count * 2, h, out, err);
    free(h);
    return s;
}

static int root_of(const cl_state *st, int t) {
    while (st->alias[t] >= 0) t = st->alias[t];
    return t;
}

/* The buffer holding a tensor, created on first use (constants are uploaded then). */
static lt_status tensor_buffer(cl_state *st, int t, cl_mem *out, lt_error *err) {
    t = root_of(st, t);
    if (!st->tensor_mem[t]) {
        const lt_tensor *tensor = &st->model->tensors[t];
        size_t count = (size_t)elements_of(tensor);
        lt_status s = tensor->data ? upload(st, tensor->data, count, &st->tensor_mem[t], err)
                                   : new_buffer(st, count * st->elem, NULL, &st->tensor_mem[t], err);
        if (s) return s;
    }
    *out = st->tensor_mem[t];
    return LT_OK;
}

/* ---------- kernels and steps ---------- */

typedef struct karg {
    size_t size;
    const void *value;
} karg;

#define A_MEM(m) {sizeof(cl_mem), &(m)}
#define A_INT(v) {sizeof(cl_int), &(cl_int){(cl_int)(v)}}
#define A_FLT(v) {sizeof(cl_float), &(cl_float){(cl_float)(v)}}
#define A_INT4(a, b, c, d) {sizeof(cl_int4), &(cl_int4){{(cl_int)(a), (cl_int)(b), (cl_int)(c), (cl_int)(d)}}}

static lt_status add_step(cl_state *st, int node, const char *kernel_name, const karg *args, int n_args, cl_uint dims,
                          size_t g0, size_t g1, size_t g2, lt_error *err) {
    if (st->n_steps == st->cap_steps) {
        int cap = st->cap_steps ? st->cap_steps * 2 : 64;
        cl_step *grown = realloc(st->steps, (size_t)cap * sizeof *grown);
        if (!grown) return lt_fail(err, LT_ERR_RUNTIME, "gpu backend: out of memory");
        st->steps = grown;
        st->cap_steps = cap;
    }
    cl_step *step = &st->steps[st->n_steps++];
    memset(step, 0, sizeof *step);
    snprintf(step->kernel_name, sizeof step->kernel_name, "%s", kernel_name);
    step->n_args = n_args;
    for (int i = 0; i < n_args; i++) {
        step->arg_size[i] = args[i].size;
        memcpy(step->arg_value[i], args[i].value, args[i].size);
    }
    step->dims = dims;
    step->global[0] = g0 ? g0 : 1;
    step->global[1] = g1 ? g1 : 1;
    step->global[2] = g2 ? g2 : 1;
    step->node = node;
    return LT_OK;
}

static size_t round_up(size_t n, size_t multiple) {
    return (n + multiple - 1) / multiple * multiple;
}

static size_t pow2_at_least(size_t n) {
    size_t p = 1;
    while (p < n) p *= 2;
    return p;
}

/* Work-groups of up to 64 items (a multiple of the warp/wave sizes of mobile GPUs), 2-D tiles of output pixels
 * for the image kernels; the global size is rounded up and the kernels drop the excess items. */
static void choose_work_groups(cl_step *step, size_t kernel_limit) {
    size_t budget = kernel_limit < 64 ? kernel_limit : 64;
    if (budget == 0) budget = 1;
    if (step->dims == 1) {
        step->local[0] = budget;
        step->local[1] = step->local[2] = 1;
    } else {
        size_t lx = pow2_at_least(step->global[0]);
        if (lx > 16) lx = 16;
        if (lx > budget) lx = budget;
        size_t ly = pow2_at_least(step->global[1]);
        if (ly > budget / lx) ly = budget / lx;
        step->local[0] = lx;
        step->local[1] = ly;
        step->local[2] = 1;
    }
    for (int i = 0; i < 3; i++) step->global[i] = round_up(step->global[i], step->local[i]);
}

static lt_status create_kernels(cl_state *st, lt_error *err) {
    for (int s = 0; s < st->n_steps; s++) {
        cl_step *step = &st->steps[s];
        cl_int rc;
        step->kernel = st->api.CreateKernel(st->program, step->kernel_name, &rc);
        if (cl_check(st, rc, "clCreateKernel", step->kernel_name, err)) return err->code;
        for (int i = 0; i < step->n_args; i++) {
            rc = st->api.SetKernelArg(step->kernel, (cl_uint)i, step->arg_size[i], step->arg_value[i]);
            char what[160];
            snprintf(what, sizeof what, "kernel %s argument %d, node '%s'", step->kernel_name, i,
                     st->model->nodes[step->node].name);
            if (cl_check(st, rc, "clSetKernelArg", what, err)) return err->code;
        }
        size_t limit = 0;
        rc = st->api.GetKernelWorkGroupInfo(step->kernel, st->device, CL_KERNEL_WORK_GROUP_SIZE, sizeof limit, &limit,
                                            NULL);
        if (cl_check(st, rc, "clGetKernelWorkGroupInfo", step->kernel_name, err)) return err->code;
        choose_work_groups(step, limit);
    }
    return LT_OK;
}

static lt_status unsupported(const lt_node *node, lt_error *err, const char *why) {
    return lt_fail(err, LT_ERR_UNSUPPORTED, "gpu backend cannot run node '%s' (op %s): %s", node->name, node->onnx_op,
                   why);
}

static lt_status compile_conv(cl_state *st, int index, lt_error *err) {
    const lt_node *node = &st->model->nodes[index];
    const lt_cl_fused *f = &st->fused[index];
    const lt_tensor *x = &st->model->tensors[node->inputs[0]];
    const lt_tensor *w = &st->model->tensors[node->inputs[1]];
    const lt_tensor *y = &st->model->tensors[node->output];
    const lt_conv_params *c = &node->p.conv;
    if (x->rank != 4 || w->rank != 4 || y->rank != 4 || !w->data) {
        return unsupported(node, err, "only 2-D convolution (NCHW input, constant 4-D weights) is supported");
    }
    int N = (int)x->dims[0], C = (int)x->dims[1], H = (int)x->dims[2], W = (int)x->dims[3];
    int OC = (int)y->dims[1], OH = (int)y->dims[2], OW = (int)y->dims[3];
    int G = c->group;
    if (G < 1 || C % G != 0 || OC % G != 0 || w->dims[1] != C / G) {
        return unsupported(node, err, "group must divide input and output channels");
    }
    size_t n_weights = (size_t)elements_of(w);
    const lt_tensor *b = node->n_inputs > 2 && node->inputs[2] >= 0 ? &st->model->tensors[node->inputs[2]] : NULL;
    if (b && (!b->data || elements_of(b) != OC)) return unsupported(node, err, "bias must be a constant of [out channels]");
    cl_mem xm, ym, wm, bm;
    if (tensor_buffer(st, node->inputs[0], &xm, err) || tensor_buffer(st, f->target, &ym, err)) return err->code;

    int pointwise = G == 1 && c->kernel_h == 1 && c->kernel_w == 1 && c->stride_h == 1 && c->stride_w == 1 &&
                    c->pad_top == 0 && c->pad_left == 0 && c->pad_bottom == 0 && c->pad_right == 0;
    int depthwise = G == C && OC == C && c->kernel_h == c->kernel_w && c->dilation_h == 1 && c->dilation_w == 1 &&
                    (c->kernel_h == 3 || c->kernel_h == 5 || c->kernel_h == 7) && c->stride_h == c->stride_w &&
                    (c->stride_h == 1 || c->stride_h == 2);
    if (G == 1) {
        /* repack [OC][C*KH*KW] to [OC/4][C*KH*KW][4], zero padded: a work item reads 4 channels' weights as one
         * vector */
        int blocks = (OC + 7) / 8 * 2, taps = C * c->kernel_h * c->kernel_w; /* even: pointwise reads pairs */
        float *packed = calloc((size_t)blocks * taps * 4, sizeof *packed);
        float *bias = calloc((size_t)blocks * 4, sizeof *bias);
        if (!packed || !bias) {
            free(packed);
            free(bias);
            return lt_fail(err, LT_ERR_RUNTIME, "gpu backend: out of memory");
        }
        for (int oc = 0; oc < OC; oc++) {
            for (int t = 0; t < taps; t++) packed[((size_t)(oc / 4) * taps + t) * 4 + oc % 4] = w->data[(size_t)oc * taps + t];
            if (b) bias[oc] = b->data[oc];
        }
        lt_status s = upload(st, packed, (size_t)blocks * taps * 4, &wm, err);
        if (!s) s = upload(st, bias, (size_t)blocks * 4, &bm, err);
        free(packed);
        free(bias);
        if (s) return s;
        if (pointwise) {
            karg args[] = {A_MEM(xm), A_MEM(wm), A_MEM(bm), A_MEM(ym), A_INT(C), A_INT(H * W), A_INT(OC),
                           A_INT(f->act), A_FLT(f->p0), A_FLT(f->p1)};
            return add_step(st, index, "pointwise", args, 10, 3, (size_t)(H * W + 3) / 4, (size_t)blocks / 2, (size_t)N,
                            err);
        }
        karg args[] = {A_MEM(xm), A_MEM(wm), A_MEM(bm), A_MEM(ym), A_INT(C), A_INT(H), A_INT(W), A_INT(OC),
                       A_INT(OH), A_INT(OW), A_INT(c->kernel_h), A_INT(c->kernel_w), A_INT(c->stride_h),
                       A_INT(c->stride_w), A_INT(c->pad_top), A_INT(c->pad_left), A_INT(c->dilation_h),
                       A_INT(c->dilation_w), A_INT(f->act), A_FLT(f->p0), A_FLT(f->p1)};
        return add_step(st, index, "conv2d_oc4", args, 21, 3, (size_t)OW, (size_t)OH, (size_t)N * ((OC + 3) / 4), err);
    }
    float *bias = calloc((size_t)OC, sizeof *bias);
    if (!bias) return lt_fail(err, LT_ERR_RUNTIME, "gpu backend: out of memory");
    if (b) memcpy(bias, b->data, (size_t)OC * sizeof *bias);
    lt_status s = upload(st, bias, (size_t)OC, &bm, err);
    free(bias);
    if (s || upload(st, w->data, n_weights, &wm, err)) return err->code;
    if (depthwise) {
        char name[24];
        snprintf(name, sizeof name, "depthwise%d_s%dx4", c->kernel_h, c->stride_h);
        karg args[] = {A_MEM(xm), A_MEM(wm), A_MEM(bm), A_MEM(ym), A_INT(C), A_INT(H), A_INT(W), A_INT(OH),
                       A_INT(OW), A_INT(c->pad_top), A_INT(c->pad_left), A_INT(f->act), A_FLT(f->p0), A_FLT(f->p1)};
        return add_step(st, index, name, args, 14, 3, (size_t)(OW + 3) / 4, (size_t)OH, (size_t)N * C, err);
    }
    karg args[] = {A_MEM(xm), A_MEM(wm), A_MEM(bm), A_MEM(ym), A_INT(C), A_INT(H), A_INT(W), A_INT(OC), A_INT(OH),
                   A_INT(OW), A_INT(c->kernel_h), A_INT(c->kernel_w), A_INT(c->stride_h), A_INT(c->stride_w),
                   A_INT(c->pad_top), A_INT(c->pad_left), A_INT(c->dilation_h), A_INT(c->dilation_w), A_INT(G),
                   A_INT(f->act), A_FLT(f->p0), A_FLT(f->p1)};
    return add_step(st, index, "conv2d", args, 22, 3, (size_t)OW, (size_t)OH, (size_t)N * OC, err);
}

/* Leading (batch) elements of a matrix operand: product of all dims but the last two. */
static int64_t batch_of(const lt_tensor *t) {
    int64_t n = 1;
    for (int i = 0; i + 2 < t->rank; i++) n *= t->dims[i];
    return n;
}

static lt_status compile_matmul(cl_state *st, int index, lt_error *err) {
    const lt_node *node = &st->model->nodes[index];
    const lt_cl_fused *f = &st->fused[index];
    const lt_tensor *a = &st->model->tensors[node->inputs[0]];
    const lt_tensor *b = &st->model->tensors[node->inputs[1]];
    const lt_tensor *y = &st->model->tensors[node->output];
    if (a->rank < 1 || b->rank < 1) return unsupported(node, err, "operands must have rank >= 1");
    int64_t M = a->rank >= 2 ? a->dims[a->rank - 2] : 1, K = a->dims[a->rank - 1];
    int64_t KB = b->rank >= 2 ? b->dims[b->rank - 2] : b->dims[0], N = b->rank >= 2 ? b->dims[b->rank - 1] : 1;
    int64_t batch_a = batch_of(a), batch_b = batch_of(b);
    int64_t batch = batch_a > batch_b ? batch_a : batch_b;
    if (K != KB) return unsupported(node, err, "inner dimensions differ");
    if (batch_a != batch_b && batch_a != 1 && batch_b != 1) {
        return unsupported(node, err, "batch dimensions must match or one operand must have none");
    }
    if (batch * M * N != elements_of(y)) return unsupported(node, err, "output shape is not batch x M x N");
    const lt_tensor *bias_t = node->n_inputs > 2 && node->inputs[2] >= 0 ? &st->model->tensors[node->inputs[2]] : NULL;
    if (bias_t && (!bias_t->data || (elements_of(bias_t) != N && elements_of(bias_t) != 1))) {
        return unsupported(node, err, "bias must be a constant of [N] or a scalar");
    }
    float *bias = calloc((size_t)N, sizeof *bias);
    if (!bias) return lt_fail(err, LT_ERR_RUNTIME, "gpu backend: out of memory");
    for (int64_t j = 0; bias_t && j < N; j++) bias[j] = bias_t->data[elements_of(bias_t) == 1 ? 0 : j];
    cl_mem am, bm, biasm, ym;
    lt_status s = upload(st, bias, (size_t)N, &biasm, err);
    free(bias);
    if (s || tensor_buffer(st, node->inputs[0], &am, err) || tensor_buffer(st, node->inputs[1], &bm, err) ||
        tensor_buffer(st, f->target, &ym, err)) {
        return err->code;
    }
    karg args[] = {A_MEM(am), A_MEM(bm), A_MEM(biasm), A_MEM(ym), A_INT(M), A_INT(K), A_INT(N),
                   A_INT(batch_a == 1 ? 0 : M * K), A_INT(batch_b == 1 ? 0 : K * N), A_INT(f->act), A_FLT(f->p0),
                   A_FLT(f->p1)};
    return add_step(st, index, "matmul", args, 12, 3, (size_t)N, (size_t)M, (size_t)batch, err);
}

static int same_shape(const lt_tensor *a, const lt_tensor *b) {
    if (a->rank != b->rank) return 0;
    for (int i = 0; i < a->rank; i++) {
        if (a->dims[i] != b->dims[i]) return 0;
    }
    return 1;
}

/* Strides of t right-aligned into the 4-axis output shape `out`; 0 on broadcast axes. */
static void broadcast_strides(const lt_tensor *t, const int64_t out[4], int64_t strides[4]) {
    int64_t stride = 1;
    for (int axis = 3; axis >= 0; axis--) {
        int src = t->rank - (4 - axis);
        int64_t d = src >= 0 ? t->dims[src] : 1;
        strides[axis] = (d == 1 && out[axis] != 1) ? 0 : stride;
        stride *= d;
    }
}

static lt_status compile_binary(cl_state *st, int index, lt_error *err) {
    const lt_node *node = &st->model->nodes[index];
    const lt_cl_fused *f = &st->fused[index];
    const lt_tensor *a = &st->model->tensors[node->inputs[0]];
    const lt_tensor *b = &st->model->tensors[node->inputs[1]];
    const lt_tensor *y = &st->model->tensors[node->output];
    int op = node->kind == LT_OP_MUL ? 1 : 0;
    cl_mem am, bm, ym;
    if (tensor_buffer(st, node->inputs[0], &am, err) || tensor_buffer(st, node->inputs[1], &bm, err) ||
        tensor_buffer(st, f->target, &ym, err)) {
        return err->code;
    }
    size_t count = (size_t)elements_of(y);
    if (same_shape(a, y) && same_shape(b, y)) {
        karg args[] = {A_MEM(am), A_MEM(bm), A_MEM(ym), A_INT(op), A_INT(f->act), A_FLT(f->p0), A_FLT(f->p1),
                       A_INT(count)};
        return add_step(st, index, "binary_same", args, 8, 1, count, 1, 1, err);
    }
    /* one operand per channel ([N,C,1,1]), the other the full map: the SE / channel attention scaling */
    for (int k = 0; k < 2 && y->rank == 4; k++) {
        const lt_tensor *full = k ? b : a, *per_channel = k ? a : b;
        if (same_shape(full, y) && per_channel->rank == 4 && per_channel->dims[0] == y->dims[0] &&
            per_channel->dims[1] == y->dims[1] && per_channel->dims[2] == 1 && per_channel->dims[3] == 1) {
            int hw = (int)(y->dims[2] * y->dims[3]), nc = (int)(y->dims[0] * y->dims[1]);
            cl_mem xm = k ? bm : am, sm = k ? am : bm;
            karg args[] = {A_MEM(xm), A_MEM(sm), A_MEM(ym), A_INT(op), A_INT(hw), A_INT(nc),
                           A_INT(f->act), A_FLT(f->p0), A_FLT(f->p1)};
            return add_step(st, index, "channel_binary", args, 9, 2, (size_t)hw, (size_t)nc, 1, err);
        }
    }
    if (y->rank > 4 || a->rank > 4 || b->rank > 4) {
        return unsupported(node, err, "broadcasting is supported up to rank 4");
    }
    int64_t out[4], sa[4], sb[4];
    for (int axis = 0; axis < 4; axis++) {
        int src = y->rank - (4 - axis);
        out[axis] = src >= 0 ? y->dims[src] : 1;
    }
    broadcast_strides(a, out, sa);
    broadcast_strides(b, out, sb);
    karg args[] = {A_MEM(am), A_MEM(bm), A_MEM(ym), A_INT(op), A_INT4(out[0], out[1], out[2], out[3]),
                   A_INT4(sa[0], sa[1], sa[2], sa[3]), A_INT4(sb[0], sb[1], sb[2], sb[3]), A_INT(f->act),
                   A_FLT(f->p0), A_FLT(f->p1), A_INT(count)};
    return add_step(st, index, "binary_broadcast", args, 11, 1, count, 1, 1, err);
}

static lt_status compile_pool(cl_state *st, int index, lt_error *err) {
    const lt_node *node = &st->model->nodes[index];
    const lt_tensor *x = &st->model->tensors[node->inputs[0]];
    if (x->rank != 4) return unsupported(node, err, "global average pool needs an NCHW input");
    cl_mem xm, ym;
    if (tensor_buffer(st, node->inputs[0], &xm, err) || tensor_buffer(st, st->fused[index].target, &ym, err)) {
        return err->code;
    }
    karg args[] = {A_MEM(xm), A_MEM(ym), A_INT(x->dims[2] * x->dims[3]), A_INT(x->dims[0] * x->dims[1])};
    return add_step(st, index, "global_avg_pool", args, 4, 1, (size_t)(x->dims[0] * x->dims[1]), 1, 1, err);
}

static lt_status compile_activation(cl_state *st, int index, lt_error *err) {
    const lt_node *node = &st->model->nodes[index];
    float p0, p1;
    lt_cl_act act = lt_cl_node_act(node, &p0, &p1);
    cl_mem xm, ym;
    if (tensor_buffer(st, node->inputs[0], &xm, err) || tensor_buffer(st, node->output, &ym, err)) return err->code;
    size_t count = (size_t)elements_of(&st->model->tensors[node->output]);
    karg args[] = {A_MEM(xm), A_MEM(ym), A_INT(act), A_FLT(p0), A_FLT(p1), A_INT(count)};
    return add_step(st, index, "activation", args, 6, 1, count, 1, 1, err);
}

static lt_status compile_transpose(cl_state *st, int index, lt_error *err) {
    const lt_node *node = &st->model->nodes[index];
    const lt_tensor *x = &st->model->tensors[node->inputs[0]];
    int rank = x->rank;
    cl_int meta[13] = {rank};
    int64_t in_stride[LT_MAX_RANK];
    int64_t stride = 1;
    for (int axis = rank - 1; axis >= 0; axis--) {
        in_stride[axis] = stride;
        stride *= x->dims[axis];
    }
    for (int axis = 0; axis < rank; axis++) {
        int from = node->p.transpose.perm[axis];
        if (from < 0 || from >= rank) return unsupported(node, err, "perm is not a permutation of the input axes");
        meta[1 + axis] = (cl_int)x->dims[from];
        meta[7 + axis] = (cl_int)in_stride[from];
    }
    cl_mem xm, ym, metam;
    if (new_buffer(st, sizeof meta, meta, &metam, err) || tensor_buffer(st, node->inputs[0], &xm, err) ||
        tensor_buffer(st, node->output, &ym, err)) {
        return err->code;
    }
    karg args[] = {A_MEM(xm), A_MEM(ym), A_MEM(metam), A_INT(elements_of(x))};
    return add_step(st, index, "transpose", args, 4, 1, (size_t)elements_of(x), 1, 1, err);
}

static lt_status compile_node(cl_state *st, int index, lt_error *err) {
    const lt_node *node = &st->model->nodes[index];
    if (st->fused[index].fused_into >= 0) return LT_OK;
    switch (node->kind) {
    case LT_OP_CONV: return compile_conv(st, index, err);
    case LT_OP_MATMUL: return compile_matmul(st, index, err);
    case LT_OP_ADD:
    case LT_OP_MUL: return compile_binary(st, index, err);
    case LT_OP_RELU:
    case LT_OP_CLIP:
    case LT_OP_SIGMOID:
    case LT_OP_HARD_SIGMOID:
    case LT_OP_HARD_SWISH: return compile_activation(st, index, err);
    case LT_OP_GLOBAL_AVG_POOL: return compile_pool(st, index, err);
    case LT_OP_TRANSPOSE: return compile_transpose(st, index, err);
    case LT_OP_RESHAPE:
        /* NCHW is contiguous, so a reshape is a view unless its input is a graph output read elsewhere: still a
         * view, nothing writes in place. */
        st->alias[node->output] = node->inputs[0];
        return LT_OK;
    }
    return unsupported(node, err, "op kind not implemented; supported: Conv, MatMul/Gemm, Add, Mul, Relu, Clip, "
                                  "Sigmoid, HardSigmoid, HardSwish, GlobalAveragePool, Reshape, Flatten, Transpose");
}

/* ---------- backend table ---------- */

static void cl_close(void *state);

static lt_status allocate_tables(cl_state *st, lt_error *err) {
    const lt_model *m = st->model;
    st->tensor_mem = calloc((size_t)m->n_tensors, sizeof *st->tensor_mem);
    st->alias = malloc((size_t)m->n_tensors * sizeof *st->alias);
    st->fused = calloc((size_t)m->n_nodes + 1, sizeof *st->fused);
    st->node_ns = calloc((size_t)m->n_nodes + 1, sizeof *st->node_ns);
    st->node_count = calloc((size_t)m->n_nodes + 1, sizeof *st->node_count);
    st->node_timed = calloc((size_t)m->n_nodes + 1, 1);
    st->input_host = calloc((size_t)m->n_inputs + 1, sizeof *st->input_host);
    st->output_host = calloc((size_t)m->n_outputs + 1, sizeof *st->output_host);
    if (!st->tensor_mem || !st->alias || !st->fused || !st->node_ns || !st->node_count || !st->node_timed ||
        !st->input_host || !st->output_host) {
        return lt_fail(err, LT_ERR_RUNTIME, "gpu backend: out of memory");
    }
    for (int i = 0; i < m->n_tensors; i++) st->alias[i] = -1;
    for (int i = 0; i < m->n_inputs; i++) {
        st->input_host[i] = calloc((size_t)elements_of(&m->tensors[m->inputs[i]]) + 1, st->elem);
        if (!st->input_host[i]) return lt_fail(err, LT_ERR_RUNTIME, "gpu backend: out of memory");
    }
    for (int i = 0; i < m->n_outputs; i++) {
        st->output_host[i] = calloc((size_t)elements_of(&m->tensors[m->outputs[i]]) + 1, st->elem);
        if (!st->output_host[i]) return lt_fail(err, LT_ERR_RUNTIME, "gpu backend: out of memory");
    }
    return LT_OK;
}

static void *cl_open(const lt_model *model, const lt_backend_options *options, lt_error *err) {
    cl_state *st = calloc(1, sizeof *st);
    if (!st) {
        lt_fail(err, LT_ERR_RUNTIME, "gpu backend: out of memory");
        return NULL;
    }
    st->model = model;
    st->half = options->precision == LT_PRECISION_FP16;
    st->elem = st->half ? 2 : 4;
    if (lt_cl_api_load(&st->api, err) || pick_device(st, err) || (st->half && check_fp16(st, err)) ||
        allocate_tables(st, err)) {
        cl_close(st);
        return NULL;
    }
    lt_cl_plan_fusion(model, st->fused);
    if (create_queue(st, err)) {
        cl_close(st);
        return NULL;
    }
    /* Every node is checked (unsupported ops reported) before the slow kernel build. */
    for (int i = 0; i < model->n_nodes; i++) {
        if (compile_node(st, i, err)) {
            cl_close(st);
            return NULL;
        }
    }
    if (build_program(st, err) || create_kernels(st, err)) {
        cl_close(st);
        return NULL;
    }
    for (int i = 0; i < st->n_steps; i++) st->node_timed[st->steps[i].node] = 1;
    cl_mem unused;
    for (int i = 0; i < model->n_inputs; i++) {
        if (tensor_buffer(st, model->inputs[i], &unused, err)) break;
    }
    for (int i = 0; !err->code && i < model->n_outputs; i++) tensor_buffer(st, model->outputs[i], &unused, err);
    st->events = calloc((size_t)st->n_steps + 1, sizeof *st->events);
    if (!err->code && !st->events) lt_fail(err, LT_ERR_RUNTIME, "gpu backend: out of memory");
    if (err->code) {
        cl_close(st);
        return NULL;
    }
    return st;
}

static const char *cl_engine(void *state) {
    return ((cl_state *)state)->engine;
}

static lt_status check_io(const cl_state *st, int index, int n, const int *tensors, size_t count, const char *what,
                          lt_error *err) {
    if (index < 0 || index >= n) {
        return lt_fail(err, LT_ERR_USAGE, "gpu backend: %s index %d out of range (model has %d)", what, index, n);
    }
    size_t expected = (size_t)elements_of(&st->model->tensors[tensors[index]]);
    if (count != expected) {
        return lt_fail(err, LT_ERR_USAGE, "gpu backend: %s %d has %zu elements, %zu given", what, index, expected, count);
    }
    return LT_OK;
}

static lt_status cl_set_input(void *state, int index, const float *data, size_t count, lt_error *err) {
    cl_state *st = state;
    if (check_io(st, index, st->model->n_inputs, st->model->inputs, count, "input", err)) return err->code;
    if (st->half) {
        uint16_t *h = st->input_host[index];
        for (size_t i = 0; i < count; i++) h[i] = lt_fp16_from_float(data[i]);
    } else {
        memcpy(st->input_host[index], data, count * sizeof *data);
    }
    return LT_OK;
}

/* Upload, kernels, read-back, clFinish: what a tracker does per frame. Profiling results are collected after
 * clFinish (inside the timed region: a few microseconds per kernel). */
static void release_events(cl_state *st) {
    for (int i = 0; i < st->n_events; i++) st->api.ReleaseEvent(st->events[i]);
    st->n_events = 0;
}

static lt_status cl_invoke(void *state, lt_error *err) {
    cl_state *st = state;
    const lt_model *m = st->model;
    release_events(st); /* times of an invoke nobody collected (lt_invoke) are dropped */
    cl_int rc = CL_SUCCESS;
    for (int i = 0; i < m->n_inputs && rc == CL_SUCCESS; i++) {
        size_t bytes = (size_t)elements_of(&m->tensors[m->inputs[i]]) * st->elem;
        rc = st->api.EnqueueWriteBuffer(st->queue, st->tensor_mem[root_of(st, m->inputs[i])], CL_FALSE, 0, bytes,
                                        st->input_host[i], 0, NULL, NULL);
    }
    if (cl_check(st, rc, "clEnqueueWriteBuffer", "input upload", err)) return err->code;
    for (; st->n_events < st->n_steps; st->n_events++) {
        cl_step *s = &st->steps[st->n_events];
        rc = st->api.EnqueueNDRangeKernel(st->queue, s->kernel, s->dims, NULL, s->global, s->local, 0, NULL,
                                          &st->events[st->n_events]);
        if (rc != CL_SUCCESS) break;
    }
    for (int i = 0; i < m->n_outputs && rc == CL_SUCCESS; i++) {
        size_t bytes = (size_t)elements_of(&m->tensors[m->outputs[i]]) * st->elem;
        rc = st->api.EnqueueReadBuffer(st->queue, st->tensor_mem[root_of(st, m->outputs[i])], CL_FALSE, 0, bytes,
                                       st->output_host[i], 0, NULL, NULL);
    }
    cl_int finish = st->api.Finish(st->queue);
    if (rc == CL_SUCCESS) rc = finish;
    if (rc != CL_SUCCESS) {
        const char *node = st->n_events < st->n_steps ? m->nodes[st->steps[st->n_events].node].name
                                                      : "(after the last kernel)";
        char context[200];
        snprintf(context, sizeof context, "inference, at node '%s'", node);
        release_events(st);
        return cl_check(st, rc, "OpenCL enqueue/finish", context, err);
    }
    return LT_OK;
}

/* Outside the timed sample: the device's start/end stamps of every kernel of the last invoke, summed per node. */
static lt_status cl_collect_op_times(void *state, lt_error *err) {
    cl_state *st = state;
    cl_int rc = CL_SUCCESS;
    for (int i = 0; i < st->n_events && rc == CL_SUCCESS; i++) {
        cl_ulong start = 0, end = 0;
        rc = st->api.GetEventProfilingInfo(st->events[i], CL_PROFILING_COMMAND_START, sizeof start, &start, NULL);
        if (rc == CL_SUCCESS) {
            rc = st->api.GetEventProfilingInfo(st->events[i], CL_PROFILING_COMMAND_END, sizeof end, &end, NULL);
        }
        if (rc == CL_SUCCESS && end > start) st->node_ns[st->steps[i].node] += end - start;
    }
    int collected = st->n_events;
    release_events(st);
    if (cl_check(st, rc, "clGetEventProfilingInfo", "per-kernel device time", err)) return err->code;
    if (collected > 0) {
        for (int i = 0; i < st->model->n_nodes; i++) st->node_count[i] += st->node_timed[i];
    }
    return LT_OK;
}

static lt_status cl_get_output(void *state, int index, float *data, size_t count, lt_error *err) {
    cl_state *st = state;
    if (check_io(st, index, st->model->n_outputs, st->model->outputs, count, "output", err)) return err->code;
    if (st->half) {
        const uint16_t *h = st->output_host[index];
        for (size_t i = 0; i < count; i++) data[i] = lt_fp16_to_float(h[i]);
    } else {
        memcpy(data, st->output_host[index], count * sizeof *data);
    }
    return LT_OK;
}

static int cl_op_times(void *state, lt_backend_op_time *out, int cap) {
    cl_state *st = state;
    int n = 0;
    for (int i = 0; i < st->model->n_nodes; i++) {
        if (!st->node_timed[i] || st->node_count[i] == 0) continue;
        if (n < cap) {
            out[n].node = st->model->nodes[i].name;
            out[n].op_type = st->model->nodes[i].onnx_op;
            out[n].total_ns = st->node_ns[i];
            out[n].count = st->node_count[i];
        }
        n++;
    }
    return n;
}

static void cl_reset_op_times(void *state) {
    cl_state *st = state;
    memset(st->node_ns, 0, (size_t)st->model->n_nodes * sizeof *st->node_ns);
    memset(st->node_count, 0, (size_t)st->model->n_nodes * sizeof *st->node_count);
}

static void cl_close(void *state) {
    cl_state *st = state;
    if (!st) return;
    if (st->api.library) {
        if (st->queue) st->api.Finish(st->queue);
        if (st->events) release_events(st);
        for (int i = 0; i < st->n_steps; i++) {
            if (st->steps[i].kernel) st->api.ReleaseKernel(st->steps[i].kernel);
        }
        for (int i = 0; i < st->n_owned; i++) st->api.ReleaseMemObject(st->owned[i]);
        if (st->program) st->api.ReleaseProgram(st->program);
        if (st->queue) st->api.ReleaseCommandQueue(st->queue);
        if (st->context) st->api.ReleaseContext(st->context);
        lt_cl_api_unload(&st->api);
    }
    for (int i = 0; st->input_host && i < st->model->n_inputs; i++) free(st->input_host[i]);
    for (int i = 0; st->output_host && i < st->model->n_outputs; i++) free(st->output_host[i]);
    free(st->input_host);
    free(st->output_host);
    free(st->steps);
    free(st->owned);
    free(st->events);
    free(st->tensor_mem);
    free(st->alias);
    free(st->fused);
    free(st->node_ns);
    free(st->node_count);
    free(st->node_timed);
    free(st);
}

const lt_backend lt_backend_opencl = {
    .name = "gpu",
    .open = cl_open,
    .engine = cl_engine,
    .set_input = cl_set_input,
    .invoke = cl_invoke,
    .get_output = cl_get_output,
    .collect_op_times = cl_collect_op_times,
    .op_times = cl_op_times,
    .reset_op_times = cl_reset_op_times,
    .close = cl_close,
};
