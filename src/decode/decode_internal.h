/* Prototypes shared by the decoders in src/decode/ (not part of the public API).
 * Each decoder fills its struct in tl_packet, then hands the next offset to the next layer;
 * decode.c owns the bookkeeping (present bits, spans, where decoding stopped). */
#ifndef TCPLUA_DECODE_INTERNAL_H
#define TCPLUA_DECODE_INTERNAL_H

#include "cursor.h"
#include "tcplua/packet.h"

/* What the network layer tells the transport decoders. */
struct tl_l4 {
    uint8_t family;           /* 4 or 6 */
    uint8_t proto;            /* IP protocol / IPv6 next header after extension headers */
    uint8_t fragmented;       /* part of a fragmented datagram: checksums are not verified */
    uint8_t src[16], dst[16]; /* pseudo-header addresses (first 4 bytes used for IPv4) */
    uint32_t off;             /* offset of the transport header */
    uint32_t len;             /* transport length per the IP lengths, clipped to the wire length */
    uint32_t end;             /* min(caplen, off + len): bytes past the IP datagram don't count */
};

/* decode.c: bookkeeping */
void tl_layer_begin(struct tl_packet *pkt, enum tl_layer layer, struct tl_span *span, uint32_t off,
                    uint32_t end, uint32_t hdr_len);
void tl_span_len(struct tl_span *span, uint32_t end, uint32_t hdr_len);
int tl_stop(struct tl_packet *pkt, enum tl_layer layer, struct tl_span *span, int status);
void tl_set_payload(struct tl_packet *pkt, uint32_t off, uint32_t len, uint32_t end);
int tl_decode_network(struct tl_packet *pkt, const uint8_t *data, uint16_t type, uint32_t off);
int tl_decode_transport(struct tl_packet *pkt, const uint8_t *data, const struct tl_l4 *l4);

/* link.c */
int tl_decode_eth(struct tl_packet *pkt, const uint8_t *data);
int tl_decode_sll(struct tl_packet *pkt, const uint8_t *data);
int tl_decode_sll2(struct tl_packet *pkt, const uint8_t *data);
int tl_decode_null(struct tl_packet *pkt, const uint8_t *data, int network_order);
int tl_decode_ppp(struct tl_packet *pkt, const uint8_t *data, int serial);
int tl_decode_ethertype(struct tl_packet *pkt, const uint8_t *data, uint16_t type, uint32_t off);

/* network layers */
int tl_decode_arp(struct tl_packet *pkt, const uint8_t *data, uint32_t off, int rarp);
int tl_decode_ipv4(struct tl_packet *pkt, const uint8_t *data, uint32_t off);
int tl_decode_ipv6(struct tl_packet *pkt, const uint8_t *data, uint32_t off);

/* transport layers */
int tl_decode_tcp(struct tl_packet *pkt, const uint8_t *data, const struct tl_l4 *l4);
int tl_decode_udp(struct tl_packet *pkt, const uint8_t *data, const struct tl_l4 *l4);
int tl_decode_icmp(struct tl_packet *pkt, const uint8_t *data, const struct tl_l4 *l4);
int tl_decode_icmp6(struct tl_packet *pkt, const uint8_t *data, const struct tl_l4 *l4);

/* cksum.c (RFC 1071). Sums are unfolded 32-bit accumulators. */
uint32_t tl_cksum_add(uint32_t sum, const uint8_t *p, uint32_t n);
uint16_t tl_cksum_fold(uint32_t sum); /* ~fold(sum): 0 when the data checks out */
uint32_t tl_cksum_pseudo(const struct tl_l4 *l4);
uint16_t tl_cksum_shouldbe(uint16_t field, uint16_t calc);
/* Checksum a transport segment of l4->len bytes (pseudo-header if `pseudo`); sets calc and good. */
void tl_cksum_l4(const uint8_t *data, const struct tl_l4 *l4, int pseudo, uint16_t field,
                 uint16_t *calc, uint16_t *good);

#endif
