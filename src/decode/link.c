/* Link-layer decoders: Ethernet II / IEEE 802.3 (IEEE 802.3 clause 3), 802.1Q/802.1ad VLAN
 * tags (IEEE 802.1Q), Linux cooked capture v1/v2 (DLT_LINUX_SLL, DLT_LINUX_SLL2), the
 * BSD loopback headers (DLT_NULL, DLT_LOOP) and PPP (DLT_PPP, DLT_PPP_SERIAL; RFC 1661). */
#include <string.h>

#include "decode_internal.h"

#define ETH_HDR_LEN 14
#define VLAN_TAG_LEN 4
#define SLL_HDR_LEN 16
#define SLL2_HDR_LEN 20
#define NULL_HDR_LEN 4
#define ETH_MAX_LENGTH 1500 /* type field values up to this are an 802.3 length */
#define ETHERTYPE_MIN 0x0600

static int is_vlan_tpid(uint16_t type) {
    return type == 0x8100 || type == 0x88a8 || type == 0x9100;
}

/* VLAN tags (possibly stacked), then the network layer. */
int tl_decode_ethertype(struct tl_packet *pkt, const uint8_t *data, uint16_t type, uint32_t off) {
    struct tl_vlan *vlan = &pkt->vlan;
    int count = 0;

    while (is_vlan_tpid(type)) {
        struct tl_cursor c;
        uint16_t tci;
        if (count == 0) {
            memset(vlan, 0, sizeof(*vlan));
            tl_layer_begin(pkt, TL_LAYER_VLAN, &vlan->span, off, pkt->caplen, VLAN_TAG_LEN);
        }
        if (count == TL_MAX_VLAN)
            break; /* deeper tags are left undecoded: net_type is that TPID */
        cur_init(&c, data, off, pkt->caplen);
        tci = get_u16(&c, 0);
        vlan->tag[count].tpid = type;
        vlan->tag[count].pcp = (uint8_t)(tci >> 13);
        vlan->tag[count].dei = (uint8_t)((tci >> 12) & 1);
        vlan->tag[count].id = tci & 0x0fff;
        vlan->tag[count].type = get_u16(&c, 2);
        vlan->count = (uint8_t)++count;
        tl_span_len(&vlan->span, pkt->caplen, (uint32_t)count * VLAN_TAG_LEN);
        if (c.trunc)
            return tl_stop(pkt, TL_LAYER_VLAN, &vlan->span, TL_TRUNCATED);
        type = vlan->tag[count - 1].type;
        off += VLAN_TAG_LEN;
    }
    if (type < ETHERTYPE_MIN) { /* a length or an SLL pseudo-protocol: not decoded further */
        pkt->net_type = 0;
        pkt->net_off = off;
        tl_set_payload(pkt, off, UINT32_MAX, pkt->caplen);
        return TL_OK;
    }
    return tl_decode_network(pkt, data, type, off);
}

int tl_decode_eth(struct tl_packet *pkt, const uint8_t *data) {
    struct tl_eth *eth = &pkt->eth;
    struct tl_cursor c;

    cur_init(&c, data, 0, pkt->caplen);
    tl_layer_begin(pkt, TL_LAYER_ETH, &eth->span, 0, pkt->caplen, ETH_HDR_LEN);
    get_bytes(&c, 0, eth->dst, 6);
    get_bytes(&c, 6, eth->src, 6);
    eth->type = get_u16(&c, 12);
    if (c.trunc)
        return tl_stop(pkt, TL_LAYER_ETH, &eth->span, TL_TRUNCATED);
    if (eth->type <= ETH_MAX_LENGTH) { /* IEEE 802.3: an LLC frame of `type` bytes follows */
        pkt->net_type = 0;
        pkt->net_off = ETH_HDR_LEN;
        tl_set_payload(pkt, ETH_HDR_LEN, eth->type, pkt->caplen);
        return TL_OK;
    }
    return tl_decode_ethertype(pkt, data, eth->type, ETH_HDR_LEN);
}

static void sll_addr(struct tl_sll *sll, struct tl_cursor *c, uint32_t rel) {
    get_bytes(c, rel, sll->addr, sizeof(sll->addr));
}

/* DLT_LINUX_SLL: pkttype, hatype, halen, 8 address bytes, protocol; all big-endian. */
int tl_decode_sll(struct tl_packet *pkt, const uint8_t *data) {
    struct tl_sll *sll = &pkt->sll;
    struct tl_cursor c;

    memset(sll, 0, sizeof(*sll));
    cur_init(&c, data, 0, pkt->caplen);
    tl_layer_begin(pkt, TL_LAYER_SLL, &sll->span, 0, pkt->caplen, SLL_HDR_LEN);
    sll->version = 1;
    sll->pkttype = get_u16(&c, 0);
    sll->hatype = get_u16(&c, 2);
    sll->halen = get_u16(&c, 4);
    sll_addr(sll, &c, 6);
    sll->protocol = get_u16(&c, 14);
    if (c.trunc)
        return tl_stop(pkt, TL_LAYER_SLL, &sll->span, TL_TRUNCATED);
    return tl_decode_ethertype(pkt, data, sll->protocol, SLL_HDR_LEN);
}

