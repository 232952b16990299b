/* The printers' C fast paths (tcplua.tcpopts, tcplua.tcpline, tcplua.fastline): the
 * everyday TCP line formatted straight into the output buffer (docs/design.md section 9).
 * Each declines, appending nothing, whatever is not everyday; the Lua printers handle it. */
#include <arpa/inet.h>
#include <lauxlib.h>
#include <lua.h>
#include <string.h>
#include <sys/socket.h>

#include "engine.h"
#include "lfastpath.h"
#include "lpkt_fields.h"

static char *put_str(char *q, const char *s, size_t n) {
    memcpy(q, s, n);
    return q + n;
}
/* a string literal at q; the end */
#define LIT(q, s) put_str((q), (s), sizeof(s) - 1)

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

/* v in lowercase hex, at least width digits (0-padded); returns the end */
static char *put_hex(char *q, uint32_t v, int width) {
    static const char hx[] = "0123456789abcdef";
    char tmp[8];
    int n = 0;
    do {
        tmp[n++] = hx[v & 15];
        v >>= 4;
    } while (v || n < width);
    while (n)
        *q++ = tmp[--n];
    return q;
}

/* The -v part of an IPv4 header without options, as tcpdump prints it: "(tos 0x0, ttl 64,
 * id 1, offset 0, flags [DF], proto TCP (6), length 60)" and the line break after it.
 * Only for ICMP, TCP and UDP: returns -1 (nothing written) for other protocols. */
static int put_ip4_verbose(struct tl_engine *e, struct tl_frame *f) {
    const struct tl_ip *ip = &f->dec.ip;
    const char *proto = ip->proto == 6    ? "], proto TCP (6), length "
                        : ip->proto == 17 ? "], proto UDP (17), length "
                        : ip->proto == 1  ? "], proto ICMP (1), length "
                                          : NULL;
    char *q0 = tl_out_reserve(&e->out, 160), *q = q0;
    if (!q0 || !proto)
        return -1;
    q = put_hex(LIT(q, "(tos 0x"), ip->tos, 1);
    static const char *const ecn[] = {"", ",ECT(1)", ",ECT(0)", ",CE"};
    q = put_str(q, ecn[ip->tos & 3], strlen(ecn[ip->tos & 3]));
    if (ip->ttl >= 1)
        q = put_u32(LIT(q, ", ttl "), ip->ttl);
    q = put_u32(LIT(q, ", id "), ip->id);
    q = put_u32(LIT(q, ", offset "), (uint32_t)ip->frag_off * 8);
    q = LIT(q, ", flags [");
    const char *sep = "";
    if (ip->mf || ip->df || ip->rf) {
        if (ip->mf) {
            *q++ = '+';
            sep = ", ";
        }
        if (ip->df) {
            q = LIT(put_str(q, sep, strlen(sep)), "DF");
            sep = ", ";
        }
        if (ip->rf) {
            q = LIT(put_str(q, sep, strlen(sep)), "rsvd");
        }
    } else {
        q = LIT(q, "none");
    }
    q = put_str(q, proto, strlen(proto));
    q = put_u32(q, ip->tot_len);
    if (!e->opt->K) {
        struct tl_packet *d = &f->dec;
        if (!(d->decode_flags & TL_DECODE_CKSUM))
            tl_decode_ex(d, d->linktype, f->data, f->caplen, f->len, TL_DECODE_CKSUM);
        if (ip->cksum_checked && ip->cksum_calc != 0) {
            q = put_hex(LIT(q, ", bad cksum "), ip->cksum, 1);
            q = put_hex(LIT(q, " (->"), ip->cksum_good, 1);
            q = LIT(q, ")!");
        }
    }
    q = LIT(q, ")\n    ");
    e->out.len += (size_t)(q - q0);
    return 0;
}

