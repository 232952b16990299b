/* Packet decoding entry point: dispatch on the link type, then on ethertype and IP protocol,
 * plus the bookkeeping every layer shares (present bits, spans, where decoding stopped).
 * Decoders only fill struct tl_packet (include/tcplua/packet.h); printing is done in Lua. */
#include <pcap/dlt.h>
#include <string.h>

#include "decode_internal.h"

/* LINKTYPE_ values (pcap file headers) that differ from the DLT_ value on some systems. */
#define LINKTYPE_RAW 101
#define LINKTYPE_LOOP 108

void tl_layer_begin(struct tl_packet *pkt, enum tl_layer layer, struct tl_span *span, uint32_t off,
                    uint32_t end, uint32_t hdr_len) {
    span->off = off;
    span->status = TL_OK;
    tl_span_len(span, end, hdr_len);
    if (off < end)
        pkt->present |= 1u << layer;
}

void tl_span_len(struct tl_span *span, uint32_t end, uint32_t hdr_len) {
    uint32_t avail = span->off < end ? end - span->off : 0;
    span->have = hdr_len < avail ? hdr_len : avail;
}

int tl_stop(struct tl_packet *pkt, enum tl_layer layer, struct tl_span *span, int status) {
    if (span)
        span->status = (uint8_t)status;
    pkt->stop_layer = (int8_t)layer;
    pkt->stop_status = (uint8_t)status;
    pkt->payload_off = 0; /* no application payload when a header is broken */
    pkt->payload_len = 0;
    return status;
}

void tl_set_payload(struct tl_packet *pkt, uint32_t off, uint32_t len, uint32_t end) {
    uint32_t captured = off < end ? end - off : 0;
    pkt->payload_off = off;
    pkt->payload_len = len < captured ? len : captured;
}

int tl_decode_network(struct tl_packet *pkt, const uint8_t *data, uint16_t type, uint32_t off) {
    pkt->net_type = type;
    pkt->net_off = off;
    switch (type) {
    case 0x0800: return tl_decode_ipv4(pkt, data, off);
    case 0x86dd: return tl_decode_ipv6(pkt, data, off);
    case 0x0806: return tl_decode_arp(pkt, data, off, 0);
    case 0x8035: return tl_decode_arp(pkt, data, off, 1);
    default: tl_set_payload(pkt, off, UINT32_MAX, pkt->caplen); return TL_OK;
    }
}

int tl_decode_transport(struct tl_packet *pkt, const uint8_t *data, const struct tl_l4 *l4) {
    struct tl_l4 after;
    /* AH (RFC 4302) sits between IP and the transport header, which tcpdump goes on to print:
     * step over each whole AH header (next header, then length in 32-bit words minus 2). */
    for (int n = 0; l4->proto == 51 && n < 8; n++) {
        uint32_t ahlen;
        if (l4->off + 2 > l4->end || (ahlen = (data[l4->off + 1] + 2u) * 4u) > l4->len ||
            l4->off + ahlen > l4->end)
            break; /* cut or too long: the printer says so */
        after = *l4;
        after.proto = data[l4->off];
        after.off = l4->off + ahlen;
        after.len = l4->len - ahlen;
        l4 = &after;
    }
    /* ICMP needs IPv4 and ICMPv6 needs IPv6 (as tcpdump's IP demultiplexer decides). */
    if (l4->proto == 6)
        return tl_decode_tcp(pkt, data, l4);
    if (l4->proto == 17)
        return tl_decode_udp(pkt, data, l4);
    if (l4->proto == 1 && l4->family == 4)
        return tl_decode_icmp(pkt, data, l4);
    if (l4->proto == 58 && l4->family == 6)
        return tl_decode_icmp6(pkt, data, l4);
    tl_set_payload(pkt, l4->off, l4->len, l4->end);
    return TL_OK;
}

/* Raw IP: the version nibble picks the decoder; anything else is reported by the IPv4 one. */
static int decode_raw(struct tl_packet *pkt, const uint8_t *data) {
    uint16_t type = 0x0800;
    if (pkt->caplen > 0 && (data[0] >> 4) == 6)
        type = 0x86dd;
    return tl_decode_network(pkt, data, type, 0);
}

static void reset(struct tl_packet *pkt, int linktype, uint32_t caplen, uint32_t len) {
    pkt->caplen = caplen;
    pkt->len = len;
    pkt->linktype = linktype;
    pkt->present = 0;
    pkt->stop_layer = -1;
    pkt->stop_status = TL_OK;
    pkt->net_type = 0;
    pkt->net_off = 0;
    pkt->payload_off = 0;
    pkt->payload_len = 0;
}

int tl_decode(struct tl_packet *out, int linktype, const uint8_t *data, uint32_t caplen,
              uint32_t len) {
    return tl_decode_ex(out, linktype, data, caplen, len, TL_DECODE_CKSUM);
}

int tl_decode_ex(struct tl_packet *out, int linktype, const uint8_t *data, uint32_t caplen,
                 uint32_t len, unsigned flags) {
    reset(out, linktype, data ? caplen : 0, len);
    out->decode_flags = (uint8_t)flags;
    switch (linktype) {
    case DLT_EN10MB: tl_decode_eth(out, data); break;
    case DLT_LINUX_SLL: tl_decode_sll(out, data); break;
    case DLT_LINUX_SLL2: tl_decode_sll2(out, data); break;
    case DLT_NULL: tl_decode_null(out, data, 0); break;
#if DLT_LOOP != LINKTYPE_LOOP
    case LINKTYPE_LOOP:
#endif
    case DLT_LOOP: tl_decode_null(out, data, 1); break;
#if DLT_RAW != LINKTYPE_RAW
    case LINKTYPE_RAW:
#endif
    case DLT_RAW: decode_raw(out, data); break;
    case DLT_IPV4: tl_decode_network(out, data, 0x0800, 0); break;
    case DLT_IPV6: tl_decode_network(out, data, 0x86dd, 0); break;
    case DLT_PPP: tl_decode_ppp(out, data, 0); break;
    case DLT_PPP_SERIAL: tl_decode_ppp(out, data, 1); break;
    default: return TL_INVALID;
    }
    return out->stop_layer < 0 ? TL_OK : out->stop_status;
}

int tl_linktype_supported(int linktype) {
    switch (linktype) {
    case DLT_EN10MB:
    case DLT_LINUX_SLL:
    case DLT_LINUX_SLL2:
    case DLT_NULL:
#if DLT_LOOP != LINKTYPE_LOOP
    case LINKTYPE_LOOP:
#endif
    case DLT_LOOP:
#if DLT_RAW != LINKTYPE_RAW
    case LINKTYPE_RAW:
#endif
    case DLT_RAW:
    case DLT_IPV4:
    case DLT_IPV6:
    case DLT_PPP:
    case DLT_PPP_SERIAL: return 1;
    default: return 0;
    }
}
