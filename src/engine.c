/* The tcplua engine: opens each input (files in order, or a live device), applies the BPF
 * filter, decodes every packet into the reused frame and runs the script's hooks on it,
 * writes kept packets to -w, and reports as tcpdump does. */
#include "engine.h"

#include <errno.h>
#include <lauxlib.h>
#include <lua.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture.h"
#include "guard.h"
#include "privs.h"
#include "script.h"

volatile sig_atomic_t tl_stop_signal;
static pcap_t *active_pcap; /* for the signal handler's pcap_breakloop() */

static struct tl_guard *active_guard; /* to interrupt a hook that runs */

static void on_signal(int sig) {
    tl_stop_signal = sig;
    if (active_pcap)
        pcap_breakloop(active_pcap);
    tl_guard_interrupt(active_guard);
}

void tl_frame_relseq(struct tl_engine *e, struct tl_frame *f) {
    if (f->rel_done)
        return;
    const struct tl_packet *d = &f->dec;
    f->rseq = d->tcp.seq;
    f->rack = d->tcp.ack;
    f->rel_done = 1;
    f->rnew = 0;
    if (e->opt->S)
        return;
    if (TL_HAS(d, TL_LAYER_IP6))
        f->rnew = tl_seqtrack_apply(&e->seq, d->ip6.src, d->ip6.dst, 16, d->tcp.sport, d->tcp.dport,
                                    d->tcp.flags, &f->rseq, &f->rack);
    else if (TL_HAS(d, TL_LAYER_IP))
        f->rnew = tl_seqtrack_apply(&e->seq, d->ip.src, d->ip.dst, 4, d->tcp.sport, d->tcp.dport,
                                    d->tcp.flags, &f->rseq, &f->rack);
}

/* Report a script error: flush what was printed, then one message with its traceback. */
static void script_error(struct tl_engine *e, const char *msg) {
    tl_out_flush(&e->out);
    fprintf(stderr, "tcplua: %s\n", msg ? msg : "(no message)");
    e->script_failed = 1;
}

/* lua_pcall for hooks, under the script's limits. On error the output is flushed and the
 * message reported (an interruption by a signal is not an error of the script). */
static int protected_call(struct tl_engine *e, int nargs, int nres) {
    lua_State *L = e->L;
    tl_guard_arm(&e->guard);
    int st = lua_pcall(L, nargs, nres, TL_SLOT_MSGH);
    int interrupted = e->guard.interrupt;
    tl_guard_disarm(&e->guard);
    if (st == LUA_OK)
        return st;
    if (interrupted && !e->guard.timed_out) {
        lua_pop(L, 1); /* the signal ends the run as it does between packets */
        return st;
    }
    if (e->guard.mem_exceeded || st == LUA_ERRMEM) {
        char msg[4400];
        snprintf(msg, sizeof(msg), "%s: script memory limit of %zu MB exceeded (--script-memory)",
                 e->script_path, e->guard.mem_limit >> 20);
        script_error(e, e->guard.mem_limit ? msg : lua_tostring(L, -1));
    } else {
        script_error(e, lua_tostring(L, -1));
    }
    lua_pop(L, 1);
    return st;
}

/* Call hook h with the current packet (and its flow when flows are tracked). Returns the
 * Lua status. stack: -> result (nres) */
static int call_hook_pkt(struct tl_engine *e, int h, int nres) {
    lua_State *L = e->L;
    lua_pushvalue(L, TL_SLOT_HOOK(h));
    tl_lpkt_push(L, &e->frame);
    int nargs = 1;
    if (e->flows_on) {
        tl_lflow_push(L, e->cur_hit.flow);
        nargs = 2;
    }
    return protected_call(e, nargs, nres);
}

static const char *const end_names[] = {"", "fin", "rst", "idle", "evicted", "eof"};

/* flow_end(flow, reason), then the flow is gone. Returns the Lua status. */
static int end_flow(struct tl_engine *e, struct tl_flow *f, int reason) {
    lua_State *L = e->L;
    int st = LUA_OK;
    if (!lua_isnil(L, TL_SLOT_HOOK(TL_HOOK_FLOW_END))) {
        lua_pushvalue(L, TL_SLOT_HOOK(TL_HOOK_FLOW_END));
        tl_lflow_push(L, f);
        lua_pushstring(L, end_names[reason]);
        st = protected_call(e, 2, 0);
    }
    tl_lflow_release(L, f);
    if (e->cur_hit.flow == f)
        e->cur_hit.flow = NULL;
    tl_flow_remove(&e->flows, f);
    return st;
}

