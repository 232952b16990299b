/* UDP (RFC 768; IPv6 rules RFC 8200 8.1, jumbograms RFC 2675). The datagram length is the
 * smaller of the UDP length field and the IP payload length, as tcpdump uses it. */
#include <string.h>

#include "decode_internal.h"

#define UDP_HDR_LEN 8

int tl_decode_udp(struct tl_packet *pkt, const uint8_t *data, const struct tl_l4 *l4) {
    struct tl_udp *udp = &pkt->udp;
    struct tl_cursor c;
    struct tl_l4 seg;
    uint32_t ulen;

    memset(udp, 0, sizeof(*udp));
    cur_init(&c, data, l4->off, l4->end);
    tl_layer_begin(pkt, TL_LAYER_UDP, &udp->span, l4->off, l4->end, UDP_HDR_LEN);
    udp->sport = get_u16(&c, 0);
    udp->dport = get_u16(&c, 2);
    udp->ulen = get_u16(&c, 4);
    udp->cksum = get_u16(&c, 6);
    if (!cur_has(&c, 0, 4))
        return tl_stop(pkt, TL_LAYER_UDP, &udp->span, TL_TRUNCATED);
    if (l4->len < UDP_HDR_LEN) /* the IP datagram has no room for a UDP header */
        return tl_stop(pkt, TL_LAYER_UDP, &udp->span, TL_INVALID);
    if (!cur_has(&c, 4, 2))
        return tl_stop(pkt, TL_LAYER_UDP, &udp->span, TL_TRUNCATED);
    ulen = udp->ulen;
    if (ulen == 0 && l4->len > 0xffff)
        ulen = l4->len; /* jumbogram */
    if (ulen < UDP_HDR_LEN)
        return tl_stop(pkt, TL_LAYER_UDP, &udp->span, TL_INVALID);
    udp->payload_off = l4->off + UDP_HDR_LEN;
    udp->payload_len = ulen - UDP_HDR_LEN;
    if (c.trunc)
        return tl_stop(pkt, TL_LAYER_UDP, &udp->span, TL_TRUNCATED);

    seg = *l4;
    if (ulen < seg.len)
        seg.len = ulen;
    if ((pkt->decode_flags & TL_DECODE_CKSUM) && !l4->fragmented && cur_has(&c, 0, seg.len)) {
        /* Computed even when the field is 0 ("no checksum" over IPv4): the printer checks. */
        tl_cksum_l4(data, &seg, 1, udp->cksum, &udp->cksum_calc, &udp->cksum_good);
        udp->cksum_checked = 1;
    }
    tl_set_payload(pkt, udp->payload_off, seg.len - UDP_HDR_LEN, l4->end);
    return TL_OK;
}
