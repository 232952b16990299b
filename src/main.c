/* tcplua's command line: tcpdump's options with tcpdump's meanings (GNU-style permutation),
 * plus -s SCRIPT, --arg and --hosts. Everything else happens in the engine. */
#include <errno.h>
#include <getopt.h>
#include <lua.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine.h"

enum {
    OPT_COUNT = 1000,
    OPT_CHROOT,
    OPT_IMMEDIATE,
    OPT_PRINT,
    OPT_TSPREC,
    OPT_MICRO,
    OPT_NANO,
    OPT_VERSION,
    OPT_ARG,
    OPT_HOSTS,
    OPT_LENGTHS,
    OPT_MAX_FLOWS,
    OPT_SCRIPT_TIMEOUT,
    OPT_SCRIPT_MEMORY,
};

static const char *const shortopts =
    "aAb:B:c:C:dDeE:fF:G:hHi:IjJKlLm:M:nNOpqQ:r:s:StT:uUvV:w:W:xXy:"
    "Yz:Z:#";
static const struct option longopts[] = {
    {"buffer-size", required_argument, NULL, 'B'},
    {"count", no_argument, NULL, OPT_COUNT},
    {"chroot", required_argument, NULL, OPT_CHROOT},
    {"direction", required_argument, NULL, 'Q'},
    {"help", no_argument, NULL, 'h'},
    {"interface", required_argument, NULL, 'i'},
    {"immediate-mode", no_argument, NULL, OPT_IMMEDIATE},
    {"list-interfaces", no_argument, NULL, 'D'},
    {"list-time-stamp-types", no_argument, NULL, 'J'},
    {"monitor-mode", no_argument, NULL, 'I'},
    {"number", no_argument, NULL, '#'},
    {"print", no_argument, NULL, OPT_PRINT},
    {"relinquish-privileges", required_argument, NULL, 'Z'},
    {"snapshot-length", required_argument, NULL, 's'},
    {"time-stamp-precision", required_argument, NULL, OPT_TSPREC},
    {"time-stamp-type", required_argument, NULL, 'j'},
    {"micro", no_argument, NULL, OPT_MICRO},
    {"nano", no_argument, NULL, OPT_NANO},
    {"version", no_argument, NULL, OPT_VERSION},
    {"lengths", no_argument, NULL, OPT_LENGTHS},
    {"arg", required_argument, NULL, OPT_ARG},
    {"hosts", required_argument, NULL, OPT_HOSTS},
    {"max-flows", required_argument, NULL, OPT_MAX_FLOWS},
    {"script-timeout", required_argument, NULL, OPT_SCRIPT_TIMEOUT},
    {"script-memory", required_argument, NULL, OPT_SCRIPT_MEMORY},
    {NULL, 0, NULL, 0},
};

static void print_version(FILE *fp) {
    fprintf(fp, "tcplua version %s\n%s\n%s\n", TL_VERSION, pcap_lib_version(), LUA_RELEASE);
}

static void usage(FILE *fp) {
    print_version(fp);
    fprintf(fp, "Usage: tcplua [-AdDefhIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ] [--count]\n"
                "\t\t[ -F file ] [ -i interface ] [ --immediate-mode ] [ --number ]\n"
                "\t\t[ --print ] [ -Q in|out|inout ] [ -r file ] [ -s script|snaplen ]\n"
                "\t\t[ --version ] [ -V file ] [ -w file ] [ -y datalinktype ]\n"
                "\t\t[ --time-stamp-precision precision ] [ --micro ] [ --nano ]\n"
                "\t\t[ -Z user ] [ --chroot dir ] [ --arg key=value ] [ --hosts file ]\n"
                "\t\t[ expression ]\n");
}

static void die(const char *fmt, const char *arg) {
    fprintf(stderr, "tcplua: ");
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    exit(1);
}

static void add_input(struct tl_options *o, const char *name) {
    if (o->ninputs == o->inputs_cap) {
        int cap = o->inputs_cap ? o->inputs_cap * 2 : 16;
        const char **n = realloc(o->inputs, (size_t)cap * sizeof(*n));
        if (!n)
            die("%s: out of memory", name);
        o->inputs = n;
        o->inputs_cap = cap;
    }
    o->inputs[o->ninputs++] = name;
}

/* -V FILE: one capture file name per line. */
static void read_list(struct tl_options *o, const char *name) {
    FILE *fp = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");
    if (!fp)
        die("Unable to open file: %s", name);
    char line[4096];
    while (fgets(line, sizeof(line), fp)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0])
            add_input(o, strdup(line));
    }
    if (fp != stdin)
        fclose(fp);
}

