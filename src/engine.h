/* tcplua engine: the capture loop, the Lua hooks and the per-packet frame that the Lua
 * packet values look at. One engine per run. */
#ifndef TL_ENGINE_H
#define TL_ENGINE_H

#include <pcap/pcap.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>

#include "flow.h"
#include "guard.h"
#include "options.h"
#include "output.h"
#include "seqtrack.h"
#include "snapshot.h"
#include "tcplua/packet.h"
#include "timefmt.h"

struct lua_State;

/* Error codes of setup functions (negative); exit statuses as tcpdump uses them. */
#define TL_ERR_USAGE (-1)
#define TL_ERR_IO (-2)
#define TL_ERR_SCRIPT (-3)
#define TL_EXIT_SCRIPT 3 /* a script failed to load or raised an error */
#define TL_EXIT_WRITE 14 /* standard output could not be written (tcpdump's status) */

/* One packet as the Lua side sees it. `gen` changes whenever the frame is reused, so a
 * packet value kept past its hook can tell it is stale. */
struct tl_frame {
    const uint8_t *data;
    uint32_t caplen, len;
    int64_t sec;
    uint32_t frac; /* micro- or nanoseconds */
    uint8_t prec;  /* 6 or 9 */
    uint64_t num;  /* 1-based among packets that passed BPF */
    uint64_t gen;
    int rel_done; /* relative seq/ack computed for this packet */
    uint32_t rseq, rack;
    int rnew; /* this segment opened (or restarted) its entry in the sequence table */
    struct tl_packet dec;
};

struct tl_engine {
    struct tl_options *opt;
    struct tl_output out;
    struct lua_State *L;
    int ref_init, ref_filter, ref_packet, ref_finish, ref_msgh, ref_names;
    pcap_t *pcap;
    pcap_dumper_t *dumper;
    int dump_index; /* -C/-W: number of the current output file */
    int linktype;
    const char *cur_input;
    char iface_name[256]; /* live capture: the device */
    struct tl_frame frame;
    uint64_t gen;
    uint64_t received, kept;
    struct tl_timefmt tf;
    struct tl_seqtrack seq;
    struct tl_flow_table flows;
    int flows_on;               /* the script uses flows: track them */
    struct tl_flow_hit cur_hit; /* the current packet's flow */
    struct tl_guard guard;      /* the script's time and memory limits */
    int exit_code;              /* set by tcplua.exit() or finish() */
    int exit_requested;
    int script_failed;
    FILE *hosts_fp; /* --hosts, opened at start-up, read when the script loads */
    char script_path[4096];
    char luadir[4096];
    struct tl_snapshot snap; /* --chroot: the script and modules, read before the chroot */
};

extern volatile sig_atomic_t tl_stop_signal;

/* Run everything the options ask for; returns the process exit status. */
int tl_engine_run(struct tl_options *opt);
/* -d: print the compiled filter and return the exit status (capture.c). */
int tl_dump_filter(struct tl_options *opt);
/* -L: list the device's data link types and return the exit status (capture.c). */
int tl_list_datalinks(struct tl_options *opt);

/* Lua bindings (lpkt.c, ltcplua.c). */
void tl_lpkt_register(struct lua_State *L);
void tl_lpkt_push(struct lua_State *L, struct tl_frame *f);
int tl_luaopen_tcplua(struct lua_State *L);
/* stack: -> table of the command-line options (tcplua.opt) */
void tl_push_opt_table(struct lua_State *L, const struct tl_options *o);
struct tl_engine *tl_engine_from(struct lua_State *L);
/* The engine of a tcplua module function, which holds it as upvalue 1 (ltcplua.c,
 * lfastpath.c): no registry lookup per call. Needs lua.h. */
#define TL_ENG(L) ((struct tl_engine *)lua_touserdata((L), lua_upvalueindex(1)))
void tl_frame_relseq(struct tl_engine *eng, struct tl_frame *f);
void tl_lflow_register(struct lua_State *L);
void tl_lflow_push(struct lua_State *L, struct tl_flow *f);
void tl_lflow_release(struct lua_State *L, struct tl_flow *f);

#endif