static uint32_t be32(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Append ", options [...]" for the n option bytes at off when every option is one of the
 * everyday ones with its normal length, fully captured; return 0 having written nothing
 * otherwise (the Lua printer then handles the odd cases). base: the SACK blocks' offset. */
static int put_tcpopts(struct tl_engine *e, const struct tl_frame *f, lua_Integer off,
                       lua_Integer n, uint32_t base) {
    if (off < 0 || n <= 0 || n > 40 || off + n > (lua_Integer)f->caplen)
        return 0;
    const uint8_t *o = f->data + off;
    char *q0 = tl_out_reserve(&e->out, 512), *q = q0;
    if (!q0)
        return 0;
    q = LIT(q, ", options [");
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
            return 0;
        uint8_t len = o[i + 1];
        if (len < 2 || i + len > n)
            return 0;
        const uint8_t *d = o + i + 2;
        if (kind == 2 && len == 4) {
            q = put_u32(LIT(q, "mss "), (uint32_t)d[0] << 8 | d[1]);
        } else if (kind == 3 && len == 3) {
            q = put_u32(LIT(q, "wscale "), d[0]);
        } else if (kind == 4 && len == 2) {
            q = LIT(q, "sackOK");
        } else if (kind == 8 && len == 10) {
            q = put_u32(LIT(q, "TS val "), be32(d));
            q = put_u32(LIT(q, " ecr "), be32(d + 4));
        } else if (kind == 5 && len > 2 && (len - 2) % 8 == 0) {
            q = put_u32(LIT(q, "sack "), (uint32_t)(len - 2) / 8);
            *q++ = ' ';
            for (int k = 0; k < len - 2; k += 8) {
                *q++ = '{';
                q = put_u32(q, be32(d + k) - base);
                *q++ = ':';
                q = put_u32(q, be32(d + k + 4) - base);
                *q++ = '}';
            }
        } else {
            return 0;
        }
        i += len;
    }
    *q++ = ']';
    e->out.len += (size_t)(q - q0);
    return 1;
}

/* tcplua.tcpopts(pkt, off, n, sackbase) -> true after appending ", options [...]" for the n
 * option bytes at off, when they are all of the everyday kinds (eol, nop, mss, wscale,
 * sackOK, sack, TS) with their normal lengths and fully captured; false (nothing appended)
 * otherwise, for the Lua printer's general path. SACK edges print relative to sackbase. */
static int l_tcplua_tcpopts(lua_State *L) {
    struct tl_engine *e = TL_ENG(L);
    struct tl_frame *f = tl_lpkt_frame(L, 1);
    lua_Integer off = luaL_checkinteger(L, 2), n = luaL_checkinteger(L, 3);
    uint32_t base = (uint32_t)luaL_optinteger(L, 4, 0);
    lua_pushboolean(L, put_tcpopts(e, f, off, n, base));
    return 1;
}

/* The everyday TCP segment as tcpdump -n prints it without -v or -q:
 * "[src.]sport > [dst.]dport: Flags [..], seq .., ack .., win .., options [..], length N"
 * (src and dst, when not NULL, before the ports). off and length: where the TCP header
 * starts and its length per the IP header. Returns the payload length, or -1 having
 * written nothing when the segment is not an everyday one (cut or bad header, odd
 * options...): the Lua printer handles those. */
static int64_t put_tcp(struct tl_engine *e, struct tl_frame *f, lua_Integer off, lua_Integer length,
                       const char *src, size_t srclen, const char *dst, size_t dstlen, int ipver) {
    const struct tl_tcp *t = &f->dec.tcp;
    uint32_t hlen = (uint32_t)t->doff * 4;
    if (!TL_HAS(&f->dec, TL_LAYER_TCP) || t->span.off != off || f->caplen < off + 20 || hlen < 20 ||
        hlen > length)
        return -1;
    size_t mark = e->out.len;
    char *q0 = tl_out_reserve(&e->out, srclen + dstlen + 160), *q = q0;
    if (!q0)
        return -1;
    if (src && dst) {
        q = put_str(q, src, srclen);
        *q++ = '.';
    }
    q = put_u32(q, t->sport);
    q = LIT(q, " > ");
    if (src && dst) {
        q = put_str(q, dst, dstlen);
        *q++ = '.';
    }
    q = put_u32(q, t->dport);
    q = LIT(q, ": Flags [");
    static const char letters[] = "FSRP.UEW";
    if (t->flags) {
        for (int b = 0; b < 8; b++)
            if (t->flags & (1u << b))
                *q++ = letters[b];
    } else {
        q = LIT(q, "none");
    }
    *q++ = ']';
    if (e->opt->v && !e->opt->K) { /* -v: the checksum, when the whole segment is there */
        struct tl_packet *dd = &f->dec;
        if (!(dd->decode_flags & TL_DECODE_CKSUM))
            tl_decode_ex(dd, dd->linktype, f->data, f->caplen, f->len, TL_DECODE_CKSUM);
        if (t->cksum_checked &&
            !(ipver == 6 && (length == 0 || off + length > (lua_Integer)f->caplen))) {
            q = put_hex(LIT(q, ", cksum 0x"), t->cksum, 4);
            if (t->cksum_calc == 0) {
                q = LIT(q, " (correct)");
            } else {
                q = put_hex(LIT(q, " (incorrect -> 0x"), t->cksum_good, 4);
                *q++ = ')';
            }
        }
    }
    /* tcpdump consults its connection table only for segments with ACK set */
    uint32_t seq = t->seq, rack = 0, base = 0;
    int ack = t->flags & 0x10;
    if (ack) {
        tl_frame_relseq(e, f);
        seq = f->rseq;
        rack = f->rack;
        if (!e->opt->S)
            base = f->rnew ? t->ack - 1 : t->ack - rack;
    }
    uint32_t paylen = (uint32_t)length - hlen;
    if (paylen > 0 || (t->flags & 7)) {
        q = put_u32(LIT(q, ", seq "), seq);
        if (paylen > 0) {
            *q++ = ':';
            q = put_u32(q, seq + paylen);
        }
    }
    if (ack) {
        q = put_u32(LIT(q, ", ack "), rack);
    }
    q = put_u32(LIT(q, ", win "), t->win);
    if (t->flags & 0x20) {
        q = put_u32(LIT(q, ", urg "), t->urp);
    }
    e->out.len += (size_t)(q - q0);
    if (hlen > 20 && (!put_tcpopts(e, f, off + 20, hlen - 20, base) ||
                      (paylen > 0 && f->caplen - (uint32_t)off < hlen))) {
        e->out.len = mark; /* odd options, or a cut header before the payload: Lua's */
        return -1;
    }
    q = tl_out_reserve(&e->out, 24);
    if (!q) {
        e->out.len = mark;
        return -1;
    }
    e->out.len += (size_t)(put_u32(LIT(q, ", length "), paylen) - q);
    return paylen;
}

