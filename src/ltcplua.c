/* The `tcplua` Lua module: hot primitives for printers (appending to the output buffer,
 * timestamps, names, hex dumps) and the script's handles on the run (-w, exit status).
 * Every function holds the engine as upvalue 1, so no registry lookup per call. */
#include <arpa/inet.h>
#include <lauxlib.h>
#include <lua.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "engine.h"
#include "hexdump.h"
#include "lfastpath.h"
#include "lpkt_fields.h"

/* tcplua.out(...): append strings and integers. */
static int l_tcplua_out(lua_State *L) {
    struct tl_engine *e = TL_ENG(L);
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        if (lua_type(L, i) == LUA_TNUMBER && lua_isinteger(L, i)) {
            tl_out_int(&e->out, lua_tointeger(L, i));
        } else {
            size_t len;
            const char *s = lua_tolstring(L, i, &len);
            if (!s)
                return luaL_error(L, "tcplua.out: argument %d is a %s, not a string", i,
                                  luaL_typename(L, i));
            tl_out_bytes(&e->out, s, len);
        }
    }
    return 0;
}

/* tcplua.ts(pkt) -> timestamp prefix text */
static int l_tcplua_ts(lua_State *L) {
    struct tl_engine *e = TL_ENG(L);
    struct tl_frame *f = tl_lpkt_frame(L, 1);
    char buf[96];
    size_t n = tl_timefmt_format(&e->tf, f->sec, f->frac, buf);
    lua_pushlstring(L, buf, n);
    return 1;
}

/* Resolve an address text to a name: --hosts file, then the system resolver. */
static void resolve(lua_State *L, struct tl_engine *e, const char *addr) {
    /* stack: -> name */
    lua_rawgeti(L, LUA_REGISTRYINDEX, e->ref_names);
    if (lua_getfield(L, -1, addr) == LUA_TSTRING) {
        lua_remove(L, -2);
        return;
    }
    lua_pop(L, 2);
    struct sockaddr_storage ss;
    socklen_t sl;
    memset(&ss, 0, sizeof(ss));
    if (inet_pton(AF_INET, addr, &((struct sockaddr_in *)&ss)->sin_addr) == 1) {
        ss.ss_family = AF_INET;
        sl = sizeof(struct sockaddr_in);
    } else if (inet_pton(AF_INET6, addr, &((struct sockaddr_in6 *)&ss)->sin6_addr) == 1) {
        ss.ss_family = AF_INET6;
        sl = sizeof(struct sockaddr_in6);
    } else {
        lua_pushstring(L, addr);
        return;
    }
    char host[NI_MAXHOST];
    if (getnameinfo((struct sockaddr *)&ss, sl, host, sizeof(host), NULL, 0, NI_NAMEREQD) == 0)
        lua_pushstring(L, host);
    else
        lua_pushstring(L, addr);
}

/* tcplua.host(addr) -> name (cached), or addr under -n. Upvalue 2: cache table. */
static int l_tcplua_host(lua_State *L) {
    struct tl_engine *e = TL_ENG(L);
    const char *addr = luaL_checkstring(L, 1);
    if (e->opt->n) {
        lua_settop(L, 1);
        return 1;
    }
    lua_pushvalue(L, 1);
    if (lua_rawget(L, lua_upvalueindex(2)) == LUA_TSTRING)
        return 1;
    lua_pop(L, 1);
    resolve(L, e, addr);
    if (e->opt->N) { /* -N: drop the domain part */
        const char *s = lua_tostring(L, -1);
        const char *dot = strchr(s, '.');
        if (dot && strcmp(s, addr) != 0) {
            lua_pushlstring(L, s, (size_t)(dot - s));
            lua_remove(L, -2);
        }
    }
    lua_pushvalue(L, 1);
    lua_pushvalue(L, -2);
    lua_rawset(L, lua_upvalueindex(2));
    return 1;
}

/* tcplua.port(port, proto) -> service name or number text. Upvalue 2: cache table. */
static int l_tcplua_port(lua_State *L) {
    struct tl_engine *e = TL_ENG(L);
    lua_Integer port = luaL_checkinteger(L, 1);
    const char *proto = luaL_optstring(L, 2, "tcp");
    if (e->opt->n) {
        lua_pushfstring(L, "%d", (int)port);
        return 1;
    }
    lua_Integer key = port * 4 + (proto[0] == 'u' ? 1 : 0);
    if (lua_rawgeti(L, lua_upvalueindex(2), key) == LUA_TSTRING)
        return 1;
    lua_pop(L, 1);
    struct servent *se = getservbyport(htons((uint16_t)port), proto);
    if (se)
        lua_pushstring(L, se->s_name);
    else
        lua_pushfstring(L, "%d", (int)port);
    lua_pushvalue(L, -1);
    lua_rawseti(L, lua_upvalueindex(2), key);
    return 1;
}