/* Track the current packet's flow: end expired flows, update, flow_start. */
static int track_flow(struct tl_engine *e) {
    struct tl_frame *f = &e->frame;
    struct tl_flow *x;
    int reason;
    while ((x = tl_flow_next_expired(&e->flows, f->sec, &reason)) != NULL)
        if (end_flow(e, x, reason) != LUA_OK)
            return -1;
    int rc = tl_flow_update(&e->flows, &f->dec, f->data, f->sec, f->frac, f->prec, &e->cur_hit);
    if (rc == 1) { /* a SYN reopens a closed connection: the old flow ends first */
        if (end_flow(e, e->cur_hit.flow, e->cur_hit.flow->end_reason) != LUA_OK)
            return -1;
        rc = tl_flow_update(&e->flows, &f->dec, f->data, f->sec, f->frac, f->prec, &e->cur_hit);
    }
    if (rc < 0)
        e->cur_hit.flow = NULL;
    if (e->cur_hit.is_new && !lua_isnil(e->L, TL_SLOT_HOOK(TL_HOOK_FLOW_START))) {
        lua_State *L = e->L;
        lua_pushvalue(L, TL_SLOT_HOOK(TL_HOOK_FLOW_START));
        tl_lflow_push(L, e->cur_hit.flow);
        tl_lpkt_push(L, f);
        if (protected_call(e, 2, 0) != LUA_OK)
            return -1;
    }
    while ((x = tl_flow_next_expired(&e->flows, f->sec, &reason)) != NULL &&
           reason == TL_END_EVICTED && x != e->cur_hit.flow)
        if (end_flow(e, x, reason) != LUA_OK)
            return -1;
    return 0;
}

/* End every flow left at the end of an input. */
static int end_all_flows(struct tl_engine *e) {
    if (!e->flows_on || e->script_failed)
        return 0;
    struct tl_flow *x;
    while ((x = tl_flow_any(&e->flows)) != NULL)
        if (end_flow(e, x, x->end_reason ? x->end_reason : TL_END_EOF) != LUA_OK)
            return -1;
    return 0;
}

/* filter() returned a number or a string: 0 or "no" would keep the packet, which is never what
 * was meant, so the run stops naming the function. */
static void bad_filter_result(struct tl_engine *e, const char *type) {
    lua_State *L = e->L;
    lua_Debug ar;
    char msg[600];
    lua_pushvalue(L, TL_SLOT_HOOK(TL_HOOK_FILTER));
    lua_getinfo(L, ">S", &ar);
    snprintf(msg, sizeof(msg),
             "%s:%d: filter() returned a %s, not a boolean (true keeps the packet, false or nil "
             "drops it)",
             ar.short_src, ar.linedefined, type);
    script_error(e, msg);
}

static void on_packet(u_char *user, const struct pcap_pkthdr *h, const u_char *bytes) {
    struct tl_engine *e = (struct tl_engine *)user;
    struct tl_frame *f = &e->frame;
    lua_State *L = e->L;
    f->gen = ++e->gen;
    f->data = bytes;
    f->caplen = h->caplen;
    f->len = h->len;
    f->sec = h->ts.tv_sec;
    f->frac = (uint32_t)h->ts.tv_usec;
    f->num = ++e->received;
    f->rel_done = 0;
    /* checksums are verified eagerly when flows need them (they note bad ones) and under -v,
     * which prints them; otherwise when a script reads them */
    tl_decode_ex(&f->dec, e->linktype, bytes, h->caplen, h->len,
                 e->flows_on || e->opt->v ? TL_DECODE_CKSUM : 0);
    if (e->flows_on && track_flow(e) < 0)
        goto stop;

    int keep = 1;
    if (!lua_isnil(L, TL_SLOT_HOOK(TL_HOOK_FILTER))) {
        if (call_hook_pkt(e, TL_HOOK_FILTER, 1) != LUA_OK)
            goto stop;
        int t = lua_type(L, -1);
        if (t == LUA_TNUMBER || t == LUA_TSTRING) {
            bad_filter_result(e, lua_typename(L, t));
            lua_pop(L, 1);
            goto stop;
        }
        keep = lua_toboolean(L, -1);
        lua_pop(L, 1);
    }
    if (keep) {
        e->kept++;
        if (e->dumper && e->opt->file_size) {
            char err[PCAP_ERRBUF_SIZE + 256];
            if (tl_capture_rotate(e, err, sizeof(err)) < 0) {
                tl_out_flush(&e->out);
                fprintf(stderr, "tcplua: %s\n", err);
                e->exit_code = 1;
                e->exit_requested = 1;
                goto stop;
            }
        }
        if (e->dumper) {
            pcap_dump((u_char *)e->dumper, h, bytes);
            if (e->opt->U)
                pcap_dump_flush(e->dumper);
        }
        if (!e->opt->count_only && !lua_isnil(L, TL_SLOT_HOOK(TL_HOOK_PACKET)) &&
            call_hook_pkt(e, TL_HOOK_PACKET, 0) != LUA_OK)
            goto stop;
    }
    f->gen = ++e->gen; /* packet values handed out above are now stale */
    if (tl_out_packet_end(&e->out) < 0 || e->exit_requested ||
        (e->opt->count > 0 && e->kept >= (uint64_t)e->opt->count))
        pcap_breakloop(e->pcap);
    return;
stop:
    f->gen = ++e->gen;
    pcap_breakloop(e->pcap);
}

