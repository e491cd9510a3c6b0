/* gpu backend (OpenCL), buffers, kernel steps and work-group sizes. */
#include "opencl-build.h"

/* ---------- buffers ---------- */

lt_status gb_new_buffer(cl_state *st, size_t bytes, const void *init, cl_mem *out, lt_error *err) {
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
    if (gb_cl_check(st, rc, "clCreateBuffer", what, err)) return err->code;
    st->owned[st->n_owned++] = *out;
    return LT_OK;
}

/* Uploads host floats as a buffer in the device element type. */
lt_status gb_upload(cl_state *st, const float *data, size_t count, cl_mem *out, lt_error *err) {
    if (!st->half) return gb_new_buffer(st, count * 4, data, out, err);
    uint16_t *h = malloc((count ? count : 1) * sizeof *h);
    if (!h) return lt_fail(err, LT_ERR_RUNTIME, "gpu backend: out of memory");
    for (size_t i = 0; i < count; i++) h[i] = lt_fp16_from_float(data[i]);
    lt_status s = gb_new_buffer(st, count * 2, h, out, err);
    free(h);
    return s;
}

int gb_root_of(const cl_state *st, int t) {
    while (st->alias[t] >= 0) t = st->alias[t];
    return t;
}

/* The buffer holding a tensor, created on first use (constants are uploaded then). */
lt_status gb_tensor_buffer(cl_state *st, int t, cl_mem *out, lt_error *err) {
    t = gb_root_of(st, t);
    if (!st->tensor_mem[t]) {
        const lt_tensor *tensor = &st->model->tensors[t];
        size_t count = (size_t)gb_elements_of(tensor);
        lt_status s = tensor->data ? gb_upload(st, tensor->data, count, &st->tensor_mem[t], err)
                                   : gb_new_buffer(st, count * st->elem, NULL, &st->tensor_mem[t], err);
        if (s) return s;
    }
    *out = st->tensor_mem[t];
    return LT_OK;
}

/* ---------- kernels and steps ---------- */


lt_status gb_add_step(cl_state *st, int node, const char *kernel_name, const karg *args, int n_args, cl_uint dims,
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

lt_status gb_create_kernels(cl_state *st, lt_error *err) {
    for (int s = 0; s < st->n_steps; s++) {
        cl_step *step = &st->steps[s];
        cl_int rc;
        step->kernel = st->api.CreateKernel(st->program, step->kernel_name, &rc);
        if (gb_cl_check(st, rc, "clCreateKernel", step->kernel_name, err)) return err->code;
        for (int i = 0; i < step->n_args; i++) {
            rc = st->api.SetKernelArg(step->kernel, (cl_uint)i, step->arg_size[i], step->arg_value[i]);
            char what[160];
            snprintf(what, sizeof what, "kernel %s argument %d, node '%s'", step->kernel_name, i,
                     st->model->nodes[step->node].name);
            if (gb_cl_check(st, rc, "clSetKernelArg", what, err)) return err->code;
        }
        size_t limit = 0;
        rc = st->api.GetKernelWorkGroupInfo(step->kernel, st->device, CL_KERNEL_WORK_GROUP_SIZE, sizeof limit, &limit,
                                            NULL);
        if (gb_cl_check(st, rc, "clGetKernelWorkGroupInfo", step->kernel_name, err)) return err->code;
        choose_work_groups(step, limit);
    }
    return LT_OK;
}