/* tcplua.hexdump(pkt [, from_off [, "X"]]): append the -x/-X/-A dump, starting after the
 * link header (or at from_off); -xx/-XX/-AA dump from byte 0. With "X", a hex and ASCII dump
 * from from_off whatever the options (tcpdump's dump of an unsupported link type). */
static int l_tcplua_hexdump(lua_State *L) {
    struct tl_engine *e = TL_ENG(L);
    struct tl_frame *f = tl_lpkt_frame(L, 1);
    const struct tl_options *o = e->opt;
    if (lua_type(L, 3) == LUA_TSTRING) {
        lua_Integer from = luaL_checkinteger(L, 2);
        if (strcmp(lua_tostring(L, 3), "X") != 0)
            return luaL_argerror(L, 3, "\"X\" expected");
        if (from >= 0 && (uint64_t)from < f->caplen)
            tl_hex_ascii(&e->out, f->data + from, f->caplen - (uint32_t)from);
        return 0;
    }
    int level = o->X ? o->X : o->x ? o->x : o->A;
    if (!level)
        return 0;
    uint32_t hdr = 0;
    int st = f->dec.stop_layer;
    if (st == TL_LAYER_ETH || st == TL_LAYER_SLL || st == TL_LAYER_NULL || st == TL_LAYER_VLAN)
        hdr = f->caplen;
    else
        hdr = f->dec.net_off;
    if (!lua_isnoneornil(L, 2))
        hdr = (uint32_t)luaL_checkinteger(L, 2);
    const uint8_t *p = f->data;
    uint32_t n = f->caplen;
    if (level < 2) {
        if (f->caplen <= hdr)
            return 0;
        p += hdr;
        n -= hdr;
    }
    if (o->X)
        tl_hex_ascii(&e->out, p, n);
    else if (o->x)
        tl_hex(&e->out, p, n);
    else
        tl_ascii(&e->out, p, n);
    return 0;
}

/* Dotted-quad strings of recently seen IPv4 addresses, so the two addresses of a packet
 * are usually a table read rather than formatting and interning a new string. The cache is
 * a Lua table keyed by the address as an integer (upvalue 2 of iphdr), dropped and started
 * again when it holds IP4_CACHE_MAX entries. */
#define IP4_CACHE_MAX 8192
static int ip4_cache_n;

static void push_ip4_cached(lua_State *L, const uint8_t *a) {
    /* stack: -> text */
    lua_Integer key = (lua_Integer)a[0] << 24 | a[1] << 16 | a[2] << 8 | a[3];
    if (lua_rawgeti(L, lua_upvalueindex(2), key) == LUA_TSTRING)
        return;
    lua_pop(L, 1);
    if (++ip4_cache_n > IP4_CACHE_MAX) {
        lua_newtable(L);
        lua_replace(L, lua_upvalueindex(2));
        ip4_cache_n = 1;
    }
    tl_push_ip4(L, a);
    lua_pushvalue(L, -1);
    lua_rawseti(L, lua_upvalueindex(2), key);
}

/* tcplua.iphdr(pkt) -> off, hlen, tot_len, proto, frag_off, mf, df, rf, tos, ttl, id, src,
 * dst, caplen: the IPv4 header in one call (printers read all of it for every packet) and
 * the packet's caplen, or nil when the packet has no complete IPv4 header. */
static int l_tcplua_iphdr(lua_State *L) {
    struct tl_frame *f = tl_lpkt_frame(L, 1);
    const struct tl_ip *ip = &f->dec.ip;
    if (!TL_HAS(&f->dec, TL_LAYER_IP) || ip->version != 4 || f->caplen < ip->span.off + 20)
        return 0;
    lua_pushinteger(L, ip->span.off);
    lua_pushinteger(L, ip->ihl * 4);
    lua_pushinteger(L, ip->tot_len);
    lua_pushinteger(L, ip->proto);
    lua_pushinteger(L, ip->frag_off);
    lua_pushboolean(L, ip->mf);
    lua_pushboolean(L, ip->df);
    lua_pushboolean(L, ip->rf);
    lua_pushinteger(L, ip->tos);
    lua_pushinteger(L, ip->ttl);
    lua_pushinteger(L, ip->id);
    push_ip4_cached(L, ip->src);
    push_ip4_cached(L, ip->dst);
    lua_pushinteger(L, f->caplen);
    return 14;
}

