/* IPv6 (RFC 8200): fixed header and the extension header chain (hop-by-hop 0, routing 43,
 * fragment 44, destination options 60). Later fragments stop at the fragment header. The
 * pseudo-header destination is the final one named by a type 0/2 routing header (8.1). */
#include <string.h>

#include "decode_internal.h"

#define IP6_HDR_LEN 40
#define IP6_FRAG_LEN 8

struct chain {
    uint32_t pos;   /* offset of the next header to decode */
    uint32_t end;   /* end of the datagram within the capture */
    uint32_t limit; /* end of the datagram per plen, 0 if plen is 0 (jumbo) */
    uint8_t nh;     /* current next-header value */
    uint8_t fragmented;
    uint8_t later_frag; /* a fragment with a non-zero offset: stop here */
    uint8_t stopped;    /* too many extension headers: not decoded past them */
};

static int is_ext(uint8_t nh) { return nh == 0 || nh == 43 || nh == 44 || nh == 60; }

/* Type 0 (deprecated) and type 2 (RFC 6275) list addresses; the last is the final one.
 * A segment routing header (type 4, RFC 8754) lists them backwards: segment 0 is final. */
static void final_dst(struct tl_cursor *c, uint8_t hdrlen, uint8_t rtype, uint8_t *dst) {
    if (rtype == 4) {
        if (hdrlen >= 2 && cur_has(c, 8, 16))
            get_bytes(c, 8, dst, 16);
        return;
    }
    if ((rtype != 0 && rtype != 2) || hdrlen == 0 || (hdrlen & 1))
        return;
    if (cur_has(c, 8 + (hdrlen / 2u - 1) * 16, 16))
        get_bytes(c, 8 + (hdrlen / 2u - 1) * 16, dst, 16);
}

/* Decode one extension header at ch->pos; returns a status, TL_OK to go on. */
static int one_ext(struct tl_packet *pkt, const uint8_t *data, struct chain *ch, uint8_t *dst) {
    struct tl_ip6 *ip6 = &pkt->ip6;
    struct tl_cursor c;
    uint8_t hdrlen;

    if (ip6->ext_count == TL_MAX_IP6_EXT) {
        ch->stopped = 1;
        return TL_OK;
    }
    unsigned i = ip6->ext_count++;
    cur_init(&c, data, ch->pos, ch->end);
    ip6->ext[i].type = ch->nh;
    ip6->ext[i].off = ch->pos;
    ip6->ext[i].nxt = get_u8(&c, 0);
    hdrlen = get_u8(&c, 1);
    if (ip6->ext[i].type == 44) {
        uint16_t fo = get_u16(&c, 2);
        ip6->ext[i].len = IP6_FRAG_LEN;
        ip6->ext[i].frag_off = fo >> 3;
        ip6->ext[i].m = fo & 1;
        ip6->ext[i].frag_id = get_u32(&c, 4);
    } else {
        ip6->ext[i].len = (uint16_t)((hdrlen + 1) * 8);
        if (ip6->ext[i].type == 43) {
            ip6->ext[i].rtype = get_u8(&c, 2);
            ip6->ext[i].segleft = get_u8(&c, 3);
        }
    }
    tl_span_len(&ip6->span, pkt->caplen, ch->pos + ip6->ext[i].len - ip6->span.off);
    if (ch->limit && (ip6->ext[i].type == 44 || cur_has(&c, 1, 1)) &&
        ch->pos + ip6->ext[i].len > ch->limit)
        return TL_INVALID; /* runs past the payload length */
    if (c.trunc || !cur_has(&c, 0, ip6->ext[i].len))
        return TL_TRUNCATED;
    if (ip6->ext[i].type == 43)
        final_dst(&c, hdrlen, ip6->ext[i].rtype, dst);
    ch->pos += ip6->ext[i].len;
    ch->nh = ip6->ext[i].nxt;
    if (ip6->ext[i].type == 44) {
        ch->fragmented = 1;
        ch->later_frag = ip6->ext[i].frag_off != 0;
    }
    return TL_OK;
}

static void read_fixed(struct tl_ip6 *ip6, struct tl_cursor *c) {
    uint32_t w0 = get_u32(c, 0);

    if (!c->trunc) {
        ip6->version = (uint8_t)(w0 >> 28);
        ip6->tclass = (uint8_t)(w0 >> 20);
        ip6->flow = w0 & 0xfffff;
    } else {
        ip6->version = get_u8(c, 0) >> 4; /* the version nibble exists when byte 0 does */
    }
    ip6->plen = get_u16(c, 4);
    ip6->nxt = get_u8(c, 6);
    ip6->hlim = get_u8(c, 7);
    get_bytes(c, 8, ip6->src, 16);
    get_bytes(c, 24, ip6->dst, 16);
}

static void fill_l4(const struct tl_ip6 *ip6, const struct chain *ch, struct tl_l4 *l4,
                    uint32_t wire_end) {
    l4->family = 6;
    l4->proto = ch->nh;
    l4->fragmented = ch->fragmented;
    memcpy(l4->src, ip6->src, 16);
    l4->off = ch->pos;
    if (ch->limit) /* plen: RFC 8200 3 */
        l4->len = ch->limit > ch->pos ? ch->limit - ch->pos : 0;
    else /* plen 0 (jumbogram, RFC 2675): take what is on the wire */
        l4->len = wire_end > ch->pos ? wire_end - ch->pos : 0;
    l4->end = ch->end;
}

int tl_decode_ipv6(struct tl_packet *pkt, const uint8_t *data, uint32_t off) {
    struct tl_ip6 *ip6 = &pkt->ip6;
    struct tl_cursor c;
    struct chain ch;
    struct tl_l4 l4;
    uint32_t wire_end = pkt->len > pkt->caplen ? pkt->len : pkt->caplen;
    int status = TL_OK;

    memset(ip6, 0, sizeof(*ip6));
    cur_init(&c, data, off, pkt->caplen);
    tl_layer_begin(pkt, TL_LAYER_IP6, &ip6->span, off, pkt->caplen, IP6_HDR_LEN);
    if (!cur_has(&c, 0, 1))
        return tl_stop(pkt, TL_LAYER_IP6, &ip6->span, TL_TRUNCATED);
    read_fixed(ip6, &c);
    if (ip6->version != 6)
        return tl_stop(pkt, TL_LAYER_IP6, &ip6->span, TL_INVALID);
    if (c.trunc)
        return tl_stop(pkt, TL_LAYER_IP6, &ip6->span, TL_TRUNCATED);

    memset(&ch, 0, sizeof(ch));
    memset(&l4, 0, sizeof(l4));
    memcpy(l4.dst, ip6->dst, 16);
    ch.pos = off + IP6_HDR_LEN;
    ch.nh = ip6->nxt;
    ch.limit = ip6->plen ? ch.pos + ip6->plen : 0;
    ch.end = ch.limit && ch.limit < pkt->caplen ? ch.limit : pkt->caplen;
    while (status == TL_OK && is_ext(ch.nh) && !ch.later_frag && !ch.stopped)
        status = one_ext(pkt, data, &ch, l4.dst);
    ip6->next_proto = ch.nh;
    ip6->payload_off = ch.pos;
    fill_l4(ip6, &ch, &l4, wire_end);
    ip6->payload_len = l4.len;
    if (status != TL_OK)
        return tl_stop(pkt, TL_LAYER_IP6, &ip6->span, status);
    if (ch.later_frag || ch.stopped) {
        tl_set_payload(pkt, l4.off, l4.len, l4.end);
        return TL_OK;
    }
    return tl_decode_transport(pkt, data, &l4);
}