/* DLT_LINUX_SLL2: protocol, reserved, ifindex, hatype, pkttype (1 byte), halen (1 byte),
 * 8 address bytes. */
int tl_decode_sll2(struct tl_packet *pkt, const uint8_t *data) {
    struct tl_sll *sll = &pkt->sll;
    struct tl_cursor c;

    memset(sll, 0, sizeof(*sll));
    cur_init(&c, data, 0, pkt->caplen);
    tl_layer_begin(pkt, TL_LAYER_SLL, &sll->span, 0, pkt->caplen, SLL2_HDR_LEN);
    sll->version = 2;
    sll->protocol = get_u16(&c, 0);
    sll->ifindex = get_u32(&c, 4);
    sll->hatype = get_u16(&c, 8);
    sll->pkttype = get_u8(&c, 10);
    sll->halen = get_u8(&c, 11);
    sll_addr(sll, &c, 12);
    if (c.trunc)
        return tl_stop(pkt, TL_LAYER_SLL, &sll->span, TL_TRUNCATED);
    return tl_decode_ethertype(pkt, data, sll->protocol, SLL2_HDR_LEN);
}

static uint32_t swap32(uint32_t v) {
    return (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
}

/* DLT_NULL carries the address family in the capturing host's byte order; families are
 * small, so if the value read big-endian has its low half zero it was little-endian.
 * DLT_LOOP always uses network order. */
int tl_decode_null(struct tl_packet *pkt, const uint8_t *data, int network_order) {
    struct tl_null *nul = &pkt->null;
    struct tl_cursor c;
    uint32_t family;

    cur_init(&c, data, 0, pkt->caplen);
    tl_layer_begin(pkt, TL_LAYER_NULL, &nul->span, 0, pkt->caplen, NULL_HDR_LEN);
    family = get_u32(&c, 0);
    if (!network_order && (family & 0xffff) == 0)
        family = swap32(family);
    nul->family = family;
    if (c.trunc)
        return tl_stop(pkt, TL_LAYER_NULL, &nul->span, TL_TRUNCATED);
    switch (family) {
    case 2: /* AF_INET everywhere */ return tl_decode_network(pkt, data, 0x0800, NULL_HDR_LEN);
    case 10: /* AF_INET6: Linux */
    case 24: /* NetBSD, OpenBSD, BSD/OS */
    case 28: /* FreeBSD, DragonFly BSD */
    case 30: /* macOS, iOS */ return tl_decode_network(pkt, data, 0x86dd, NULL_HDR_LEN);
    default:
        pkt->net_off = NULL_HDR_LEN;
        tl_set_payload(pkt, NULL_HDR_LEN, UINT32_MAX, pkt->caplen);
        return TL_OK;
    }
}

/* DLT_PPP and DLT_PPP_SERIAL: address and control bytes (0xff 0x03; on DLT_PPP also pppd's
 * direction byte 0x00/0x01 before 0x03, or none at all), then the protocol field, one byte
 * when compressed (RFC 1661 section 6.5; DLT_PPP only). IPv4 (0x0021) and IPv6 (0x0057) are
 * decoded further. The PPP header is no layer of its own: a cut one leaves the frame
 * undecoded, as does a frame of any other protocol (net_off is then its payload). */
int tl_decode_ppp(struct tl_packet *pkt, const uint8_t *data, int serial) {
    uint32_t caplen = pkt->caplen, off = 0;
    uint16_t proto;

    if (caplen >= 2 && data[1] == 0x03 && (data[0] == 0xff || (!serial && data[0] <= 1)))
        off = 2;
    else if (serial)
        goto undecoded; /* Cisco HDLC or unknown framing */
    if (!serial && caplen > off && (data[off] & 1)) {
        proto = data[off];
        off += 1;
    } else if (caplen >= off + 2) {
        proto = (uint16_t)(data[off] << 8 | data[off + 1]);
        off += 2;
    } else {
        goto undecoded;
    }
    if (proto == 0x0021)
        return tl_decode_network(pkt, data, 0x0800, off);
    if (proto == 0x0057)
        return tl_decode_network(pkt, data, 0x86dd, off);
    pkt->net_off = off;
    tl_set_payload(pkt, off, UINT32_MAX, caplen);
    return TL_OK;
undecoded:
    pkt->net_off = 0;
    tl_set_payload(pkt, 0, UINT32_MAX, caplen);
    return TL_OK;
}