/* tcplua.frame(pkt) -> caplen, len, linktype: three pkt fields in one call. */
static int l_tcplua_frame(lua_State *L) {
    struct tl_frame *f = tl_lpkt_frame(L, 1);
    lua_pushinteger(L, f->caplen);
    lua_pushinteger(L, f->len);
    lua_pushinteger(L, f->dec.linktype);
    return 3;
}

/* tcplua.ethtype(pkt [, addrs]) -> type [, src, dst]: the Ethernet header's type/length
 * field (and with addrs the two MAC addresses as text), or nil when the packet has no
 * complete Ethernet header: pkt.eth.type etc. when pkt.eth.status is "ok". */
static int l_tcplua_ethtype(lua_State *L) {
    struct tl_frame *f = tl_lpkt_frame(L, 1);
    if (!TL_HAS(&f->dec, TL_LAYER_ETH) || f->dec.eth.span.status != TL_OK)
        return 0;
    lua_pushinteger(L, f->dec.eth.type);
    if (!lua_toboolean(L, 2))
        return 1;
    tl_push_mac(L, f->dec.eth.src, 6);
    tl_push_mac(L, f->dec.eth.dst, 6);
    return 3;
}

/* tcplua.tcphdr(pkt) -> sport, dport, hlen, flags, flagstr, seq, ack, win, urp, cksum, or
 * nil when the packet has no complete fixed TCP header. */
static int l_tcplua_tcphdr(lua_State *L) {
    static const char letters[] = "FSRP.UEW";
    struct tl_frame *f = tl_lpkt_frame(L, 1);
    const struct tl_tcp *t = &f->dec.tcp;
    if (!TL_HAS(&f->dec, TL_LAYER_TCP) || f->caplen < t->span.off + 20)
        return 0;
    lua_pushinteger(L, t->sport);
    lua_pushinteger(L, t->dport);
    lua_pushinteger(L, t->doff * 4);
    lua_pushinteger(L, t->flags);
    char fs[8];
    int n = 0;
    for (int b = 0; b < 8; b++)
        if (t->flags & (1u << b))
            fs[n++] = letters[b];
    if (n)
        lua_pushlstring(L, fs, (size_t)n);
    else
        lua_pushliteral(L, "none");
    lua_pushinteger(L, t->seq);
    lua_pushinteger(L, t->ack);
    lua_pushinteger(L, t->win);
    lua_pushinteger(L, t->urp);
    lua_pushinteger(L, t->cksum);
    return 10;
}

/* tcplua.relseq(pkt) -> rseq, rack, rnew: tcp.rseq, tcp.rack and tcp.rnew in one call. */
static int l_tcplua_relseq(lua_State *L) {
    struct tl_engine *e = TL_ENG(L);
    struct tl_frame *f = tl_lpkt_frame(L, 1);
    if (!TL_HAS(&f->dec, TL_LAYER_TCP) || f->dec.tcp.span.have < 14)
        return 0;
    tl_frame_relseq(e, f);
    lua_pushinteger(L, f->rseq);
    lua_pushinteger(L, f->rack);
    lua_pushboolean(L, f->rnew);
    return 3;
}

/* tcplua.nottext(s [, i]) -> the index of the first byte from i (default 1) that is not
 * printable ASCII or a tab, or nil: string.find(s, "[^\t\32-\126]", i) without the
 * pattern matcher's per-byte cost (the text printers scan whole messages under -v). */
static int l_tcplua_nottext(lua_State *L) {
    size_t n;
    const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &n);
    lua_Integer i = luaL_optinteger(L, 2, 1);
    for (size_t k = i > 0 ? (size_t)i - 1 : 0; k < n; k++) {
        unsigned c = s[k];
        if (c != 9 && (c < 32 || c > 126)) {
            lua_pushinteger(L, (lua_Integer)k + 1);
            return 1;
        }
    }
    return 0;
}

/* tcplua.outsub(prefix, s, i, j): append prefix and s:sub(i, j) (string.sub's index rules)
 * without making the substring a Lua string (the text printers print line after line). */
