/* tcplua decoded packet: plain host-order structs filled by the decoders in src/decode/.
 * Nothing here points into packet memory: positions are byte offsets from the start of the
 * captured data, so a decoded packet can be copied and outlive libpcap's buffer. */
#ifndef TCPLUA_PACKET_H
#define TCPLUA_PACKET_H

#include <stddef.h>
#include <stdint.h>

/* Result of a decoder. A layer that ran out of captured bytes is TRUNCATED; one whose
 * header contradicts itself (bad length, wrong version) is INVALID. */
enum tl_status { TL_OK = 0, TL_TRUNCATED = 1, TL_INVALID = 2 };

/* Layers, in the order they appear in tl_packet.present (bit 1 << TL_LAYER_x). */
enum tl_layer {
    TL_LAYER_ETH = 0,
    TL_LAYER_SLL,
    TL_LAYER_NULL, /* DLT_NULL / DLT_LOOP: 4-byte address family */
    TL_LAYER_VLAN,
    TL_LAYER_ARP,
    TL_LAYER_IP,
    TL_LAYER_IP6,
    TL_LAYER_TCP,
    TL_LAYER_UDP,
    TL_LAYER_ICMP,
    TL_LAYER_ICMP6,
    TL_LAYER_COUNT
};

#define TL_HAS(pkt, layer) (((pkt)->present >> (layer)) & 1u)

/* Common to every layer: where it is and how much of it was captured. */
struct tl_span {
    uint32_t off;   /* offset of the layer's first byte in the captured data */
    uint32_t have;  /* bytes of this layer's header that were captured (may be < hdr length) */
    uint8_t status; /* enum tl_status */
};

struct tl_eth {
    struct tl_span span;
    uint8_t dst[6], src[6];
    uint16_t type; /* ethertype, or 802.3 length when <= 1500 */
};

/* Linux cooked capture v1 (DLT_LINUX_SLL) and v2 (DLT_LINUX_SLL2). */
struct tl_sll {
    struct tl_span span;
    uint8_t version;  /* 1 or 2 */
    uint16_t pkttype; /* 0 host, 1 broadcast, 2 multicast, 3 otherhost, 4 outgoing */
    uint16_t hatype;  /* ARPHRD_ type */
    uint16_t halen;
    uint8_t addr[8];
    uint16_t protocol; /* ethertype */
    uint32_t ifindex;  /* v2 only */
};

struct tl_null {
    struct tl_span span;
    uint32_t family; /* address family, in the byte order that makes it small */
};

#define TL_MAX_VLAN 4
struct tl_vlan {
    struct tl_span span;
    uint8_t count;
    struct {
        uint16_t tpid; /* 0x8100 or 0x88a8 (or 0x9100) */
        uint16_t id;   /* 12-bit VLAN id */
        uint8_t pcp;   /* priority */
        uint8_t dei;
        uint16_t type; /* the ethertype that follows this tag */
    } tag[TL_MAX_VLAN];
};

/* ARP and RARP (RFC 826, RFC 903). Addresses are offsets into the packet. */
struct tl_arp {
    struct tl_span span;
    uint16_t htype, ptype;
    uint8_t hlen, plen;
    uint16_t op;
    uint32_t sha, spa, tha, tpa; /* offsets; valid only if span.have covers them */
    uint8_t rarp;                /* ethertype was 0x8035 */
};

/* IPv4 (RFC 791). */
struct tl_ip {
    struct tl_span span;
    uint8_t version, ihl; /* ihl in 32-bit words as on the wire */
    uint8_t tos;
    uint16_t tot_len;
    uint16_t id;
    uint8_t rf, df, mf; /* flag bits */
    uint16_t frag_off;  /* in 8-byte units */
    uint8_t ttl, proto;
    uint16_t cksum;
    uint8_t src[4], dst[4];
    uint32_t opt_off; /* offset of options, opt_len bytes */
    uint16_t opt_len;
    uint16_t cksum_calc;   /* checksum computed over the header (0 when it is correct) */
    uint16_t cksum_good;   /* value the checksum field should hold (= cksum when correct) */
    uint8_t cksum_checked; /* the whole header was captured, so cksum_calc is meaningful */
    uint32_t payload_off;  /* first byte after the header */
    uint32_t payload_len;  /* tot_len - header length, clipped to 0 */
};

#define TL_MAX_IP6_EXT 8
/* IPv6 (RFC 8200) with extension headers. */
struct tl_ip6 {
    struct tl_span span;
    uint8_t version;
    uint8_t tclass;
    uint32_t flow;
    uint16_t plen;
    uint8_t nxt; /* next header in the fixed header */
    uint8_t hlim;
    uint8_t src[16], dst[16];
    uint8_t next_proto; /* protocol after all extension headers */
    uint8_t ext_count;
    struct {
        uint8_t type; /* 0 hop-by-hop, 43 routing, 44 fragment, 60 dest opts */
        uint8_t nxt;
        uint32_t off;
        uint16_t len; /* bytes */
        /* fragment header fields */
        uint16_t frag_off; /* in 8-byte units */
        uint8_t m;
        uint32_t frag_id;
        /* routing header fields */
        uint8_t rtype, segleft;
    } ext[TL_MAX_IP6_EXT];
    uint32_t payload_off; /* first byte after all extension headers */
    uint32_t payload_len; /* bytes of upper-layer payload per plen */
};