/* The table init() receives. Runs protected. stack: engine -> args */
static int build_init_args(lua_State *L) {
    struct tl_engine *e = lua_touserdata(L, 1);
    lua_createtable(L, 0, e->opt->nargs + 2);
    lua_createtable(L, 0, e->opt->nargs);
    for (int i = 0; i < e->opt->nargs; i++) {
        lua_pushstring(L, e->opt->arg_vals[i]);
        lua_setfield(L, -2, e->opt->arg_keys[i]);
        lua_pushstring(L, e->opt->arg_vals[i]);
        lua_setfield(L, -3, e->opt->arg_keys[i]);
    }
    lua_setfield(L, -2, "argv");
    tl_push_opt_table(L, e->opt);
    lua_setfield(L, -2, "options");
    return 1;
}

/* init(args). Returns 0 or TL_ERR_SCRIPT. */
int tl_engine_init_hook(struct tl_engine *e) {
    lua_State *L = e->L;
    if (lua_isnil(L, TL_SLOT_HOOK(TL_HOOK_INIT)))
        return 0;
    lua_pushvalue(L, TL_SLOT_HOOK(TL_HOOK_INIT));
    lua_pushcfunction(L, build_init_args);
    lua_pushlightuserdata(L, e);
    if (lua_pcall(L, 1, 1, TL_SLOT_MSGH) != LUA_OK) { /* only out of memory can fail here */
        script_error(e, lua_tostring(L, -1));
        lua_pop(L, 2);
        return TL_ERR_SCRIPT;
    }
    if (protected_call(e, 1, 0) != LUA_OK)
        return TL_ERR_SCRIPT;
    return 0;
}

/* finish(stats) -> exit status, or -1 when it returned nothing. */
static int call_finish(struct tl_engine *e, uint32_t dropped) {
    lua_State *L = e->L;
    if (lua_isnil(L, TL_SLOT_HOOK(TL_HOOK_FINISH)))
        return -1;
    lua_pushvalue(L, TL_SLOT_HOOK(TL_HOOK_FINISH));
    lua_createtable(L, 0, 3);
    lua_pushinteger(L, (lua_Integer)e->received);
    lua_setfield(L, -2, "received");
    lua_pushinteger(L, (lua_Integer)e->kept);
    lua_setfield(L, -2, "kept");
    lua_pushinteger(L, dropped);
    lua_setfield(L, -2, "dropped");
    if (protected_call(e, 1, 1) != LUA_OK)
        return -1;
    int rc = -1;
    if (lua_isinteger(L, -1)) {
        rc = (int)lua_tointeger(L, -1);
    } else if (!lua_isnil(L, -1)) {
        char msg[4400];
        snprintf(msg, sizeof(msg), "%s: finish() returned a %s, not an integer exit status",
                 e->script_path, luaL_typename(L, -1));
        script_error(e, msg);
    }
    lua_pop(L, 1);
    return rc;
}

/* Run the capture loop on e->pcap until the input ends or the run must stop. */
int tl_engine_loop(struct tl_engine *e) {
    active_pcap = e->pcap;
    int st = pcap_loop(e->pcap, -1, on_packet, (u_char *)e);
    active_pcap = NULL;
    return st == -1 ? -1 : 0; /* -1: read error, pcap_geterr() says which */
}

static int loop_should_end(struct tl_engine *e) {
    return e->script_failed || e->exit_requested || tl_stop_signal || e->out.failed ||
           (e->opt->count > 0 && e->kept >= (uint64_t)e->opt->count);
}

