/* Opening what the engine reads and writes: capture files (pcap and pcapng), live devices,
 * the BPF filter and the -w file, with tcpdump's stderr messages for each. */
#include "capture.h"

#include <errno.h>
#include <lua.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "script.h"

static void print_linktype(pcap_t *p, char *buf, size_t n) {
    int dlt = pcap_datalink(p);
    const char *name = pcap_datalink_val_to_name(dlt);
    const char *desc = pcap_datalink_val_to_description(dlt);
    if (name)
        snprintf(buf, n, "%s (%s)", name, desc ? desc : "");
    else
        snprintf(buf, n, "%d", dlt);
}

/* The filter of -F FILE: its text, '#' comments blanked out. Exits 1 when unreadable. */
static void read_filter_file(struct tl_options *o) {
    FILE *fp = fopen(o->filter_file, "r");
    if (!fp) {
        fprintf(stderr, "tcplua: can't open %s: %s\n", o->filter_file, strerror(errno));
        exit(1);
    }
    size_t cap = 4096, len = 0, k;
    char *buf = malloc(cap);
    while (buf && (k = fread(buf + len, 1, cap - len - 1, fp)) > 0) {
        len += k;
        if (len + 1 >= cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(fp);
    if (!buf) {
        fprintf(stderr, "tcplua: %s: out of memory\n", o->filter_file);
        exit(1);
    }
    buf[len] = '\0';
    for (char *p = buf; *p; p++)
        if (*p == '#')
            while (*p && *p != '\n')
                *p++ = ' ';
    o->expression = buf;
    o->filter_file = NULL;
}

/* Compile and install the filter (and -d dumping, handled by the caller). */
int tl_capture_filter(struct tl_engine *e, char *err, size_t errlen) {
    struct bpf_program prog;
    if (e->opt->filter_file)
        read_filter_file(e->opt);
    const char *expr = e->opt->expression ? e->opt->expression : "";
    if (pcap_compile(e->pcap, &prog, expr, 1, PCAP_NETMASK_UNKNOWN) < 0) {
        snprintf(err, errlen, "%s", pcap_geterr(e->pcap));
        return TL_ERR_USAGE;
    }
    if (pcap_setfilter(e->pcap, &prog) < 0) {
        snprintf(err, errlen, "%s", pcap_geterr(e->pcap));
        pcap_freecode(&prog);
        return TL_ERR_IO;
    }
    pcap_freecode(&prog);
    return 0;
}

/* pcap_open_offline_with_tstamp_precision, reading through a 1 MiB stdio buffer instead
 * of the default 4 KiB one (docs/design.md section 9). Same error text as libpcap's for a
 * file that cannot be opened. One input file is open at a time, so one buffer serves all
 * (glibc ignores setvbuf's size unless it is given the buffer). */
static char read_buf[1u << 20];

static pcap_t *open_offline(const char *name, unsigned prec, char *ebuf) {
    if (strcmp(name, "-") == 0)
        return pcap_open_offline_with_tstamp_precision(name, prec, ebuf);
    FILE *fp = fopen(name, "rb");
    if (!fp) {
        snprintf(ebuf, PCAP_ERRBUF_SIZE, "%s: %s", name, strerror(errno));
        return NULL;
    }
    setvbuf(fp, read_buf, _IOFBF, sizeof(read_buf));
    pcap_t *p = pcap_fopen_offline_with_tstamp_precision(fp, prec, ebuf);
    if (!p)
        fclose(fp);
    return p;
}

int tl_capture_open_file(struct tl_engine *e, const char *name, char *err, size_t errlen) {
    char ebuf[PCAP_ERRBUF_SIZE];
    ebuf[0] = '\0';
    e->pcap = open_offline(
        name, e->opt->nano ? PCAP_TSTAMP_PRECISION_NANO : PCAP_TSTAMP_PRECISION_MICRO, ebuf);
    if (!e->pcap) {
        snprintf(err, errlen, "%s", ebuf);
        return TL_ERR_IO;
    }
    e->cur_input = name;
    e->linktype = pcap_datalink(e->pcap);
    e->frame.prec = e->opt->nano ? 9 : 6;
    char lt[256];
    print_linktype(e->pcap, lt, sizeof(lt));
    fprintf(stderr, "reading from file %s, link-type %s, snapshot length %d\n", name, lt,
            pcap_snapshot(e->pcap));
    if (e->linktype == DLT_LINUX_SLL2) /* interface indexes are looked up on this host */
        fputs("Warning: interface names might be incorrect\n", stderr);
    return tl_capture_filter(e, err, errlen);
}

/* The name of output file number n: as given, or with -C/-W a number appended (zero-padded
 * to the digits of the -W count), as tcpdump names them. */
static void dump_name(const struct tl_options *o, int n, char *buf, size_t len) {
    int digits = 0;
    for (int x = o->file_count - 1; x > 0; x /= 10)
        digits++;
    if (n == 0 && digits == 0)
        snprintf(buf, len, "%s", o->wfile);
    else
        snprintf(buf, len, "%s%0*d", o->wfile, digits, n);
}

int tl_capture_open_dump(struct tl_engine *e, char *err, size_t errlen) {
    if (!e->opt->wfile)
        return 0;
    char name[4200];
    dump_name(e->opt, e->dump_index, name, sizeof(name));
    e->dumper = pcap_dump_open(e->pcap, name);
    if (!e->dumper) {
        snprintf(err, errlen, "%s", pcap_geterr(e->pcap));
        return TL_ERR_IO;
    }
    return 0;
}

/* The device tcpdump would pick: the first one pcap_findalldevs() lists. */
static int default_device(char *out, size_t n, char *err, size_t errlen) {
    pcap_if_t *devs = NULL;
    char ebuf[PCAP_ERRBUF_SIZE];
    if (pcap_findalldevs(&devs, ebuf) < 0) {
        snprintf(err, errlen, "%s", ebuf);
        return TL_ERR_IO;
    }
    if (!devs) {
        snprintf(err, errlen, "no interfaces available for capture");
        return TL_ERR_IO;
    }
    snprintf(out, n, "%s", devs->name);
    pcap_freealldevs(devs);
    return 0;
}

/* -i NUMBER names the NUMBER-th device of -D's list. */
static void device_by_index(const char *arg, char *out, size_t n) {
    char *end;
    long idx = strtol(arg, &end, 10);
    snprintf(out, n, "%s", arg);
    if (*end || idx <= 0)
        return;
    pcap_if_t *devs = NULL;
    char ebuf[PCAP_ERRBUF_SIZE];
    if (pcap_findalldevs(&devs, ebuf) < 0)
        return;
    long i = 1;
    for (pcap_if_t *d = devs; d; d = d->next, i++)
        if (i == idx)
            snprintf(out, n, "%s", d->name);
    pcap_freealldevs(devs);
}

static int activate(struct tl_engine *e, const char *dev, char *err, size_t errlen) {
    char ebuf[PCAP_ERRBUF_SIZE];
    const struct tl_options *o = e->opt;
    e->pcap = pcap_create(dev, ebuf);
    if (!e->pcap) {
        snprintf(err, errlen, "%s", ebuf);
        return TL_ERR_IO;
    }
    pcap_set_snaplen(e->pcap, o->snaplen_set && o->snaplen > 0 ? o->snaplen : 262144);
    pcap_set_promisc(e->pcap, !o->p);
    pcap_set_timeout(e->pcap, 1000);
    if (o->immediate)
        pcap_set_immediate_mode(e->pcap, 1);
    if (o->buffer_size > 0)
        pcap_set_buffer_size(e->pcap, o->buffer_size * 1024);
    if (o->nano)
        pcap_set_tstamp_precision(e->pcap, PCAP_TSTAMP_PRECISION_NANO);
    int st = pcap_activate(e->pcap);
    if (st < 0) {
        const char *cp = pcap_geterr(e->pcap);
        if (st == PCAP_ERROR)
            snprintf(err, errlen, "%s", cp);
        else if ((st == PCAP_ERROR_NO_SUCH_DEVICE || st == PCAP_ERROR_PERM_DENIED) && *cp)
            snprintf(err, errlen, "%s: %s\n(%s)", dev, pcap_statustostr(st), cp);
        else
            snprintf(err, errlen, "%s: %s", dev, pcap_statustostr(st));
        return TL_ERR_IO;
    }
    if (st > 0)
        fprintf(stderr, "tcplua: %s: %s\n", dev, pcap_geterr(e->pcap));
    if (o->linktype_name) {
        int dlt = pcap_datalink_name_to_val(o->linktype_name);
        if (dlt < 0 || pcap_set_datalink(e->pcap, dlt) < 0) {
            snprintf(err, errlen, "invalid data link type %s", o->linktype_name);
            return TL_ERR_USAGE;
        }
    }
    if (o->direction) {
        pcap_direction_t d = strcmp(o->direction, "in") == 0    ? PCAP_D_IN
                             : strcmp(o->direction, "out") == 0 ? PCAP_D_OUT
                                                                : PCAP_D_INOUT;
        if (pcap_setdirection(e->pcap, d) < 0) {
            snprintf(err, errlen, "%s", pcap_geterr(e->pcap));
            return TL_ERR_IO;
        }
    }
    return 0;
}

static void plural(const char *what, unsigned long n) {
    fprintf(stderr, "%lu packet%s %s\n", n, n == 1 ? "" : "s", what);
}

int tl_capture_live(struct tl_engine *e, uint32_t *dropped) {
    char err[PCAP_ERRBUF_SIZE + 512], dev[256];
    const struct tl_options *o = e->opt;
    if (o->iface)
        device_by_index(o->iface, dev, sizeof(dev));
    else if (default_device(dev, sizeof(dev), err, sizeof(err)) < 0)
        goto fail;
    if (activate(e, dev, err, sizeof(err)) < 0 || tl_capture_filter(e, err, sizeof(err)) < 0 ||
        tl_capture_open_dump(e, err, sizeof(err)) < 0)
        goto fail;
    e->linktype = pcap_datalink(e->pcap);
    e->frame.prec = o->nano ? 9 : 6;
    snprintf(e->iface_name, sizeof(e->iface_name), "%s", dev);
    int st = tl_engine_start_script(e);
    if (st != 0)
        return st;
    if (!o->v && !o->wfile)
        fprintf(stderr, "tcplua: verbose output suppressed, use -v[v]... for full protocol "
                        "decode\n");
    else
        fprintf(stderr, "tcplua: "); /* tcpdump names itself when it says nothing else */
    char lt[256];
    print_linktype(e->pcap, lt, sizeof(lt));
    fprintf(stderr, "listening on %s, link-type %s, snapshot length %d bytes\n", dev, lt,
            pcap_snapshot(e->pcap));
    int status = 0;
    if (tl_engine_loop(e) < 0) {
        tl_out_flush(&e->out);
        fprintf(stderr, "tcplua: pcap_loop: %s\n", pcap_geterr(e->pcap));
        status = 1;
    }
    if (tl_engine_end_flows(e) < 0)
        status = TL_EXIT_SCRIPT;
    struct pcap_stat ps;
    tl_out_flush(&e->out);
    if (pcap_stats(e->pcap, &ps) == 0) {
        plural("captured", (unsigned long)e->kept);
        plural("received by filter", ps.ps_recv);
        plural("dropped by kernel", ps.ps_drop);
        if (ps.ps_ifdrop)
            plural("dropped by interface", ps.ps_ifdrop);
        *dropped = ps.ps_drop;
    }
    return status;
fail:
    fprintf(stderr, "tcplua: %s\n", err);
    return 1;
}

/* -d/-dd/-ddd: print the compiled filter the way tcpdump does, then exit. */
int tl_dump_filter(struct tl_options *o) {
    char ebuf[PCAP_ERRBUF_SIZE];
    pcap_t *p;
    if (o->ninputs > 0) {
        p = pcap_open_offline(o->inputs[0], ebuf);
        if (!p) {
            fprintf(stderr, "tcplua: %s\n", ebuf);
            return 1;
        }
        char lt[256];
        print_linktype(p, lt, sizeof(lt));
        fprintf(stderr, "reading from file %s, link-type %s, snapshot length %d\n", o->inputs[0],
                lt, pcap_snapshot(p));
    } else {
        if (!o->linktype_name)
            fputs("Warning: assuming Ethernet\n", stderr);
        int dlt = o->linktype_name ? pcap_datalink_name_to_val(o->linktype_name) : DLT_EN10MB;
        if (dlt < 0) {
            fprintf(stderr, "tcplua: invalid data link type %s\n", o->linktype_name);
            return 1;
        }
        p = pcap_open_dead(dlt, o->snaplen_set && o->snaplen ? o->snaplen : 262144);
    }
    struct bpf_program prog;
    if (o->filter_file)
        read_filter_file(o);
    if (pcap_compile(p, &prog, o->expression ? o->expression : "", 1, PCAP_NETMASK_UNKNOWN) < 0) {
        fprintf(stderr, "tcplua: %s\n", pcap_geterr(p));
        pcap_close(p);
        return 1;
    }
    bpf_dump(&prog, o->d);
    pcap_freecode(&prog);
    pcap_close(p);
    return 0;
}

/* -C: before writing a packet, start the next file when this one is full. */
int tl_capture_rotate(struct tl_engine *e, char *err, size_t errlen) {
    if (!e->opt->file_size || !e->dumper || pcap_dump_ftell(e->dumper) <= e->opt->file_size)
        return 0;
    pcap_dump_close(e->dumper);
    e->dumper = NULL;
    e->dump_index++;
    if (e->opt->file_count && e->dump_index >= e->opt->file_count)
        e->dump_index = 0;
    return tl_capture_open_dump(e, err, errlen);
}

/* -L: the data link types the device offers, as tcpdump lists them (on stderr). */
int tl_list_datalinks(struct tl_options *o) {
    char err[PCAP_ERRBUF_SIZE + 512], dev[256];
    struct tl_engine tmp;
    memset(&tmp, 0, sizeof(tmp));
    tmp.opt = o;
    if (o->iface)
        device_by_index(o->iface, dev, sizeof(dev));
    else if (default_device(dev, sizeof(dev), err, sizeof(err)) < 0)
        goto fail;
    if (activate(&tmp, dev, err, sizeof(err)) < 0)
        goto fail;
    int *dlts = NULL;
    int n = pcap_list_datalinks(tmp.pcap, &dlts);
    if (n < 0) {
        snprintf(err, sizeof(err), "%s", pcap_geterr(tmp.pcap));
        goto fail;
    }
    fprintf(stderr, "Data link types for %s (use option -y to set):\n", dev);
    for (int i = 0; i < n; i++) {
        const char *name = pcap_datalink_val_to_name(dlts[i]);
        if (name) {
            const char *desc = pcap_datalink_val_to_description(dlts[i]);
            fprintf(stderr, "  %s (%s)%s\n", name, desc ? desc : "",
                    tl_linktype_supported(dlts[i]) ? "" : " (printing not supported)");
        } else {
            fprintf(stderr, "  DLT %d (printing not supported)\n", dlts[i]);
        }
    }
    pcap_free_datalinks(dlts);
    pcap_close(tmp.pcap);
    return 0;
fail:
    if (tmp.pcap)
        pcap_close(tmp.pcap);
    fprintf(stderr, "tcplua: %s\n", err);
    return 1;
}