#define TL_MAX_TCP_OPTS 40
struct tl_tcp_opt {
    uint8_t kind;
    uint8_t len;    /* the length byte as sent (1 for EOL/NOP) */
    uint8_t status; /* TL_OK, TL_TRUNCATED (cut by the capture), TL_INVALID (bad length) */
    uint8_t n;      /* parsed values in v[] */
    uint32_t off;   /* offset of the kind byte in the packet */
    uint32_t v[8];  /* mss: v0; wscale: v0; TS: v0 val, v1 ecr; sack: v0..v2n-1 edges */
};

/* TCP (RFC 9293, options RFC 7323, 2018, 2385, 8684, 7413). */
struct tl_tcp {
    struct tl_span span;
    uint16_t sport, dport;
    uint32_t seq, ack;
    uint8_t doff;  /* header length in 32-bit words */
    uint8_t flags; /* FIN 0x01 SYN 0x02 RST 0x04 PSH 0x08 ACK 0x10 URG 0x20 ECE 0x40 CWR 0x80 */
    uint8_t ae;    /* the AE (formerly NS) bit */
    uint16_t win, cksum, urp;
    uint8_t opt_count;
    uint8_t opt_status; /* TL_OK, or where option parsing stopped */
    struct tl_tcp_opt opt[TL_MAX_TCP_OPTS];
    uint32_t payload_off;
    uint32_t payload_len;  /* per IP lengths */
    uint16_t cksum_calc;   /* pseudo-header checksum over the segment; 0 when correct */
    uint16_t cksum_good;   /* value the checksum field should hold (= cksum when correct) */
    uint8_t cksum_checked; /* the whole segment was captured */
};

/* UDP (RFC 768). */
struct tl_udp {
    struct tl_span span;
    uint16_t sport, dport, ulen, cksum;
    uint32_t payload_off;
    uint32_t payload_len;
    uint16_t cksum_calc;
    uint16_t cksum_good; /* value the checksum field should hold (= cksum when correct) */
    uint8_t cksum_checked;
};

/* ICMP (RFC 792 and later). Errors carry the quoted IP header + 8 bytes. */
struct tl_icmp {
    struct tl_span span;
    uint8_t type, code;
    uint16_t cksum;
    uint16_t id, seq;   /* echo, timestamp, info, address mask */
    uint32_t gateway;   /* redirect: raw 4 bytes as host-order integer */
    uint16_t mtu;       /* frag needed */
    uint8_t pointer;    /* parameter problem */
    uint32_t data_off;  /* offset of the body after the 8-byte header */
    uint32_t quote_off; /* errors: offset of the quoted IP header, 0 if none */
    uint16_t cksum_calc;
    uint16_t cksum_good; /* value the checksum field should hold (= cksum when correct) */
    uint8_t cksum_checked;
};

/* ICMPv6 (RFC 4443, ND RFC 4861, MLD RFC 2710/3810). Options/body are read by offset. */
struct tl_icmp6 {
    struct tl_span span;
    uint8_t type, code;
    uint16_t cksum;
    uint32_t word;     /* bytes 4-7 (id/seq, mtu, pointer, ND flags, ...) */
    uint32_t body_off; /* offset of the byte after the 8-byte header */
    uint16_t cksum_calc;
    uint16_t cksum_good; /* value the checksum field should hold (= cksum when correct) */
    uint8_t cksum_checked;
};

/* One decoded packet. Layers present are flagged in `present`; a layer's struct is
 * meaningful only when its bit is set. `stop` names the layer where decoding stopped early. */
struct tl_packet {
    uint32_t caplen, len;
    int linktype;
    uint32_t present;     /* bitmask of enum tl_layer */
    int8_t stop_layer;    /* layer that was TRUNCATED/INVALID, -1 if none */
    uint8_t stop_status;  /* its status */
    uint8_t decode_flags; /* TL_DECODE_* this packet was decoded with */
    uint16_t net_type;    /* ethertype of the network layer (after VLAN tags) */
    uint32_t net_off;     /* offset of the network layer */
    uint32_t payload_off; /* application payload (after TCP/UDP/ICMP header) */
    uint32_t payload_len; /* bytes of payload actually captured */
    struct tl_eth eth;
    struct tl_sll sll;
    struct tl_null null;
    struct tl_vlan vlan;
    struct tl_arp arp;
    struct tl_ip ip;
    struct tl_ip6 ip6;
    struct tl_tcp tcp;
    struct tl_udp udp;
    struct tl_icmp icmp;
    struct tl_icmp6 icmp6;
};

/* Decode `caplen` captured bytes of a packet of link type `linktype` (a DLT_ value).
 * Fills *out (which need not be cleared first). Returns the status of the deepest layer. */
int tl_decode(struct tl_packet *out, int linktype, const uint8_t *data, uint32_t caplen,
              uint32_t len);

/* tl_decode() with options: without TL_DECODE_CKSUM the checksums are not verified
 * (cksum_checked stays 0), which saves most of the decoding time of large packets. */
#define TL_DECODE_CKSUM 1u
int tl_decode_ex(struct tl_packet *out, int linktype, const uint8_t *data, uint32_t caplen,
                 uint32_t len, unsigned flags);

/* Is this link type one tl_decode understands? */
int tl_linktype_supported(int linktype);

#endif