static void install_signals(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    signal(SIGPIPE, SIG_IGN); /* a closed output is a write error, reported as tcpdump does */
}

/* Does the script use flows? Flow hooks, or filter/packet taking a second parameter. */
static int wants_flows(lua_State *L) {
    if (!lua_isnil(L, TL_SLOT_HOOK(TL_HOOK_FLOW_START)) ||
        !lua_isnil(L, TL_SLOT_HOOK(TL_HOOK_FLOW_END)))
        return 1;
    int hooks[2] = {TL_HOOK_FILTER, TL_HOOK_PACKET};
    for (int i = 0; i < 2; i++) {
        if (lua_isnil(L, TL_SLOT_HOOK(hooks[i])))
            continue;
        lua_Debug ar;
        lua_pushvalue(L, TL_SLOT_HOOK(hooks[i]));
        lua_getinfo(L, ">u", &ar);
        if (ar.nparams >= 2 || ar.isvararg)
            return 1;
    }
    return 0;
}

/* Load the script and run init, once. Returns 0 or TL_EXIT_SCRIPT (reported). */
int tl_engine_start_script(struct tl_engine *e) {
    if (e->L)
        return e->script_failed ? TL_EXIT_SCRIPT : 0;
    char err[4400];
    int wfd = -1;
    if (e->dumper && strcmp(e->opt->wfile, "-") != 0)
        wfd = fileno(pcap_dump_file(e->dumper));
    const char *name = e->opt->script ? e->opt->script : "default.lua";
    if (e->opt->chroot_dir && tl_script_snapshot(e, name, err, sizeof(err)) < 0) {
        tl_out_flush(&e->out);
        fprintf(stderr, "tcplua: %s\n", err);
        return TL_EXIT_SCRIPT;
    }
    if (tl_privs_drop(e->opt->user, e->opt->chroot_dir, wfd, err, sizeof(err)) < 0) {
        tl_out_flush(&e->out);
        fprintf(stderr, "tcplua: %s\n", err);
        return 1;
    }
    int rc = tl_script_open(e, name, err, sizeof(err));
    if (rc == 0) {
        e->flows_on = wants_flows(e->L);
        if (e->flows_on)
            tl_flow_table_init(&e->flows, (size_t)e->opt->max_flows);
        rc = tl_engine_init_hook(e);
    } else {
        tl_out_flush(&e->out);
        fprintf(stderr, "tcplua: %s\n", err);
    }
    if (rc < 0) {
        e->script_failed = 1;
        return TL_EXIT_SCRIPT;
    }
    return 0;
}

/* file_start/file_end(name). Returns the Lua status. */
static int call_file_hook(struct tl_engine *e, int h, const char *name, const char *msg) {
    lua_State *L = e->L;
    if (lua_isnil(L, TL_SLOT_HOOK(h)))
        return LUA_OK;
    lua_pushvalue(L, TL_SLOT_HOOK(h));
    lua_pushstring(L, name);
    if (msg)
        lua_pushstring(L, msg);
    return protected_call(e, msg ? 2 : 1, 0);
}

/* An input that cannot be read: file_error(name, message) when the script has it (and the
 * run goes on), else tcpdump's message and status 1. */
static int input_error(struct tl_engine *e, const char *name, const char *msg) {
    tl_out_flush(&e->out);
    int st = tl_engine_start_script(e);
    if (st != 0)
        return st;
    if (!lua_isnil(e->L, TL_SLOT_HOOK(TL_HOOK_FILE_ERROR)))
        return call_file_hook(e, TL_HOOK_FILE_ERROR, name, msg) == LUA_OK ? 0 : TL_EXIT_SCRIPT;
    fprintf(stderr, "tcplua: %s\n", msg);
    return 1;
}