static int l_tcplua_outsub(lua_State *L) {
    struct tl_engine *e = TL_ENG(L);
    size_t pn, n;
    const char *prefix = luaL_checklstring(L, 1, &pn);
    const char *s = luaL_checklstring(L, 2, &n);
    lua_Integer i = luaL_checkinteger(L, 3), j = luaL_optinteger(L, 4, -1);
    if (i < 0)
        i = (lua_Integer)n + i + 1 > 0 ? (lua_Integer)n + i + 1 : 1;
    else if (i == 0)
        i = 1;
    if (j < 0)
        j = (lua_Integer)n + j + 1;
    else if (j > (lua_Integer)n)
        j = (lua_Integer)n;
    tl_out_bytes(&e->out, prefix, pn);
    if (i <= j)
        tl_out_bytes(&e->out, s + i - 1, (size_t)(j - i + 1));
    return 0;
}

/* tcplua.cksum(pkt, layer) -> ok, good: whether the checksum of the layer ("ip", "tcp",
 * "udp", "icmp", "icmp6") is right (nil when it cannot be checked) and the value it should
 * have: tcp.cksum_ok and tcp.cksum_good in one call. */
static int l_tcplua_cksum(lua_State *L) {
    struct tl_frame *f = tl_lpkt_frame(L, 1);
    const char *name = luaL_checkstring(L, 2);
    struct tl_packet *d = &f->dec;
    if (!(d->decode_flags & TL_DECODE_CKSUM))
        tl_decode_ex(d, d->linktype, f->data, f->caplen, f->len, TL_DECODE_CKSUM);
    int checked, layer;
    uint16_t calc, good;
    if (strcmp(name, "tcp") == 0) {
        layer = TL_LAYER_TCP, checked = d->tcp.cksum_checked, calc = d->tcp.cksum_calc;
        good = d->tcp.cksum_good;
    } else if (strcmp(name, "udp") == 0) {
        layer = TL_LAYER_UDP, checked = d->udp.cksum_checked, calc = d->udp.cksum_calc;
        good = d->udp.cksum_good;
    } else if (strcmp(name, "ip") == 0) {
        layer = TL_LAYER_IP, checked = d->ip.cksum_checked, calc = d->ip.cksum_calc;
        good = d->ip.cksum_good;
    } else if (strcmp(name, "icmp") == 0) {
        layer = TL_LAYER_ICMP, checked = d->icmp.cksum_checked, calc = d->icmp.cksum_calc;
        good = d->icmp.cksum_good;
    } else if (strcmp(name, "icmp6") == 0) {
        layer = TL_LAYER_ICMP6, checked = d->icmp6.cksum_checked, calc = d->icmp6.cksum_calc;
        good = d->icmp6.cksum_good;
    } else {
        return luaL_argerror(L, 2, "ip, tcp, udp, icmp or icmp6");
    }
    if (!TL_HAS(d, layer) || !checked)
        return 0;
    lua_pushboolean(L, calc == 0);
    lua_pushinteger(L, good);
    return 2;
}

/* tcplua.put_ts(pkt): append the timestamp prefix (tcplua.ts without the string). */
static int l_tcplua_put_ts(lua_State *L) {
    struct tl_engine *e = TL_ENG(L);
    struct tl_frame *f = tl_lpkt_frame(L, 1);
    char *p = tl_out_reserve(&e->out, 96);
    if (p)
        e->out.len += tl_timefmt_format(&e->tf, f->sec, f->frac, p);
    return 0;
}

/* tcplua.write(pkt): write the packet to the -w file. */
static int l_tcplua_write(lua_State *L) {
    struct tl_engine *e = TL_ENG(L);
    struct tl_frame *f = tl_lpkt_frame(L, 1);
    if (!e->dumper)
        return luaL_error(L, "tcplua.write: no -w file");
    struct pcap_pkthdr h;
    h.ts.tv_sec = (time_t)f->sec;
    h.ts.tv_usec = (suseconds_t)f->frac; /* libpcap scales by the dumper's precision */
    h.caplen = f->caplen;
    h.len = f->len;
    pcap_dump((u_char *)e->dumper, &h, f->data);
    return 0;
}

static int l_tcplua_mark(lua_State *L) {
    lua_pushinteger(L, (lua_Integer)TL_ENG(L)->out.len);
    return 1;
}

static int l_tcplua_take(lua_State *L) {
    struct tl_engine *e = TL_ENG(L);
    lua_Integer m = luaL_checkinteger(L, 1);
    if (m < 0 || (size_t)m > e->out.len)
        return luaL_error(L, "tcplua.take: mark %d is no longer in the buffer", (int)m);
    lua_pushlstring(L, e->out.buf + m, e->out.len - (size_t)m);
    e->out.len = (size_t)m;
    return 1;
}

