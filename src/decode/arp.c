/* ARP (RFC 826) and RARP (RFC 903): a fixed 8-byte part giving the hardware and protocol
 * address sizes, then sender/target addresses. Addresses are recorded as offsets. */
#include <string.h>

#include "decode_internal.h"

#define ARP_FIXED_LEN 8

int tl_decode_arp(struct tl_packet *pkt, const uint8_t *data, uint32_t off, int rarp) {
    struct tl_arp *arp = &pkt->arp;
    struct tl_cursor c;
    uint32_t hdr_len;

    memset(arp, 0, sizeof(*arp));
    cur_init(&c, data, off, pkt->caplen);
    tl_layer_begin(pkt, TL_LAYER_ARP, &arp->span, off, pkt->caplen, ARP_FIXED_LEN);
    arp->rarp = (uint8_t)(rarp != 0);
    arp->htype = get_u16(&c, 0);
    arp->ptype = get_u16(&c, 2);
    arp->hlen = get_u8(&c, 4);
    arp->plen = get_u8(&c, 5);
    arp->op = get_u16(&c, 6);
    if (c.trunc)
        return tl_stop(pkt, TL_LAYER_ARP, &arp->span, TL_TRUNCATED);

    arp->sha = off + ARP_FIXED_LEN;
    arp->spa = arp->sha + arp->hlen;
    arp->tha = arp->spa + arp->plen;
    arp->tpa = arp->tha + arp->hlen;
    hdr_len = ARP_FIXED_LEN + 2u * arp->hlen + 2u * arp->plen;
    tl_span_len(&arp->span, pkt->caplen, hdr_len);
    if (!cur_has(&c, 0, hdr_len))
        return tl_stop(pkt, TL_LAYER_ARP, &arp->span, TL_TRUNCATED);
    tl_set_payload(pkt, off + hdr_len, 0, pkt->caplen); /* what follows is link padding */
    return TL_OK;
}