/* One input file from open to close. Returns 0 or an exit status. */
static int run_input(struct tl_engine *e, const char *name) {
    char err[PCAP_ERRBUF_SIZE + 256];
    if (tl_capture_open_file(e, name, err, sizeof(err)) < 0) {
        if (e->pcap) { /* opened, but the filter failed: tcpdump's error, whatever the script */
            tl_out_flush(&e->out);
            fprintf(stderr, "tcplua: %s\n", err);
            return 1;
        }
        return input_error(e, name, err);
    }
    int rotating = e->opt->file_size > 0; /* rotated files are made without root, as tcpdump's */
    if (!rotating && !e->dumper && tl_capture_open_dump(e, err, sizeof(err)) < 0) {
        fprintf(stderr, "tcplua: %s\n", err);
        return 1;
    }
    int st = tl_engine_start_script(e);
    if (st != 0)
        return st;
    if (rotating && !e->dumper && tl_capture_open_dump(e, err, sizeof(err)) < 0) {
        fprintf(stderr, "tcplua: %s\n", err);
        return 1;
    }
    if (call_file_hook(e, TL_HOOK_FILE_START, name, NULL) != LUA_OK)
        return TL_EXIT_SCRIPT;
    int status = 0;
    if (tl_engine_loop(e) < 0) {
        char msg[PCAP_ERRBUF_SIZE + 64];
        snprintf(msg, sizeof(msg), "pcap_loop: %s", pcap_geterr(e->pcap));
        status = input_error(e, name, msg);
    }
    if (e->flows_on && !e->script_failed && end_all_flows(e) < 0)
        return TL_EXIT_SCRIPT;
    if (!e->script_failed && call_file_hook(e, TL_HOOK_FILE_END, name, NULL) != LUA_OK)
        return TL_EXIT_SCRIPT;
    return e->script_failed ? TL_EXIT_SCRIPT : status;
}

/* Process every input in turn; returns 0 or the exit status. */
static int run_inputs(struct tl_engine *e) {
    struct tl_options *o = e->opt;
    int status = 0;
    for (int i = 0; i < o->ninputs && !loop_should_end(e); i++) {
        int st = run_input(e, o->inputs[i]);
        if (e->pcap) {
            pcap_close(e->pcap);
            e->pcap = NULL;
        }
        if (st == TL_EXIT_SCRIPT || st == 1)
            return st;
        if (st)
            status = st;
    }
    return status;
}

int tl_engine_run(struct tl_options *o) {
    struct tl_engine eng;
    struct tl_engine *e = &eng;
    memset(e, 0, sizeof(*e));
    e->opt = o;
    e->guard.timeout_ms = o->script_timeout_ms;
    e->guard.mem_limit = (size_t)o->script_memory_mb << 20;
    active_guard = &e->guard;
    tl_out_init(&e->out, STDOUT_FILENO);
    e->out.line_buffered = o->l;
    int tmode = o->tflags == 0   ? TL_T_DEFAULT
                : o->tflags == 1 ? TL_T_NONE
                : o->tflags == 2 ? TL_T_UNIX
                : o->tflags == 3 ? TL_T_DELTA
                : o->tflags == 4 ? TL_T_DATE
                                 : TL_T_SINCE;
    tl_timefmt_init(&e->tf, tmode, o->nano ? 9 : 6);
    tl_seqtrack_init(&e->seq);
    install_signals();
    if (o->hosts_file && !(e->hosts_fp = fopen(o->hosts_file, "r"))) {
        fprintf(stderr, "tcplua: %s: %s\n", o->hosts_file, strerror(errno));
        return 1;
    }

    int status;
    uint32_t dropped = 0;
    if (o->ninputs > 0) {
        status = run_inputs(e);
    } else {
        status = tl_capture_live(e, &dropped);
    }
    if (e->L && !e->script_failed && status != TL_EXIT_SCRIPT) {
        int rc = call_finish(e, dropped);
        if (rc >= 0 && !e->exit_requested && status == 0)
            status = rc;
    }
    if (e->exit_requested && !e->script_failed)
        status = e->exit_code;
    if (o->count_only && o->ninputs > 0 && status == 0) { /* --count: the number alone */
        char line[48];
        int n = snprintf(line, sizeof(line), "%llu packet%s\n", (unsigned long long)e->kept,
                         e->kept == 1 ? "" : "s");
        tl_out_bytes(&e->out, line, (size_t)n);
    }
    if (e->script_failed)
        status = TL_EXIT_SCRIPT;
    tl_out_flush(&e->out);
    if (e->out.failed) { /* e.g. `tcplua ... | head`: tcpdump's message and status */
        fprintf(stderr, "tcplua: Unable to write output: %s\n", strerror(e->out.errno_saved));
        status = TL_EXIT_WRITE;
    }
    if (e->dumper) {
        pcap_dump_close(e->dumper);
        e->dumper = NULL;
    }
    if (e->hosts_fp)
        fclose(e->hosts_fp);
    if (e->pcap)
        pcap_close(e->pcap);
    if (e->L)
        lua_close(e->L);
    tl_snapshot_free(&e->snap);
    tl_seqtrack_free(&e->seq);
    if (e->flows_on)
        tl_flow_table_free(&e->flows);
    tl_out_free(&e->out);
    return status;
}

int tl_engine_end_flows(struct tl_engine *e) { return end_all_flows(e); }
