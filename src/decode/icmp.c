/* ICMP for IPv4 (RFC 792; address mask RFC 950; redirect/frag-needed MTU RFC 1191).
 * Records the per-type fields of the 8-byte header and, for error messages, where the
 * quoted IP header starts; the quote can be decoded again as DLT_RAW from there. */
#include <string.h>

#include "decode_internal.h"

#define ICMP_HDR_LEN 8

static int is_error(uint8_t type) {
    return type == 3 || type == 4 || type == 5 || type == 11 || type == 12;
}

static void type_fields(struct tl_icmp *icmp, struct tl_cursor *c) {
    switch (icmp->type) {
    case 0:  /* echo reply */
    case 8:  /* echo request */
    case 13: /* timestamp */
    case 14:
    case 15: /* information */
    case 16:
    case 17: /* address mask */
    case 18:
        icmp->id = get_u16(c, 4);
        icmp->seq = get_u16(c, 6);
        break;
    case 5: /* redirect */ icmp->gateway = get_u32(c, 4); break;
    case 3: /* unreachable; next-hop MTU when code 4 (RFC 1191) */ icmp->mtu = get_u16(c, 6); break;
    case 12: /* parameter problem */ icmp->pointer = get_u8(c, 4); break;
    default: break;
    }
}

int tl_decode_icmp(struct tl_packet *pkt, const uint8_t *data, const struct tl_l4 *l4) {
    struct tl_icmp *icmp = &pkt->icmp;
    struct tl_cursor c;

    memset(icmp, 0, sizeof(*icmp));
    cur_init(&c, data, l4->off, l4->end);
    tl_layer_begin(pkt, TL_LAYER_ICMP, &icmp->span, l4->off, l4->end, ICMP_HDR_LEN);
    icmp->type = get_u8(&c, 0);
    icmp->code = get_u8(&c, 1);
    icmp->cksum = get_u16(&c, 2);
    type_fields(icmp, &c);
    icmp->data_off = l4->off + ICMP_HDR_LEN;
    if (is_error(icmp->type) && l4->len > ICMP_HDR_LEN)
        icmp->quote_off = icmp->data_off;
    if (c.trunc || !cur_has(&c, 0, ICMP_HDR_LEN))
        return tl_stop(pkt, TL_LAYER_ICMP, &icmp->span, TL_TRUNCATED);
    if ((pkt->decode_flags & TL_DECODE_CKSUM) && !l4->fragmented && cur_has(&c, 0, l4->len)) {
        tl_cksum_l4(data, l4, 0, icmp->cksum, &icmp->cksum_calc, &icmp->cksum_good);
        icmp->cksum_checked = 1;
    }
    tl_set_payload(pkt, icmp->data_off, l4->len > ICMP_HDR_LEN ? l4->len - ICMP_HDR_LEN : 0,
                   l4->end);
    return TL_OK;
}