/* stack: -> paylen, sport, dport, payoff, rst (results of tcpline and fastline; rst: the
 * payload is RST data that -v prints) */
static int push_tcp_results(lua_State *L, const struct tl_frame *f, int64_t paylen) {
    const struct tl_tcp *t = &f->dec.tcp;
    lua_pushinteger(L, paylen);
    lua_pushinteger(L, t->sport);
    lua_pushinteger(L, t->dport);
    lua_pushinteger(L, (lua_Integer)t->span.off + t->doff * 4);
    lua_pushboolean(L, (t->flags & 4) && TL_ENG(L)->opt->v); /* -v prints RST data */
    return 5;
}

/* tcplua.tcpline(pkt, off, length [, src, dst]) -> paylen, sport, dport, payoff, rst | nil:
 * the everyday TCP segment in one call (put_tcp above); nil having printed nothing for
 * the others. The payload's printers are the caller's. */
static int l_tcplua_tcpline(lua_State *L) {
    struct tl_engine *e = TL_ENG(L);
    struct tl_frame *f = tl_lpkt_frame(L, 1);
    lua_Integer off = luaL_checkinteger(L, 2), length = luaL_checkinteger(L, 3);
    size_t srclen = 0, dstlen = 0;
    const char *src = lua_tolstring(L, 4, &srclen), *dst = lua_tolstring(L, 5, &dstlen);
    int64_t n = put_tcp(e, f, off, length, src, srclen, dst, dstlen, 0);
    return n < 0 ? 0 : push_tcp_results(L, f, n);
}

/* tcplua.fastline(pkt) -> paylen, sport, dport, payoff, rst | nil: the whole everyday line
 * after the timestamp, "IP a.b.c.d.p > e.f.g.h.q: Flags [..], ..., length N" (or IP6),
 * for an Ethernet II frame carrying IPv4 without options or fragmentation, or IPv6 without
 * extension headers, carrying an everyday TCP segment, all captured and with consistent
 * lengths: what tcpdump -n prints for it (with -e and -v too) without -vv or -q. Anything else
 * returns nil having printed nothing, for the Lua printers. The payload's printers are the
 * caller's. */