static int all_digits(const char *s) {
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

static void set_snaplen(struct tl_options *o, const char *arg) {
    char *end;
    long v = strtol(arg, &end, 0);
    if (*end || v < 0 || v > 262144) {
        fprintf(stderr, "tcplua: invalid snaplen %s (must be >= 0 and <= 262144)\n", arg);
        exit(1);
    }
    o->snaplen = (int)v;
    o->snaplen_set = 1;
}

static void list_devices(void) {
    pcap_if_t *devs = NULL;
    char ebuf[PCAP_ERRBUF_SIZE];
    if (pcap_findalldevs(&devs, ebuf) < 0)
        die("%s", ebuf);
    int i = 1;
    for (pcap_if_t *d = devs; d; d = d->next, i++) {
        printf("%d.%s", i, d->name);
        if (d->description)
            printf(" (%s)", d->description);
        const char *sep = "";
        printf(" [");
        if (!(d->flags & (PCAP_IF_UP | PCAP_IF_RUNNING | PCAP_IF_LOOPBACK | PCAP_IF_WIRELESS)))
            printf("none");
        static const struct {
            unsigned flag;
            const char *name;
        } names[] = {{PCAP_IF_UP, "Up"},
                     {PCAP_IF_RUNNING, "Running"},
                     {PCAP_IF_LOOPBACK, "Loopback"},
                     {PCAP_IF_WIRELESS, "Wireless"}};
        for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++)
            if (d->flags & names[k].flag) {
                printf("%s%s", sep, names[k].name);
                sep = ", ";
            }
        unsigned cs = d->flags & PCAP_IF_CONNECTION_STATUS;
        if (!(d->flags & PCAP_IF_WIRELESS)) {
            if (cs == PCAP_IF_CONNECTION_STATUS_CONNECTED)
                printf(", Connected");
            else if (cs == PCAP_IF_CONNECTION_STATUS_DISCONNECTED)
                printf(", Disconnected");
        }
        printf("]\n");
    }
    pcap_freealldevs(devs);
    exit(0);
}

/* getopt's own wording (which tcpdump shows), then the usage text; exits 1. */
static void bad_option(char **argv, int opt) {
    const char *arg = argv[optind - 1];
    if (strncmp(arg, "--", 2) == 0) {
        const char *eq = strchr(arg, '=');
        int n = eq ? (int)(eq - arg) : (int)strlen(arg);
        if (!opt)
            fprintf(stderr, "tcplua: unrecognized option '%s'\n", arg);
        else if (eq)
            fprintf(stderr, "tcplua: option '%.*s' doesn't allow an argument\n", n, arg);
        else
            fprintf(stderr, "tcplua: option '%s' requires an argument\n", arg);
    } else {
        const char *p = opt > 0 && opt < 256 ? strchr(shortopts, opt) : NULL;
        if (p && p[1] == ':')
            fprintf(stderr, "tcplua: option requires an argument -- '%c'\n", opt);
        else
            fprintf(stderr, "tcplua: invalid option -- '%c'\n", opt);
    }
    usage(stderr);
    exit(1);
}

/* -T: tcpdump 4.99's packet types, and those tcplua's printers know. */
static const char *const packet_types[] = {
    "aodv", "carp", "cnfp", "domain", "lmp",  "pgm", "pgm_zmtp1", "ptp", "radius", "resp", "rpc",
    "rtcp", "rtp",  "snmp", "someip", "tftp", "vat", "vxlan",     "wb",  "zmtp1",  NULL};
static const char *const printed_types[] = {"carp", "domain", "radius", "snmp",
                                            "tftp", "vxlan",  NULL};

static int in_list(const char *const *l, const char *s) {
    for (; *l; l++)
        if (strcmp(*l, s) == 0)
            return 1;
    return 0;
}

static void packet_type(struct tl_options *o, const char *t) {
    if (!in_list(packet_types, t)) {
        fprintf(stderr, "tcplua: unknown packet type `%s'\n", t);
        exit(1);
    }
    if (!in_list(printed_types, t)) {
        fprintf(stderr,
                "tcplua: packet type `%s' (-T) is not supported; supported: carp, domain, "
                "radius, snmp, tftp, vxlan\n",
                t);
        exit(1);
    }
    o->packet_type = t;
}

static void unsupported(int c) {
    fprintf(stderr, "tcplua: option -%c is not supported\n", c);
    exit(1);
}

