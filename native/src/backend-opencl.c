/* The "gpu" backend: the model on an OpenCL 1.2 device. Layout NCHW (the IR's), one device buffer per
 * materialised tensor, all allocated at open; Reshape/Flatten are views of their input's buffer. Activations are
 * fused into the producing kernel (opencl/fusion.h). invoke = input upload + kernels + output read + clFinish;
 * per-kernel device time comes from profiling events and is attributed to the node whose kernel ran (a fused
 * activation's time is its producer's). */
#include "opencl-build.h"

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
        st->input_host[i] = calloc((size_t)gb_elements_of(&m->tensors[m->inputs[i]]) + 1, st->elem);
        if (!st->input_host[i]) return lt_fail(err, LT_ERR_RUNTIME, "gpu backend: out of memory");
    }
    for (int i = 0; i < m->n_outputs; i++) {
        st->output_host[i] = calloc((size_t)gb_elements_of(&m->tensors[m->outputs[i]]) + 1, st->elem);
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
    if (lt_cl_api_load(&st->api, err) || gb_pick_device(st, err) || (st->half && gb_check_fp16(st, err)) ||
        allocate_tables(st, err)) {
        cl_close(st);
        return NULL;
    }
    lt_cl_plan_fusion(model, st->fused);
    if (gb_create_queue(st, err)) {
        cl_close(st);
        return NULL;
    }
    /* Every node is checked (unsupported ops reported) before the slow kernel build. */
    for (int i = 0; i < model->n_nodes; i++) {
        if (gb_compile_node(st, i, err)) {
            cl_close(st);
            return NULL;
        }
    }
    if (gb_build_program(st, err) || gb_create_kernels(st, err)) {
        cl_close(st);
        return NULL;
    }
    for (int i = 0; i < st->n_steps; i++) st->node_timed[st->steps[i].node] = 1;
    cl_mem unused;
    for (int i = 0; i < model->n_inputs; i++) {
        if (gb_tensor_buffer(st, model->inputs[i], &unused, err)) break;
    }
    for (int i = 0; !err->code && i < model->n_outputs; i++) gb_tensor_buffer(st, model->outputs[i], &unused, err);
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
    size_t expected = (size_t)gb_elements_of(&st->model->tensors[tensors[index]]);
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
        size_t bytes = (size_t)gb_elements_of(&m->tensors[m->inputs[i]]) * st->elem;
        rc = st->api.EnqueueWriteBuffer(st->queue, st->tensor_mem[gb_root_of(st, m->inputs[i])], CL_FALSE, 0, bytes,
                                        st->input_host[i], 0, NULL, NULL);
    }
    if (gb_cl_check(st, rc, "clEnqueueWriteBuffer", "input upload", err)) return err->code;
    for (; st->n_events < st->n_steps; st->n_events++) {
        cl_step *s = &st->steps[st->n_events];
        rc = st->api.EnqueueNDRangeKernel(st->queue, s->kernel, s->dims, NULL, s->global, s->local, 0, NULL,
                                          &st->events[st->n_events]);
        if (rc != CL_SUCCESS) break;
    }
    for (int i = 0; i < m->n_outputs && rc == CL_SUCCESS; i++) {
        size_t bytes = (size_t)gb_elements_of(&m->tensors[m->outputs[i]]) * st->elem;
        rc = st->api.EnqueueReadBuffer(st->queue, st->tensor_mem[gb_root_of(st, m->outputs[i])], CL_FALSE, 0, bytes,
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
        return gb_cl_check(st, rc, "OpenCL enqueue/finish", context, err);
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
    if (gb_cl_check(st, rc, "clGetEventProfilingInfo", "per-kernel device time", err)) return err->code;
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
