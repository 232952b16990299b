/* ICMPv6 (RFC 4443; Neighbor Discovery RFC 4861; MLD RFC 2710/3810): type, code, checksum
 * with the IPv6 pseudo-header, and the second 32-bit word whose meaning depends on the type.
 * Message bodies and ND options are left to the printer, by offset. */
#include <string.h>

#include "decode_internal.h"

#define ICMP6_HDR_LEN 8

int tl_decode_icmp6(struct tl_packet *pkt, const uint8_t *data, const struct tl_l4 *l4) {
    struct tl_icmp6 *icmp6 = &pkt->icmp6;
    struct tl_cursor c;

    memset(icmp6, 0, sizeof(*icmp6));
    cur_init(&c, data, l4->off, l4->end);
    tl_layer_begin(pkt, TL_LAYER_ICMP6, &icmp6->span, l4->off, l4->end, ICMP6_HDR_LEN);
    icmp6->type = get_u8(&c, 0);
    icmp6->code = get_u8(&c, 1);
    icmp6->cksum = get_u16(&c, 2);
    icmp6->word = get_u32(&c, 4);
    icmp6->body_off = l4->off + ICMP6_HDR_LEN;
    if (c.trunc)
        return tl_stop(pkt, TL_LAYER_ICMP6, &icmp6->span, TL_TRUNCATED);
    if ((pkt->decode_flags & TL_DECODE_CKSUM) && !l4->fragmented && cur_has(&c, 0, l4->len)) {
        tl_cksum_l4(data, l4, 1, icmp6->cksum, &icmp6->cksum_calc, &icmp6->cksum_good);
        icmp6->cksum_checked = 1;
    }
    tl_set_payload(pkt, icmp6->body_off, l4->len > ICMP6_HDR_LEN ? l4->len - ICMP6_HDR_LEN : 0,
                   l4->end);
    return TL_OK;
}