/* Parse argv into o. Exits on usage errors, as tcpdump does. */
static void parse(struct tl_options *o, int argc, char **argv) {
    int c;
    opterr = 0; /* messages are ours, in tcpdump's wording */
    while ((c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        switch (c) {
        case 'A': o->A++; break;
        case 'B': o->buffer_size = atoi(optarg); break;
        case 'C': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v <= 0)
                die("invalid file size %s", optarg);
            o->file_size = v * 1000000L; /* tcpdump's unit: millions of bytes */
            break;
        }
        case 'W': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v <= 0)
                die("invalid number of output files %s", optarg);
            o->file_count = (int)v;
            break;
        }
        case 'c': {
            char *end;
            long v = strtol(optarg, &end, 0);
            if (*end || v <= 0)
                die("invalid packet count %s", optarg);
            o->count = v;
            break;
        }
        case 'd': o->d++; break;
        case 'D': o->Dflag = 1; break;
        case 'e': o->e = 1; break;
        case 'F': o->filter_file = optarg; break;
        case 'h': usage(stdout); exit(0);
        case 'i': o->iface = optarg; break;
        case 'K': o->K = 1; break;
        case 'l': o->l = 1; break;
        case 'L': o->Lflag = 1; break;
        case 'n': o->n++; break;
        case 'N': o->N = 1; break;
        case 'p': o->p = 1; break;
        case 'q': o->q++; break;
        case 'Q': o->direction = optarg; break;
        case 'r': add_input(o, optarg); break;
        case 's':
            if (all_digits(optarg) || (optarg[0] == '0' && optarg[1] == 'x'))
                set_snaplen(o, optarg);
            else
                o->script = optarg;
            break;
        case 'S': o->S = 1; break;
        case 't': o->tflags++; break;
        case 'U': o->U = 1; break;
        case 'v': o->v++; break;
        case 'V': o->list_file = optarg; break;
        case 'w': o->wfile = optarg; break;
        case 'x': o->x++; break;
        case 'X': o->X++; break;
        case 'y': o->linktype_name = optarg; break;
        case 'M': o->md5_secret = optarg; break;
        case 'Z': o->user = optarg; break;
        case 'T': packet_type(o, optarg); break;
        case '#': o->hash = 1; break;
        case OPT_COUNT: o->count_only = 1; break;
        case OPT_CHROOT: o->chroot_dir = optarg; break;
        case OPT_IMMEDIATE: o->immediate = 1; break;
        case OPT_PRINT: o->print = 1; break;
        case OPT_MICRO: o->nano = 0; break;
        case OPT_NANO: o->nano = 1; break;
        case OPT_TSPREC:
            if (strcmp(optarg, "micro") == 0)
                o->nano = 0;
            else if (strcmp(optarg, "nano") == 0)
                o->nano = 1;
            else
                die("unsupported time stamp precision %s", optarg);
            break;
        case OPT_VERSION: print_version(stdout); exit(0);
        case OPT_ARG: {
            char *eq = strchr(optarg, '=');
            if (!eq || eq == optarg)
                die("--arg %s: expected KEY=VALUE", optarg);
            if (o->nargs >= TL_MAX_ARGS)
                die("too many --arg options (at most %s)", "64");
            *eq = '\0';
            o->arg_keys[o->nargs] = optarg;
            o->arg_vals[o->nargs++] = eq + 1;
            break;
        }
        case OPT_HOSTS: o->hosts_file = optarg; break;
        case OPT_SCRIPT_TIMEOUT:
        case OPT_SCRIPT_MEMORY: {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v <= 0)
                die(c == OPT_SCRIPT_TIMEOUT ? "invalid script timeout %s (milliseconds)"
                                            : "invalid script memory limit %s (MB)",
                    optarg);
            if (c == OPT_SCRIPT_TIMEOUT)
                o->script_timeout_ms = v;
            else
                o->script_memory_mb = v;
            break;
        }
        case OPT_MAX_FLOWS: {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v <= 0)
                die("invalid flow limit %s", optarg);
            o->max_flows = v;
            break;
        }
        case '?': bad_option(argv, optopt); break;
        default: unsupported(c);
        }
    }
}

/* The filter: the words after the options, or -F's file. */
static void set_expression(struct tl_options *o, int argc, char **argv) {
    if (o->filter_file)
        return; /* read when the capture is open, as tcpdump does (tl_capture_filter) */
    size_t len = 0;
    for (int i = optind; i < argc; i++)
        len += strlen(argv[i]) + 1;
    if (!len)
        return;
    o->expression = calloc(1, len);
    for (int i = optind; i < argc; i++) {
        if (i > optind)
            strcat(o->expression, " ");
        strcat(o->expression, argv[i]);
    }
}

int main(int argc, char **argv) {
    static struct tl_options opt;
    parse(&opt, argc, argv);
    set_expression(&opt, argc, argv);
    if (opt.Dflag)
        list_devices();
    if (opt.list_file)
        read_list(&opt, opt.list_file);
    if (opt.Lflag)
        return tl_list_datalinks(&opt);
    if (opt.d)
        return tl_dump_filter(&opt);
    return tl_engine_run(&opt);
}
