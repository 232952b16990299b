/* tcplua command-line options, parsed by main.c and read by the engine and the Lua
 * bindings (tcplua.opt). Field names follow tcpdump's flags. */
#ifndef TL_OPTIONS_H
#define TL_OPTIONS_H

#include <stdint.h>

#define TL_MAX_ARGS 64

enum tl_tmode { TL_T_DEFAULT = 0, TL_T_NONE, TL_T_UNIX, TL_T_DELTA, TL_T_DATE, TL_T_SINCE };

struct tl_options {
    const char *script;  /* -s NAME (NULL: default.lua) */
    const char **inputs; /* -r FILE and -V's list, in order (grown as needed) */
    int ninputs, inputs_cap;
    const char *list_file;     /* -V FILE */
    const char *iface;         /* -i */
    const char *wfile;         /* -w */
    const char *filter_file;   /* -F */
    const char *hosts_file;    /* --hosts */
    const char *user;          /* -Z */
    const char *chroot_dir;    /* --chroot */
    const char *packet_type;   /* -T */
    const char *linktype_name; /* -y */
    const char *direction;     /* -Q */
    const char *md5_secret;    /* -M: TCP-MD5 (RFC 2385) shared secret */
    char *expression;          /* BPF filter text (malloc'd) */
    const char *arg_keys[TL_MAX_ARGS], *arg_vals[TL_MAX_ARGS];
    int nargs;
    long count;  /* -c, 0 = unlimited */
    int snaplen; /* -s N / --snapshot-length, 0 = default */
    int snaplen_set;
    int n, N, e, q, S, K, U, l, p, v, x, X, A, d, hash, print, Dflag, Lflag;
    int tflags; /* number of -t */
    int nano;   /* --nano / --time-stamp-precision=nano */
    int immediate;
    int buffer_size;        /* -B KiB */
    int count_only;         /* --count */
    long max_flows;         /* --max-flows, 0 = unbounded */
    long file_size;         /* -C, in bytes; 0 = no rotation */
    int file_count;         /* -W */
    long script_timeout_ms; /* --script-timeout, 0 = none */
    long script_memory_mb;  /* --script-memory, 0 = none */
};

#endif