static int l_tcplua_fastline(lua_State *L) {
    struct tl_engine *e = TL_ENG(L);
    struct tl_frame *f = tl_lpkt_frame(L, 1);
    const struct tl_packet *d = &f->dec;
    if (d->linktype != 1 || !TL_HAS(d, TL_LAYER_ETH) || d->eth.span.status != TL_OK ||
        f->len < f->caplen || e->opt->v > 1)
        return 0;
    char src[INET6_ADDRSTRLEN + 4], dst[INET6_ADDRSTRLEN];
    size_t srclen, dstlen, mark = e->out.len;
    if (e->opt->e) { /* -e: "src > dst, ethertype IPv4 (0x0800), length N: " */
        char *q0 = tl_out_reserve(&e->out, 96), *q = q0;
        if (!q0 || (d->eth.type != 0x0800 && d->eth.type != 0x86dd))
            return 0;
        q += tl_fmt_mac(q, d->eth.src, 6);
        q = LIT(q, " > ");
        q += tl_fmt_mac(q, d->eth.dst, 6);
        if (d->eth.type == 0x0800)
            q = LIT(q, ", ethertype IPv4 (0x0800), length ");
        else
            q = LIT(q, ", ethertype IPv6 (0x86dd), length ");
        q = put_u32(q, f->len);
        *q++ = ':';
        *q++ = ' ';
        e->out.len += (size_t)(q - q0);
    }
    lua_Integer off, length, tcpoff;
    if (d->eth.type == 0x0800) {
        const struct tl_ip *ip = &d->ip;
        off = ip->span.off;
        if (!TL_HAS(d, TL_LAYER_IP) || off != 14 || ip->version != 4 || ip->ihl != 5 ||
            ip->proto != 6 || ip->frag_off || ip->mf || f->caplen < off + 20 || ip->tot_len < 20 ||
            f->len - off < ip->tot_len) {
            e->out.len = mark;
            return 0;
        }
        if (!e->opt->e)
            tl_out_bytes(&e->out, "IP ", 3);
        if (e->opt->v && put_ip4_verbose(e, f) < 0) {
            e->out.len = mark;
            return 0;
        }
        srclen = tl_fmt_ip4(src, ip->src);
        dstlen = tl_fmt_ip4(dst, ip->dst);
        length = ip->tot_len - 20;
        tcpoff = off + 20;
    } else if (d->eth.type == 0x86dd) {
        const struct tl_ip6 *ip6 = &d->ip6;
        off = ip6->span.off;
        if (!TL_HAS(d, TL_LAYER_IP6) || off != 14 || ip6->version != 6 || ip6->nxt != 6 ||
            ip6->plen == 0 || f->caplen < off + 40 || f->len - off < 40u + ip6->plen ||
            !inet_ntop(AF_INET6, ip6->src, src, sizeof(src)) ||
            !inet_ntop(AF_INET6, ip6->dst, dst, sizeof(dst))) {
            e->out.len = mark;
            return 0;
        }
        if (!e->opt->e)
            tl_out_bytes(&e->out, "IP6 ", 4);
        if (e->opt->v) {
            char *q0 = tl_out_reserve(&e->out, 96), *q = q0;
            if (!q0) {
                e->out.len = mark;
                return 0;
            }
            *q++ = '(';
            if (ip6->tclass) {
                q = put_hex(LIT(q, "class 0x"), ip6->tclass, 2);
                q = LIT(q, ", ");
            }
            if (ip6->flow & 0xfffff) {
                q = put_hex(LIT(q, "flowlabel 0x"), ip6->flow & 0xfffff, 5);
                q = LIT(q, ", ");
            }
            q = put_u32(LIT(q, "hlim "), ip6->hlim);
            q = put_u32(LIT(q, ", next-header TCP (6) payload length: "), ip6->plen);
            q = LIT(q, ") ");
            e->out.len += (size_t)(q - q0);
        }
        srclen = strlen(src);
        dstlen = strlen(dst);
        length = ip6->plen;
        tcpoff = off + 40;
    } else {
        e->out.len = mark;
        return 0;
    }
    int64_t n =
        put_tcp(e, f, tcpoff, length, src, srclen, dst, dstlen, d->eth.type == 0x86dd ? 6 : 4);
    if (n < 0) {
        e->out.len = mark;
        return 0;
    }
    return push_tcp_results(L, f, n);
}

/* tcplua.ipverbose(pkt) -> true after appending the -v part of the packet's IPv4 header
 * ("(tos 0x0, ttl 64, ..., length 60)" and the line break), or false (nothing appended)
 * unless it is a complete 20-byte header carrying ICMP, TCP or UDP. */
static int l_tcplua_ipverbose(lua_State *L) {
    struct tl_engine *e = TL_ENG(L);
    struct tl_frame *f = tl_lpkt_frame(L, 1);
    const struct tl_ip *ip = &f->dec.ip;
    lua_pushboolean(L, TL_HAS(&f->dec, TL_LAYER_IP) && ip->version == 4 && ip->ihl == 5 &&
                           f->caplen >= ip->span.off + 20 && put_ip4_verbose(e, f) == 0);
    return 1;
}

/* Registered into the tcplua table with the engine as upvalue 1 (ltcplua.c). */
const luaL_Reg tl_fastpath_funcs[] = {{"tcpopts", l_tcplua_tcpopts},
                                      {"tcpline", l_tcplua_tcpline},
                                      {"fastline", l_tcplua_fastline},
                                      {"ipverbose", l_tcplua_ipverbose},
                                      {NULL, NULL}};