static int l_tcplua_exit(lua_State *L) {
    struct tl_engine *e = TL_ENG(L);
    e->exit_code = (int)luaL_optinteger(L, 1, 0);
    e->exit_requested = 1;
    return 0;
}

static void set_opt(lua_State *L, const char *k, int v) {
    lua_pushinteger(L, v);
    lua_setfield(L, -2, k);
}

static void set_flag(lua_State *L, const char *k, int v) {
    lua_pushboolean(L, v);
    lua_setfield(L, -2, k);
}

/* stack: -> opt table */
void tl_push_opt_table(lua_State *L, const struct tl_options *o) {
    lua_createtable(L, 0, 32);
    /* counts are integers (0 when absent); on/off options are booleans */
    set_opt(L, "n", o->n);
    set_flag(L, "N", o->N);
    set_flag(L, "e", o->e);
    set_opt(L, "q", o->q);
    set_flag(L, "S", o->S);
    set_flag(L, "K", o->K);
    set_opt(L, "v", o->v);
    set_opt(L, "x", o->x);
    set_opt(L, "X", o->X);
    set_opt(L, "A", o->A);
    set_opt(L, "t", o->tflags);
    set_flag(L, "hash", o->hash);
    set_flag(L, "l", o->l);
    set_flag(L, "U", o->U);
    set_flag(L, "p", o->p);
    set_flag(L, "print", o->print);
    set_opt(L, "c", (int)o->count);
    set_opt(L, "tprec", o->nano ? 9 : 6);
    if (o->wfile) {
        lua_pushstring(L, o->wfile);
        lua_setfield(L, -2, "w");
    }
    if (o->md5_secret) {
        lua_pushstring(L, o->md5_secret);
        lua_setfield(L, -2, "M");
    }
    if (o->packet_type) {
        lua_pushstring(L, o->packet_type);
        lua_setfield(L, -2, "T");
    }
    if (o->expression) {
        lua_pushstring(L, o->expression);
        lua_setfield(L, -2, "expression");
    }
}

int tl_luaopen_tcplua(lua_State *L) {
    struct tl_engine *e = lua_touserdata(L, lua_upvalueindex(1));
    static const luaL_Reg plain[] = {{"out", l_tcplua_out},         {"ts", l_tcplua_ts},
                                     {"hexdump", l_tcplua_hexdump}, {"write", l_tcplua_write},
                                     {"mark", l_tcplua_mark},       {"take", l_tcplua_take},
                                     {"exit", l_tcplua_exit},       {"frame", l_tcplua_frame},
                                     {"ethtype", l_tcplua_ethtype}, {"tcphdr", l_tcplua_tcphdr},
                                     {"relseq", l_tcplua_relseq},   {"put_ts", l_tcplua_put_ts},
                                     {"cksum", l_tcplua_cksum},     {"nottext", l_tcplua_nottext},
                                     {"outsub", l_tcplua_outsub},   {NULL, NULL}};
    lua_createtable(L, 0, 24);
    lua_pushlightuserdata(L, e);
    luaL_setfuncs(L, plain, 1);
    lua_pushlightuserdata(L, e);
    luaL_setfuncs(L, tl_fastpath_funcs, 1); /* tcpopts, tcpline, fastline (lfastpath.c) */
    lua_pushlightuserdata(L, e);
    lua_newtable(L); /* IPv4 address text cache */
    ip4_cache_n = 0;
    lua_pushcclosure(L, l_tcplua_iphdr, 2);
    lua_setfield(L, -2, "iphdr");
    lua_pushlightuserdata(L, e);
    lua_newtable(L); /* host name cache */
    lua_pushcclosure(L, l_tcplua_host, 2);
    lua_setfield(L, -2, "host");
    lua_pushlightuserdata(L, e);
    lua_newtable(L); /* port name cache */
    lua_pushcclosure(L, l_tcplua_port, 2);
    lua_setfield(L, -2, "port");
    tl_push_opt_table(L, e->opt);
    lua_setfield(L, -2, "opt");
    lua_createtable(L, 0, e->opt->nargs); /* --arg pairs, readable when the script loads */
    for (int i = 0; i < e->opt->nargs; i++) {
        lua_pushstring(L, e->opt->arg_vals[i]);
        lua_setfield(L, -2, e->opt->arg_keys[i]);
    }
    lua_setfield(L, -2, "args");
    lua_pushstring(L, TL_VERSION);
    lua_setfield(L, -2, "version");
    return 1;
}
