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
#include "lpkt_fields.h"

#define ENG(L) ((struct tl_engine *)lua_touserdata(L, lua_upvalueindex(1)))

/* tcplua.out(...): append strings and integers. */
static int l_tcplua_out(lua_State *L) {
    struct tl_engine *e = ENG(L);
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

struct tl_frame *tl_lpkt_frame(lua_State *L, int idx);

/* tcplua.ts(pkt) -> timestamp prefix text */
static int l_tcplua_ts(lua_State *L) {
    struct tl_engine *e = ENG(L);
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
    struct tl_engine *e = ENG(L);
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
    struct tl_engine *e = ENG(L);
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
    struct tl_engine *e = ENG(L);
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

/* tcplua.iphdr(pkt) -> off, hlen, tot_len, proto, frag_off, mf, df, rf, tos, ttl, id, src,
 * dst: the IPv4 header in one call (printers read all of it for every packet), or nil when
 * the packet has no complete IPv4 header. */
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
    tl_push_ip4(L, ip->src);
    tl_push_ip4(L, ip->dst);
    return 13;
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
    struct tl_engine *e = ENG(L);
    struct tl_frame *f = tl_lpkt_frame(L, 1);
    if (!TL_HAS(&f->dec, TL_LAYER_TCP) || f->dec.tcp.span.have < 14)
        return 0;
    tl_frame_relseq(e, f);
    lua_pushinteger(L, f->rseq);
    lua_pushinteger(L, f->rack);
    lua_pushboolean(L, f->rnew);
    return 3;
}

static char *put_u32(char *q, uint32_t v) {
    char tmp[10];
    int i = 10;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    memcpy(q, tmp + i, (size_t)(10 - i));
    return q + (10 - i);
}

static uint32_t be32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* tcplua.tcpopts(pkt, off, n, sackbase) -> true after appending ", options [...]" for the n
 * option bytes at off, when they are all of the everyday kinds (eol, nop, mss, wscale,
 * sackOK, sack, TS) with their normal lengths and fully captured; false (nothing appended)
 * otherwise, for the Lua printer's general path. SACK edges print relative to sackbase. */
static int l_tcplua_tcpopts(lua_State *L) {
    struct tl_engine *e = ENG(L);
    struct tl_frame *f = tl_lpkt_frame(L, 1);
    lua_Integer off = luaL_checkinteger(L, 2), n = luaL_checkinteger(L, 3);
    uint32_t base = (uint32_t)luaL_optinteger(L, 4, 0);
    if (off < 0 || n <= 0 || n > 40 || off + n > (lua_Integer)f->caplen) {
        lua_pushboolean(L, 0);
        return 1;
    }
    const uint8_t *o = f->data + off;
    char *q0 = tl_out_reserve(&e->out, 512), *q = q0;
    if (!q0) {
        lua_pushboolean(L, 0);
        return 1;
    }
    memcpy(q, ", options [", 11);
    q += 11;
    for (lua_Integer i = 0; i < n;) {
        uint8_t kind = o[i];
        if (i)
            *q++ = ',';
        if (kind == 0 || kind == 1) {
            memcpy(q, kind ? "nop" : "eol", 3);
            q += 3;
            i++;
            if (kind == 0)
                break;
            continue;
        }
        if (i + 1 >= n)
            goto general;
        uint8_t len = o[i + 1];
        if (len < 2 || i + len > n)
            goto general;
        const uint8_t *d = o + i + 2;
        if (kind == 2 && len == 4) {
            memcpy(q, "mss ", 4);
            q = put_u32(q + 4, (uint32_t)d[0] << 8 | d[1]);
        } else if (kind == 3 && len == 3) {
            memcpy(q, "wscale ", 7);
            q = put_u32(q + 7, d[0]);
        } else if (kind == 4 && len == 2) {
            memcpy(q, "sackOK", 6);
            q += 6;
        } else if (kind == 8 && len == 10) {
            memcpy(q, "TS val ", 7);
            q = put_u32(q + 7, be32(d));
            memcpy(q, " ecr ", 5);
            q = put_u32(q + 5, be32(d + 4));
        } else if (kind == 5 && len > 2 && (len - 2) % 8 == 0) {
            memcpy(q, "sack ", 5);
            q = put_u32(q + 5, (uint32_t)(len - 2) / 8);
            *q++ = ' ';
            for (int k = 0; k < len - 2; k += 8) {
                *q++ = '{';
                q = put_u32(q, be32(d + k) - base);
                *q++ = ':';
                q = put_u32(q, be32(d + k + 4) - base);
                *q++ = '}';
            }
        } else {
            goto general;
        }
        i += len;
    }
    *q++ = ']';
    e->out.len += (size_t)(q - q0);
    lua_pushboolean(L, 1);
    return 1;
general:
    lua_pushboolean(L, 0);
    return 1;
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
    struct tl_engine *e = ENG(L);
    struct tl_frame *f = tl_lpkt_frame(L, 1);
    char *p = tl_out_reserve(&e->out, 96);
    if (p)
        e->out.len += tl_timefmt_format(&e->tf, f->sec, f->frac, p);
    return 0;
}

/* tcplua.write(pkt): write the packet to the -w file. */
static int l_tcplua_write(lua_State *L) {
    struct tl_engine *e = ENG(L);
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
    lua_pushinteger(L, (lua_Integer)ENG(L)->out.len);
    return 1;
}

static int l_tcplua_take(lua_State *L) {
    struct tl_engine *e = ENG(L);
    lua_Integer m = luaL_checkinteger(L, 1);
    if (m < 0 || (size_t)m > e->out.len)
        return luaL_error(L, "tcplua.take: mark %d is no longer in the buffer", (int)m);
    lua_pushlstring(L, e->out.buf + m, e->out.len - (size_t)m);
    e->out.len = (size_t)m;
    return 1;
}

static int l_tcplua_exit(lua_State *L) {
    struct tl_engine *e = ENG(L);
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
                                     {"exit", l_tcplua_exit},       {"iphdr", l_tcplua_iphdr},
                                     {"tcphdr", l_tcplua_tcphdr},   {"relseq", l_tcplua_relseq},
                                     {"put_ts", l_tcplua_put_ts},   {"tcpopts", l_tcplua_tcpopts},
                                     {"cksum", l_tcplua_cksum},     {NULL, NULL}};
    lua_createtable(L, 0, 16);
    lua_pushlightuserdata(L, e);
    luaL_setfuncs(L, plain, 1);
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
