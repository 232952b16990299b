/* TCP (RFC 9293) header and options: MSS, window scale (RFC 7323), SACK (RFC 2018),
 * timestamps (RFC 7323), MD5 signature (RFC 2385), MPTCP (RFC 8684), Fast Open (RFC 7413),
 * experimental 253/254 (RFC 6994). Option walking follows tcpdump so both see the same list. */
#include <string.h>

#include "decode_internal.h"

#define TCP_MIN_HDR 20

enum {
    OPT_EOL = 0,
    OPT_NOP = 1,
    OPT_MSS = 2,
    OPT_WS = 3,
    OPT_SACK = 5,
    OPT_TS = 8,
    OPT_MD5 = 19,
    OPT_EXP2 = 254
};

/* Data bytes an option carries. Fixed-size options use their nominal size even when the
 * length byte disagrees (the printer flags that as "[len N]"), as tcpdump does. */
static uint32_t opt_datalen(uint8_t kind, uint8_t len) {
    switch (kind) {
    case OPT_MSS: return 2;
    case OPT_WS: return 1;
    case OPT_TS: return 8;
    case OPT_MD5: return 16;
    default: return len - 2u;
    }
}

static void opt_values(struct tl_tcp_opt *o, struct tl_cursor *c, uint32_t rel, uint32_t dlen) {
    uint32_t i;
    switch (o->kind) {
    case OPT_MSS:
        o->v[0] = get_u16(c, rel);
        o->n = 1;
        break;
    case OPT_WS:
        o->v[0] = get_u8(c, rel);
        o->n = 1;
        break;
    case OPT_TS:
        o->v[0] = get_u32(c, rel);
        o->v[1] = get_u32(c, rel + 4);
        o->n = 2;
        break;
    case OPT_SACK: /* v[2i], v[2i+1]: left and right edge of block i */
    case OPT_MD5:  /* the 16-byte digest as four words */
        if (o->kind == OPT_SACK && dlen % 8 != 0)
            break; /* malformed SACK: no values, the printer says so */
        for (i = 0; i + 4 <= dlen && i / 4 < 8; i += 4)
            o->v[o->n++] = get_u32(c, rel + i);
        break;
    case OPT_EXP2: /* RFC 6994 experiment id */
        o->v[0] = get_u16(c, rel);
        o->n = 1;
        break;
    default: break;
    }
}

/* One option at rel with `left` header bytes remaining; advances both, returns a status. */
static int parse_opt(struct tl_tcp_opt *o, struct tl_cursor *c, uint32_t *rel, uint32_t *left) {
    uint32_t dlen;

    o->off = c->start + *rel;
    if (!cur_has(c, *rel, 1))
        return o->status = TL_TRUNCATED;
    o->kind = get_u8(c, *rel);
    if (o->kind == OPT_EOL || o->kind == OPT_NOP) {
        o->len = 1;
        *rel += 1;
        *left -= 1;
        return TL_OK;
    }
    if (!cur_has(c, *rel + 1, 1))
        return o->status = TL_TRUNCATED;
    o->len = get_u8(c, *rel + 1);
    if (o->len < 2 || o->len > *left)
        return o->status = TL_INVALID;
    *rel += 2;
    *left -= 2;
    dlen = opt_datalen(o->kind, o->len);
    if (dlen > *left || (o->kind == OPT_EXP2 && dlen < 2))
        return o->status = TL_INVALID;
    if (!cur_has(c, *rel, dlen))
        return o->status = TL_TRUNCATED;
    opt_values(o, c, *rel, dlen);
    *rel += dlen;
    *left -= dlen;
    return TL_OK;
}

static uint8_t parse_options(struct tl_tcp *tcp, struct tl_cursor *c, uint32_t hlen) {
    uint32_t rel = TCP_MIN_HDR, left = hlen - TCP_MIN_HDR;
    while (left > 0 && tcp->opt_count < TL_MAX_TCP_OPTS) {
        struct tl_tcp_opt *o = &tcp->opt[tcp->opt_count++];
        int status = parse_opt(o, c, &rel, &left);
        if (status != TL_OK)
            return (uint8_t)status;
        if (o->kind == OPT_EOL)
            break;
    }
    return TL_OK;
}

static void read_fixed(struct tl_tcp *tcp, struct tl_cursor *c) {
    uint8_t b12;
    tcp->sport = get_u16(c, 0);
    tcp->dport = get_u16(c, 2);
    tcp->seq = get_u32(c, 4);
    tcp->ack = get_u32(c, 8);
    b12 = get_u8(c, 12);
    tcp->doff = b12 >> 4;
    tcp->ae = b12 & 1;
    tcp->flags = get_u8(c, 13);
    tcp->win = get_u16(c, 14);
    tcp->cksum = get_u16(c, 16);
    tcp->urp = get_u16(c, 18);
}

int tl_decode_tcp(struct tl_packet *pkt, const uint8_t *data, const struct tl_l4 *l4) {
    struct tl_tcp *tcp = &pkt->tcp;
    struct tl_cursor c;
    uint32_t hlen;

    memset(tcp, 0, sizeof(*tcp));
    cur_init(&c, data, l4->off, l4->end);
    tl_layer_begin(pkt, TL_LAYER_TCP, &tcp->span, l4->off, l4->end, TCP_MIN_HDR);
    read_fixed(tcp, &c);
    if (cur_has(&c, 12, 1) && tcp->doff * 4 < TCP_MIN_HDR)
        return tl_stop(pkt, TL_LAYER_TCP, &tcp->span, TL_INVALID);
    if (c.trunc)
        return tl_stop(pkt, TL_LAYER_TCP, &tcp->span, TL_TRUNCATED);
    hlen = tcp->doff * 4u;
    tl_span_len(&tcp->span, l4->end, hlen);
    tcp->payload_off = l4->off + hlen;
    tcp->payload_len = l4->len > hlen ? l4->len - hlen : 0;
    if (hlen > l4->len)
        return tl_stop(pkt, TL_LAYER_TCP, &tcp->span, TL_INVALID);
    tcp->opt_status = parse_options(tcp, &c, hlen);
    /* a segment captured whole has a checksum even when its options are cut or malformed
     * (tcpdump prints it then too) */
    if ((pkt->decode_flags & TL_DECODE_CKSUM) && !l4->fragmented && cur_has(&c, 0, hlen) &&
        cur_has(&c, 0, l4->len)) {
        tl_cksum_l4(data, l4, 1, tcp->cksum, &tcp->cksum_calc, &tcp->cksum_good);
        tcp->cksum_checked = 1;
    }
    if (tcp->opt_status == TL_TRUNCATED || !cur_has(&c, 0, hlen))
        return tl_stop(pkt, TL_LAYER_TCP, &tcp->span, TL_TRUNCATED);
    tl_set_payload(pkt, tcp->payload_off, tcp->payload_len, l4->end);
    return TL_OK;
}
