/* Unit tests for the packet decoders (src/decode/): hand-built packets for every link type
 * and protocol, checked field by field, then decoded again at every truncation length to
 * check status, stop layer and that no span claims bytes that were not captured. */
#include <pcap/dlt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tcplua/packet.h"

static int tu_passed, tu_failed;
static const char *tu_name = ""; /* the case being run, for failure messages */

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (cond) {                                                                                \
            tu_passed++;                                                                           \
        } else {                                                                                   \
            tu_failed++;                                                                           \
            fprintf(stderr, "%s:%d: %s: check failed: %s\n", __FILE__, __LINE__, tu_name, #cond);  \
        }                                                                                          \
    } while (0)

#define CHECK_EQ(a, b)                                                                             \
    do {                                                                                           \
        long long va_ = (long long)(a), vb_ = (long long)(b);                                      \
        if (va_ == vb_) {                                                                          \
            tu_passed++;                                                                           \
        } else {                                                                                   \
            tu_failed++;                                                                           \
            fprintf(stderr, "%s:%d: %s: %s == %lld, expected %s == %lld\n", __FILE__, __LINE__,    \
                    tu_name, #a, va_, #b, vb_);                                                    \
        }                                                                                          \
    } while (0)

struct buf {
    uint8_t b[600];
    uint32_t n;
};

/* ---- packet building ---- */

static void put8(struct buf *p, unsigned v) { p->b[p->n++] = (uint8_t)v; }

static void put16(struct buf *p, unsigned v) {
    put8(p, v >> 8);
    put8(p, v);
}

static void put32(struct buf *p, uint32_t v) {
    put16(p, v >> 16);
    put16(p, v & 0xffff);
}

static void putn(struct buf *p, const void *src, uint32_t n) {
    memcpy(p->b + p->n, src, n);
    p->n += n;
}

static void set16(struct buf *p, uint32_t at, unsigned v) {
    p->b[at] = (uint8_t)(v >> 8);
    p->b[at + 1] = (uint8_t)v;
}

/* Independent one's-complement sum for building packets. */
static uint32_t sum16(const uint8_t *d, uint32_t n, uint32_t s) {
    for (uint32_t i = 0; i < n; i++)
        s += (i & 1) ? d[i] : (uint32_t)d[i] << 8;
    return s;
}

static uint16_t finish(uint32_t s) {
    while (s >> 16)
        s = (s & 0xffff) + (s >> 16);
    return (uint16_t)~s;
}

static const uint8_t MAC_A[6] = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55};
static const uint8_t MAC_B[6] = {0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb};
static const uint8_t IP_A[4] = {192, 168, 1, 10};
static const uint8_t IP_B[4] = {10, 0, 0, 1};
static const uint8_t IP6_A[16] = {0x20, 0x01, 0x0d, 0xb8, [15] = 1};
static const uint8_t IP6_B[16] = {0x20, 0x01, 0x0d, 0xb8, [15] = 2};
static const uint8_t IP6_C[16] = {0x20, 0x01, 0x0d, 0xb8, [14] = 0xff, [15] = 3};

static void eth(struct buf *p, unsigned type) {
    putn(p, MAC_B, 6);
    putn(p, MAC_A, 6);
    put16(p, type);
}

/* IPv4 header without options; returns its offset. Lengths and checksum set by ip4_done. */
static uint32_t ip4(struct buf *p, unsigned proto) {
    uint32_t at = p->n;
    put8(p, 0x45);
    put8(p, 0);
    put16(p, 0);
    put16(p, 0x1234);
    put16(p, 0x4000); /* DF */
    put8(p, 64);
    put8(p, proto);
    put16(p, 0);
    putn(p, IP_A, 4);
    putn(p, IP_B, 4);
    return at;
}

static void ip4_done(struct buf *p, uint32_t at) {
    uint32_t hlen = (p->b[at] & 15) * 4u;
    set16(p, at + 2, p->n - at);
    set16(p, at + 10, finish(sum16(p->b + at, hlen, 0)));
}

static uint32_t ip6(struct buf *p, unsigned nxt, const uint8_t *dst) {
    uint32_t at = p->n;
    put32(p, 0x6012345a); /* tclass 0x01, flow 0x2345a */
    put16(p, 0);
    put8(p, nxt);
    put8(p, 64);
    putn(p, IP6_A, 16);
    putn(p, dst, 16);
    return at;
}

static void ip6_done(struct buf *p, uint32_t at) { set16(p, at + 4, p->n - at - 40); }

/* Transport checksum with the pseudo-header; `fam` 4 or 6, `dst` the final destination. */
static void l4_cksum(struct buf *p, int fam, const uint8_t *dst, unsigned proto, uint32_t l4,
                     uint32_t field) {
    uint32_t len = p->n - l4, s;
    set16(p, l4 + field, 0);
    if (fam == 4)
        s = sum16(IP_A, 4, 0) + sum16(IP_B, 4, 0);
    else
        s = sum16(IP6_A, 16, 0) + sum16(dst, 16, 0);
    s += proto + (len & 0xffff) + (len >> 16);
    set16(p, l4 + field, finish(sum16(p->b + l4, len, s)));
}

static void tcp_hdr(struct buf *p, unsigned doff, unsigned flags) {
    put16(p, 12345);
    put16(p, 80);
    put32(p, 0x01020304);
    put32(p, 0xa0b0c0d0);
    put8(p, doff << 4 | 1); /* AE bit set */
    put8(p, flags);
    put16(p, 65535);
    put16(p, 0);
    put16(p, 7);
}

static void udp_hdr(struct buf *p, unsigned ulen) {
    put16(p, 5353);
    put16(p, 53);
    put16(p, ulen);
    put16(p, 0);
}

/* ---- generic checks ---- */

static struct tl_packet pkt;

static int decode(int dlt, const struct buf *p, uint32_t caplen) {
    return tl_decode(&pkt, dlt, p->b, caplen, p->n);
}

static const struct tl_span *span_of(const struct tl_packet *k, int layer) {
    switch (layer) {
    case TL_LAYER_ETH: return &k->eth.span;
    case TL_LAYER_SLL: return &k->sll.span;
    case TL_LAYER_NULL: return &k->null.span;
    case TL_LAYER_VLAN: return &k->vlan.span;
    case TL_LAYER_ARP: return &k->arp.span;
    case TL_LAYER_IP: return &k->ip.span;
    case TL_LAYER_IP6: return &k->ip6.span;
    case TL_LAYER_TCP: return &k->tcp.span;
    case TL_LAYER_UDP: return &k->udp.span;
    case TL_LAYER_ICMP: return &k->icmp.span;
    default: return &k->icmp6.span;
    }
}

/* Decode at every length from..n-1: the layer whose header holds byte `cut` is where decoding
 * must stop as TRUNCATED; past the last header, cutting payload is fine. */
static void check_truncations_from(int dlt, const struct buf *p, uint32_t from) {
    struct tl_packet full;
    int layers[TL_LAYER_COUNT], nl = 0;

    tl_decode(&full, dlt, p->b, p->n, p->n);
    for (int l = 0; l < TL_LAYER_COUNT; l++)
        if (TL_HAS(&full, l))
            layers[nl++] = l;
    for (uint32_t cut = from; cut < p->n; cut++) {
        uint8_t *copy = malloc(cut ? cut : 1); /* exact size so ASan/valgrind see overreads */
        int expect = -1, st;
        memcpy(copy, p->b, cut);
        for (int i = 0; i < nl && expect < 0; i++) {
            const struct tl_span *s = span_of(&full, layers[i]);
            if (s->off + s->have > cut)
                expect = layers[i];
        }
        st = tl_decode(&pkt, dlt, copy, cut, p->n);
        if (expect >= 0) {
            CHECK_EQ(st, TL_TRUNCATED);
            CHECK_EQ(pkt.stop_layer, expect);
            CHECK_EQ(pkt.stop_status, TL_TRUNCATED);
        } else {
            CHECK_EQ(st, full.stop_layer < 0 ? TL_OK : full.stop_status);
        }
        for (int l = 0; l < TL_LAYER_COUNT; l++) {
            const struct tl_span *s = span_of(&pkt, l);
            if (TL_HAS(&pkt, l)) {
                CHECK(s->off < cut);
                CHECK(s->off + s->have <= cut);
            }
        }
        CHECK(pkt.payload_len == 0 || pkt.payload_off + pkt.payload_len <= cut);
        free(copy);
    }
}

static void check_truncations(int dlt, const struct buf *p) { check_truncations_from(dlt, p, 0); }

/* A link header that is no layer (PPP): cut inside it, no layer is decoded. */
static void check_header_cuts(int dlt, const struct buf *p, uint32_t hdr) {
    for (uint32_t cut = 0; cut < hdr; cut++) {
        CHECK_EQ(tl_decode(&pkt, dlt, p->b, cut, p->n), TL_OK);
        CHECK_EQ(pkt.present, 0);
    }
    check_truncations_from(dlt, p, hdr);
}

/* ---- packets ---- */

static void test_eth_ipv4_tcp(void) {
    struct buf p = {.n = 0};
    uint32_t ip, tcp;
    tu_name = "eth/ipv4/tcp";
    eth(&p, 0x0800);
    ip = ip4(&p, 6);
    tcp = p.n;
    tcp_hdr(&p, 10, 0x02);                                       /* 20 + 20 bytes of options */
    put8(&p, 2), put8(&p, 4), put16(&p, 1460);                   /* MSS */
    put8(&p, 4), put8(&p, 2);                                    /* SACK permitted */
    put8(&p, 8), put8(&p, 10), put32(&p, 1000), put32(&p, 2000); /* TS */
    put8(&p, 1);                                                 /* NOP */
    put8(&p, 3), put8(&p, 3), put8(&p, 7);                       /* WS */
    putn(&p, "abcd", 4);
    ip4_done(&p, ip);
    l4_cksum(&p, 4, IP_B, 6, tcp, 16);

    CHECK_EQ(decode(DLT_EN10MB, &p, p.n), TL_OK);
    CHECK_EQ(pkt.stop_layer, -1);
    CHECK(TL_HAS(&pkt, TL_LAYER_ETH) && TL_HAS(&pkt, TL_LAYER_IP) && TL_HAS(&pkt, TL_LAYER_TCP));
    CHECK(!TL_HAS(&pkt, TL_LAYER_UDP));
    CHECK(memcmp(pkt.eth.src, MAC_A, 6) == 0 && memcmp(pkt.eth.dst, MAC_B, 6) == 0);
    CHECK_EQ(pkt.net_type, 0x0800);
    CHECK_EQ(pkt.net_off, 14);
    CHECK_EQ(pkt.ip.version, 4);
    CHECK_EQ(pkt.ip.ihl, 5);
    CHECK_EQ(pkt.ip.tot_len, 64);
    CHECK_EQ(pkt.ip.df, 1);
    CHECK_EQ(pkt.ip.ttl, 64);
    CHECK(memcmp(pkt.ip.dst, IP_B, 4) == 0);
    CHECK_EQ(pkt.ip.cksum_checked, 1);
    CHECK_EQ(pkt.ip.cksum_calc, 0);
    CHECK_EQ(pkt.ip.cksum_good, pkt.ip.cksum);
    CHECK_EQ(pkt.ip.payload_len, 44);
    CHECK_EQ(pkt.tcp.sport, 12345);
    CHECK_EQ(pkt.tcp.seq, 0x01020304);
    CHECK_EQ(pkt.tcp.ack, 0xa0b0c0d0);
    CHECK_EQ(pkt.tcp.doff, 10);
    CHECK_EQ(pkt.tcp.ae, 1);
    CHECK_EQ(pkt.tcp.flags, 0x02);
    CHECK_EQ(pkt.tcp.urp, 7);
    CHECK_EQ(pkt.tcp.span.have, 40);
    CHECK_EQ(pkt.tcp.opt_status, TL_OK);
    CHECK_EQ(pkt.tcp.opt_count, 5);
    CHECK_EQ(pkt.tcp.opt[0].kind, 2);
    CHECK_EQ(pkt.tcp.opt[0].v[0], 1460);
    CHECK_EQ(pkt.tcp.opt[0].off, tcp + 20);
    CHECK_EQ(pkt.tcp.opt[1].kind, 4);
    CHECK_EQ(pkt.tcp.opt[1].n, 0);
    CHECK_EQ(pkt.tcp.opt[2].v[0], 1000);
    CHECK_EQ(pkt.tcp.opt[2].v[1], 2000);
    CHECK_EQ(pkt.tcp.opt[3].kind, 1);
    CHECK_EQ(pkt.tcp.opt[3].len, 1);
    CHECK_EQ(pkt.tcp.opt[4].v[0], 7);
    CHECK_EQ(pkt.tcp.cksum_checked, 1);
    CHECK_EQ(pkt.tcp.cksum_calc, 0);
    CHECK_EQ(pkt.tcp.payload_len, 4);
    CHECK_EQ(pkt.payload_off, tcp + 40);
    CHECK_EQ(pkt.payload_len, 4);
    check_truncations(DLT_EN10MB, &p);

    /* Wrong checksum: cksum_good is what the field should have held. */
    uint16_t good = pkt.tcp.cksum;
    set16(&p, tcp + 16, good ^ 0x0101);
    decode(DLT_EN10MB, &p, p.n);
    CHECK(pkt.tcp.cksum_calc != 0);
    CHECK_EQ(pkt.tcp.cksum_good, good);

    /* Ethernet padding past tot_len is neither payload nor checksummed. */
    set16(&p, tcp + 16, good);
    put32(&p, 0);
    CHECK_EQ(decode(DLT_EN10MB, &p, p.n), TL_OK);
    CHECK_EQ(pkt.tcp.cksum_calc, 0);
    CHECK_EQ(pkt.payload_len, 4);

    /* Snaplen shorter than tot_len is normal: payload partly captured, no checksum. */
    CHECK_EQ(decode(DLT_EN10MB, &p, tcp + 42), TL_OK);
    CHECK_EQ(pkt.payload_len, 2);
    CHECK_EQ(pkt.tcp.payload_len, 4);
    CHECK_EQ(pkt.tcp.cksum_checked, 0);
}

static void test_known_ip_cksum(void) {
    /* A widely published example header whose checksum is 0xb861. */
    static const uint8_t hdr[] = {0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
                                  0xb8, 0x61, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7};
    struct buf p = {.n = 0};
    tu_name = "ip cksum vector";
    putn(&p, hdr, sizeof(hdr));
    decode(DLT_IPV4, &p, p.n);
    CHECK_EQ(pkt.ip.cksum_calc, 0);
    p.b[10] = 0x12;
    p.b[11] = 0x34;
    decode(DLT_IPV4, &p, p.n);
    CHECK_EQ(pkt.ip.cksum_good, 0xb861);
    CHECK(pkt.ip.cksum_calc != 0);
}

static void test_ipv6_ext_udp(void) {
    struct buf p = {.n = 0};
    uint32_t ip, udp;
    tu_name = "eth/ipv6/hbh/rh0/dst/udp";
    eth(&p, 0x86dd);
    ip = ip6(&p, 0, IP6_B);
    put8(&p, 43), put8(&p, 0), put8(&p, 1), put8(&p, 4), put32(&p, 0x05020000); /* HBH */
    put8(&p, 60), put8(&p, 2), put8(&p, 0), put8(&p, 1), put32(&p, 0);          /* RH0 */
    putn(&p, IP6_C, 16);
    put8(&p, 17), put8(&p, 0), put8(&p, 1), put8(&p, 4), put32(&p, 0); /* dest opts */
    udp = p.n;
    udp_hdr(&p, 13);
    putn(&p, "hello", 5);
    ip6_done(&p, ip);
    l4_cksum(&p, 6, IP6_C, 17, udp, 6); /* final destination from the routing header */

    CHECK_EQ(decode(DLT_EN10MB, &p, p.n), TL_OK);
    CHECK(TL_HAS(&pkt, TL_LAYER_IP6) && TL_HAS(&pkt, TL_LAYER_UDP));
    CHECK_EQ(pkt.ip6.version, 6);
    CHECK_EQ(pkt.ip6.tclass, 0x01);
    CHECK_EQ(pkt.ip6.flow, 0x2345a);
    CHECK_EQ(pkt.ip6.plen, 53);
    CHECK_EQ(pkt.ip6.nxt, 0);
    CHECK_EQ(pkt.ip6.next_proto, 17);
    CHECK_EQ(pkt.ip6.ext_count, 3);
    CHECK_EQ(pkt.ip6.ext[0].type, 0);
    CHECK_EQ(pkt.ip6.ext[0].len, 8);
    CHECK_EQ(pkt.ip6.ext[1].type, 43);
    CHECK_EQ(pkt.ip6.ext[1].len, 24);
    CHECK_EQ(pkt.ip6.ext[1].rtype, 0);
    CHECK_EQ(pkt.ip6.ext[1].segleft, 1);
    CHECK_EQ(pkt.ip6.ext[2].type, 60);
    CHECK_EQ(pkt.ip6.ext[2].off, ip + 40 + 32);
    CHECK_EQ(pkt.ip6.payload_off, udp);
    CHECK_EQ(pkt.ip6.payload_len, 13);
    CHECK_EQ(pkt.ip6.span.have, 80);
    CHECK_EQ(pkt.udp.ulen, 13);
    CHECK_EQ(pkt.udp.payload_len, 5);
    CHECK_EQ(pkt.udp.cksum_checked, 1);
    CHECK_EQ(pkt.udp.cksum_calc, 0);
    CHECK_EQ(pkt.payload_off, udp + 8);
    CHECK_EQ(pkt.payload_len, 5);
    check_truncations(DLT_EN10MB, &p);
}

static void test_ipv6_fragment(void) {
    struct buf p = {.n = 0};
    uint32_t ip;
    tu_name = "ipv6 later fragment";
    ip = ip6(&p, 44, IP6_B);
    put8(&p, 6), put8(&p, 0), put16(&p, (100 << 3) | 1), put32(&p, 0xdeadbeef);
    putn(&p, "0123456789", 10);
    ip6_done(&p, ip);
    CHECK_EQ(decode(DLT_IPV6, &p, p.n), TL_OK);
    CHECK(!TL_HAS(&pkt, TL_LAYER_TCP));
    CHECK_EQ(pkt.ip6.ext_count, 1);
    CHECK_EQ(pkt.ip6.ext[0].frag_off, 100);
    CHECK_EQ(pkt.ip6.ext[0].m, 1);
    CHECK_EQ(pkt.ip6.ext[0].frag_id, 0xdeadbeef);
    CHECK_EQ(pkt.ip6.next_proto, 6);
    CHECK_EQ(pkt.payload_off, 48);
    CHECK_EQ(pkt.payload_len, 10);
    check_truncations(DLT_IPV6, &p);

    /* Extension headers longer than the payload length are invalid. */
    tu_name = "ipv6 ext past plen";
    set16(&p, 4, 4);
    CHECK_EQ(decode(DLT_IPV6, &p, p.n), TL_INVALID);
    CHECK_EQ(pkt.stop_layer, TL_LAYER_IP6);
}

static void test_arp(void) {
    struct buf p = {.n = 0};
    tu_name = "arp";
    eth(&p, 0x0806);
    put16(&p, 1), put16(&p, 0x0800), put8(&p, 6), put8(&p, 4), put16(&p, 1);
    putn(&p, MAC_A, 6), putn(&p, IP_A, 4), putn(&p, MAC_B, 6), putn(&p, IP_B, 4);
    CHECK_EQ(decode(DLT_EN10MB, &p, p.n), TL_OK);
    CHECK(TL_HAS(&pkt, TL_LAYER_ARP));
    CHECK_EQ(pkt.arp.op, 1);
    CHECK_EQ(pkt.arp.rarp, 0);
    CHECK_EQ(pkt.arp.sha, 22);
    CHECK_EQ(pkt.arp.spa, 28);
    CHECK_EQ(pkt.arp.tha, 32);
    CHECK_EQ(pkt.arp.tpa, 38);
    CHECK_EQ(pkt.arp.span.have, 28);
    CHECK_EQ(pkt.payload_len, 0);
    check_truncations(DLT_EN10MB, &p);

    tu_name = "rarp";
    set16(&p, 12, 0x8035);
    CHECK_EQ(decode(DLT_EN10MB, &p, p.n), TL_OK);
    CHECK_EQ(pkt.arp.rarp, 1);
    CHECK_EQ(pkt.net_type, 0x8035);
}

static void test_icmp_error(void) {
    struct buf p = {.n = 0};
    uint32_t ip, icmp, qip;
    tu_name = "icmp unreachable";
    eth(&p, 0x0800);
    ip = ip4(&p, 1);
    icmp = p.n;
    put8(&p, 3), put8(&p, 4), put16(&p, 0), put16(&p, 0), put16(&p, 1400);
    qip = ip4(&p, 17);
    udp_hdr(&p, 100);
    set16(&p, qip + 2, 120); /* the quoted datagram was longer than what is quoted */
    ip4_done(&p, ip);
    set16(&p, icmp + 2, finish(sum16(p.b + icmp, p.n - icmp, 0)));
    CHECK_EQ(decode(DLT_EN10MB, &p, p.n), TL_OK);
    CHECK(TL_HAS(&pkt, TL_LAYER_ICMP));
    CHECK_EQ(pkt.icmp.type, 3);
    CHECK_EQ(pkt.icmp.code, 4);
    CHECK_EQ(pkt.icmp.mtu, 1400);
    CHECK_EQ(pkt.icmp.quote_off, qip);
    CHECK_EQ(pkt.icmp.data_off, qip);
    CHECK_EQ(pkt.icmp.cksum_checked, 1);
    CHECK_EQ(pkt.icmp.cksum_calc, 0);
    CHECK_EQ(pkt.payload_len, 28);
    check_truncations(DLT_EN10MB, &p);

    /* The quote decodes as raw IP from quote_off. */
    struct tl_packet q;
    tl_decode(&q, DLT_RAW, p.b + pkt.icmp.quote_off, p.n - pkt.icmp.quote_off, 28);
    CHECK(TL_HAS(&q, TL_LAYER_UDP));
    CHECK_EQ(q.udp.dport, 53);

    tu_name = "icmp echo/redirect/param";
    struct buf e = {.n = 0};
    ip = ip4(&e, 1);
    icmp = e.n;
    put8(&e, 8), put8(&e, 0), put16(&e, 0), put16(&e, 0x4242), put16(&e, 9);
    ip4_done(&e, ip);
    CHECK_EQ(tl_decode(&pkt, DLT_IPV4, e.b, e.n, e.n), TL_OK);
    CHECK_EQ(pkt.icmp.id, 0x4242);
    CHECK_EQ(pkt.icmp.seq, 9);
    CHECK_EQ(pkt.icmp.quote_off, 0);
    CHECK_EQ(pkt.icmp.cksum_good, finish(sum16(e.b + icmp, 8, 0)));
    e.b[icmp] = 5;
    set16(&e, icmp + 4, 0x0a00);
    tl_decode(&pkt, DLT_IPV4, e.b, e.n, e.n);
    CHECK_EQ(pkt.icmp.gateway, 0x0a000009);
    e.b[icmp] = 12;
    tl_decode(&pkt, DLT_IPV4, e.b, e.n, e.n);
    CHECK_EQ(pkt.icmp.pointer, 0x0a);
}

static void test_icmp6_echo(void) {
    struct buf p = {.n = 0};
    uint32_t ip, ic;
    tu_name = "icmp6 echo";
    eth(&p, 0x86dd);
    ip = ip6(&p, 58, IP6_B);
    ic = p.n;
    put8(&p, 128), put8(&p, 0), put16(&p, 0), put16(&p, 0x1111), put16(&p, 2);
    putn(&p, "ping", 4);
    ip6_done(&p, ip);
    l4_cksum(&p, 6, IP6_B, 58, ic, 2);
    CHECK_EQ(decode(DLT_EN10MB, &p, p.n), TL_OK);
    CHECK(TL_HAS(&pkt, TL_LAYER_ICMP6));
    CHECK_EQ(pkt.icmp6.type, 128);
    CHECK_EQ(pkt.icmp6.word, 0x11110002);
    CHECK_EQ(pkt.icmp6.body_off, ic + 8);
    CHECK_EQ(pkt.icmp6.cksum_checked, 1);
    CHECK_EQ(pkt.icmp6.cksum_calc, 0);
    CHECK_EQ(pkt.payload_len, 4);
    check_truncations(DLT_EN10MB, &p);
}

static void test_sll(void) {
    struct buf p = {.n = 0};
    uint32_t ip, udp;
    tu_name = "sll/ipv4/udp";
    put16(&p, 4), put16(&p, 1), put16(&p, 6);
    putn(&p, MAC_A, 6), put16(&p, 0);
    put16(&p, 0x0800);
    ip = ip4(&p, 17);
    udp = p.n;
    udp_hdr(&p, 11);
    putn(&p, "xyz", 3);
    ip4_done(&p, ip);
    l4_cksum(&p, 4, IP_B, 17, udp, 6);
    CHECK_EQ(decode(DLT_LINUX_SLL, &p, p.n), TL_OK);
    CHECK(TL_HAS(&pkt, TL_LAYER_SLL) && TL_HAS(&pkt, TL_LAYER_UDP));
    CHECK_EQ(pkt.sll.version, 1);
    CHECK_EQ(pkt.sll.pkttype, 4);
    CHECK_EQ(pkt.sll.hatype, 1);
    CHECK_EQ(pkt.sll.halen, 6);
    CHECK(memcmp(pkt.sll.addr, MAC_A, 6) == 0);
    CHECK_EQ(pkt.sll.protocol, 0x0800);
    CHECK_EQ(pkt.net_off, 16);
    CHECK_EQ(pkt.udp.cksum_calc, 0);
    CHECK_EQ(pkt.udp.cksum_checked, 1);
    CHECK_EQ(pkt.payload_len, 3);
    check_truncations(DLT_LINUX_SLL, &p);

    /* UDP length field shorter than the IP payload: the UDP length wins. */
    tu_name = "udp ulen < ip len";
    set16(&p, udp + 4, 10);
    l4_cksum(&p, 4, IP_B, 17, udp, 6); /* now wrong: covers 11 bytes, pseudo-len 11 */
    CHECK_EQ(decode(DLT_LINUX_SLL, &p, p.n), TL_OK);
    CHECK_EQ(pkt.udp.payload_len, 2);
    CHECK_EQ(pkt.payload_len, 2);
    CHECK(pkt.udp.cksum_calc != 0);
}

static void test_sll2(void) {
    struct buf p = {.n = 0};
    uint32_t ip, tcp;
    tu_name = "sll2/ipv6/tcp";
    put16(&p, 0x86dd), put16(&p, 0), put32(&p, 3), put16(&p, 1), put8(&p, 0), put8(&p, 6);
    putn(&p, MAC_B, 6), put16(&p, 0);
    ip = ip6(&p, 6, IP6_B);
    tcp = p.n;
    tcp_hdr(&p, 5, 0x18);
    putn(&p, "GET /", 5);
    ip6_done(&p, ip);
    l4_cksum(&p, 6, IP6_B, 6, tcp, 16);
    CHECK_EQ(decode(DLT_LINUX_SLL2, &p, p.n), TL_OK);
    CHECK_EQ(pkt.sll.version, 2);
    CHECK_EQ(pkt.sll.ifindex, 3);
    CHECK_EQ(pkt.sll.hatype, 1);
    CHECK_EQ(pkt.sll.halen, 6);
    CHECK_EQ(pkt.sll.protocol, 0x86dd);
    CHECK_EQ(pkt.net_off, 20);
    CHECK_EQ(pkt.tcp.flags, 0x18);
    CHECK_EQ(pkt.tcp.opt_count, 0);
    CHECK_EQ(pkt.tcp.cksum_calc, 0);
    CHECK_EQ(pkt.payload_off, tcp + 20);
    CHECK_EQ(pkt.payload_len, 5);
    check_truncations(DLT_LINUX_SLL2, &p);
}

static void test_null_loop(void) {
    struct buf p = {.n = 0};
    uint32_t ip;
    tu_name = "null little-endian AF_INET";
    put8(&p, 2), put8(&p, 0), put8(&p, 0), put8(&p, 0);
    ip = ip4(&p, 1);
    put8(&p, 0), put8(&p, 0), put16(&p, 0), put32(&p, 0x00010001); /* echo reply */
    ip4_done(&p, ip);
    CHECK_EQ(decode(DLT_NULL, &p, p.n), TL_OK);
    CHECK_EQ(pkt.null.family, 2);
    CHECK_EQ(pkt.net_type, 0x0800);
    CHECK(TL_HAS(&pkt, TL_LAYER_ICMP));
    check_truncations(DLT_NULL, &p);

    tu_name = "null big-endian AF_INET6 (darwin)";
    struct buf q = {.n = 0};
    put32(&q, 30);
    ip = ip6(&q, 59, IP6_B); /* no next header */
    ip6_done(&q, ip);
    CHECK_EQ(decode(DLT_NULL, &q, q.n), TL_OK);
    CHECK_EQ(pkt.null.family, 30);
    CHECK(TL_HAS(&pkt, TL_LAYER_IP6));
    CHECK_EQ(pkt.ip6.next_proto, 59);
    check_truncations(DLT_NULL, &q);

    tu_name = "loop network order";
    CHECK_EQ(decode(DLT_LOOP, &q, q.n), TL_OK);
    CHECK_EQ(pkt.null.family, 30);
    CHECK(TL_HAS(&pkt, TL_LAYER_IP6));
    q.b[3] = 99;
    CHECK_EQ(decode(DLT_LOOP, &q, q.n), TL_OK);
    CHECK(!TL_HAS(&pkt, TL_LAYER_IP6));
    CHECK_EQ(pkt.payload_off, 4);
}

static void test_ppp(void) {
    struct buf p = {.n = 0};
    uint32_t ip;
    tu_name = "ppp address/control, IPv4";
    put8(&p, 0xff), put8(&p, 0x03), put16(&p, 0x0021);
    ip = ip4(&p, 1);
    put8(&p, 0), put8(&p, 0), put16(&p, 0), put32(&p, 0x00010001); /* echo reply */
    ip4_done(&p, ip);
    CHECK_EQ(decode(DLT_PPP, &p, p.n), TL_OK);
    CHECK_EQ(pkt.net_type, 0x0800);
    CHECK_EQ(pkt.net_off, 4);
    CHECK(TL_HAS(&pkt, TL_LAYER_ICMP));
    check_header_cuts(DLT_PPP, &p, 4);
    tu_name = "ppp serial, IPv4";
    CHECK_EQ(decode(DLT_PPP_SERIAL, &p, p.n), TL_OK);
    CHECK_EQ(pkt.net_off, 4);
    CHECK(TL_HAS(&pkt, TL_LAYER_ICMP));
    check_header_cuts(DLT_PPP_SERIAL, &p, 4);

    tu_name = "ppp compressed protocol field, IPv6";
    struct buf q = {.n = 0};
    put8(&q, 0x57);
    ip = ip6(&q, 59, IP6_B); /* no next header */
    ip6_done(&q, ip);
    CHECK_EQ(decode(DLT_PPP, &q, q.n), TL_OK);
    CHECK_EQ(pkt.net_off, 1);
    CHECK(TL_HAS(&pkt, TL_LAYER_IP6));
    check_header_cuts(DLT_PPP, &q, 1);
    tu_name = "ppp serial without the HDLC address: not decoded";
    CHECK_EQ(decode(DLT_PPP_SERIAL, &q, q.n), TL_OK);
    CHECK(!TL_HAS(&pkt, TL_LAYER_IP6));
    CHECK_EQ(pkt.net_off, 0);
    CHECK_EQ(pkt.payload_off, 0);

    tu_name = "ppp pppd direction byte, LCP not decoded further";
    struct buf r = {.n = 0};
    put8(&r, 0x01), put8(&r, 0x03), put16(&r, 0xc021), put32(&r, 0x09010008), put32(&r, 1);
    CHECK_EQ(decode(DLT_PPP, &r, r.n), TL_OK);
    CHECK_EQ(pkt.net_off, 4);
    CHECK_EQ(pkt.payload_off, 4);
    CHECK_EQ(pkt.present, 0);
    check_truncations(DLT_PPP, &r);
    CHECK(tl_linktype_supported(DLT_PPP) && tl_linktype_supported(DLT_PPP_SERIAL));
}

static void test_vlan(void) {
    struct buf p = {.n = 0};
    uint32_t ip, udp;
    tu_name = "qinq/ipv4/udp";
    eth(&p, 0x88a8);
    put16(&p, 0xb064), put16(&p, 0x8100); /* pcp 5, dei 1, id 100 */
    put16(&p, 0x00c8), put16(&p, 0x0800); /* id 200 */
    ip = ip4(&p, 17);
    udp = p.n;
    udp_hdr(&p, 8);
    ip4_done(&p, ip);
    l4_cksum(&p, 4, IP_B, 17, udp, 6);
    CHECK_EQ(decode(DLT_EN10MB, &p, p.n), TL_OK);
    CHECK(TL_HAS(&pkt, TL_LAYER_VLAN));
    CHECK_EQ(pkt.vlan.count, 2);
    CHECK_EQ(pkt.vlan.tag[0].tpid, 0x88a8);
    CHECK_EQ(pkt.vlan.tag[0].pcp, 5);
    CHECK_EQ(pkt.vlan.tag[0].dei, 1);
    CHECK_EQ(pkt.vlan.tag[0].id, 100);
    CHECK_EQ(pkt.vlan.tag[0].type, 0x8100);
    CHECK_EQ(pkt.vlan.tag[1].id, 200);
    CHECK_EQ(pkt.vlan.tag[1].type, 0x0800);
    CHECK_EQ(pkt.vlan.span.have, 8);
    CHECK_EQ(pkt.net_type, 0x0800);
    CHECK_EQ(pkt.net_off, 22);
    CHECK_EQ(pkt.udp.payload_len, 0);
    CHECK_EQ(pkt.payload_len, 0);
    check_truncations(DLT_EN10MB, &p);

    tu_name = "802.3 length";
    struct buf l = {.n = 0};
    eth(&l, 6);
    put8(&l, 0x42), put8(&l, 0x42), put8(&l, 0x03), put8(&l, 0), put8(&l, 0), put8(&l, 0);
    put32(&l, 0); /* padding */
    CHECK_EQ(decode(DLT_EN10MB, &l, l.n), TL_OK);
    CHECK_EQ(pkt.eth.type, 6);
    CHECK_EQ(pkt.payload_off, 14);
    CHECK_EQ(pkt.payload_len, 6);
}

/* IPv4 + TCP with the given option bytes (a multiple of 4), decoded as DLT_IPV4. */
static void build_tcp_opts(struct buf *p, const uint8_t *opts, uint32_t n) {
    uint32_t ip;
    p->n = 0;
    ip = ip4(p, 6);
    tcp_hdr(p, 5 + n / 4, 0x10);
    putn(p, opts, n);
    ip4_done(p, ip);
    l4_cksum(p, 4, IP_B, 6, 20, 16);
}

static void test_tcp_options(void) {
    struct buf p;
    tu_name = "tcp opt len 1";
    static const uint8_t bad_len[] = {1, 2, 1, 0};
    build_tcp_opts(&p, bad_len, 4);
    CHECK_EQ(tl_decode(&pkt, DLT_IPV4, p.b, p.n, p.n), TL_OK);
    CHECK_EQ(pkt.tcp.opt_status, TL_INVALID);
    CHECK_EQ(pkt.tcp.opt_count, 2);
    CHECK_EQ(pkt.tcp.opt[1].status, TL_INVALID);
    CHECK_EQ(pkt.tcp.opt[1].kind, 2);
    CHECK_EQ(pkt.tcp.span.status, TL_OK);

    tu_name = "tcp opt longer than header";
    static const uint8_t too_long[] = {8, 12, 0, 0, 0, 0, 0, 0};
    build_tcp_opts(&p, too_long, 8);
    tl_decode(&pkt, DLT_IPV4, p.b, p.n, p.n);
    CHECK_EQ(pkt.tcp.opt_status, TL_INVALID);
    CHECK_EQ(pkt.tcp.opt_count, 1);

    tu_name = "tcp mss len 5 (tcpdump walk)";
    static const uint8_t mss5[] = {2, 5, 0x05, 0xb4, 1, 1, 1, 0};
    build_tcp_opts(&p, mss5, 8);
    tl_decode(&pkt, DLT_IPV4, p.b, p.n, p.n);
    CHECK_EQ(pkt.tcp.opt_status, TL_OK);
    CHECK_EQ(pkt.tcp.opt[0].len, 5);
    CHECK_EQ(pkt.tcp.opt[0].v[0], 1460);
    CHECK_EQ(pkt.tcp.opt_count, 5);
    CHECK_EQ(pkt.tcp.opt[1].off, 44);
    CHECK_EQ(pkt.tcp.opt[4].kind, 0);

    tu_name = "tcp sack, md5, mptcp, tfo, exp, unknown";
    static const uint8_t many[] = {1,  1, 5,   18, 0,    0,    0,  1, 0,  0, 0,    2,
                                   0,  0, 0,   3,  0,    0,    0,  4, 30, 4, 0x21, 0x80,
                                   34, 2, 254, 4,  0xf9, 0x89, 99, 3, 7,  0, 0,    0};
    build_tcp_opts(&p, many, sizeof(many));
    CHECK_EQ(tl_decode(&pkt, DLT_IPV4, p.b, p.n, p.n), TL_OK);
    CHECK_EQ(pkt.tcp.opt_status, TL_OK);
    CHECK_EQ(pkt.tcp.opt[2].kind, 5);
    CHECK_EQ(pkt.tcp.opt[2].n, 4);
    CHECK_EQ(pkt.tcp.opt[2].v[3], 4);
    CHECK_EQ(pkt.tcp.opt[3].kind, 30);
    CHECK_EQ(pkt.tcp.opt[3].len, 4);
    CHECK_EQ(pkt.tcp.opt[4].kind, 34);
    CHECK_EQ(pkt.tcp.opt[5].kind, 254);
    CHECK_EQ(pkt.tcp.opt[5].v[0], 0xf989);
    CHECK_EQ(pkt.tcp.opt[6].kind, 99);
    CHECK_EQ(pkt.tcp.opt[6].len, 3);
    CHECK_EQ(pkt.tcp.opt[7].kind, 0);
    CHECK_EQ(pkt.tcp.opt_count, 8);
    CHECK_EQ(pkt.tcp.cksum_calc, 0);
    check_truncations(DLT_IPV4, &p);
}

static void test_invalid(void) {
    struct buf p = {.n = 0};
    uint32_t ip;
    tu_name = "invalid";
    ip = ip4(&p, 6);
    tcp_hdr(&p, 5, 0x02);
    ip4_done(&p, ip);

    p.b[0] = 0x44; /* ihl 4 */
    CHECK_EQ(tl_decode(&pkt, DLT_IPV4, p.b, p.n, p.n), TL_INVALID);
    CHECK_EQ(pkt.stop_layer, TL_LAYER_IP);
    CHECK_EQ(pkt.ip.ihl, 4);
    CHECK_EQ(pkt.ip.span.status, TL_INVALID);
    CHECK(TL_HAS(&pkt, TL_LAYER_IP) && !TL_HAS(&pkt, TL_LAYER_TCP));
    CHECK_EQ(tl_decode(&pkt, DLT_IPV4, p.b, 1, p.n), TL_INVALID); /* ihl known from byte 0 */

    p.b[0] = 0x65; /* IPv6 in an IPv4 slot */
    CHECK_EQ(tl_decode(&pkt, DLT_IPV4, p.b, p.n, p.n), TL_INVALID);
    CHECK_EQ(pkt.ip.version, 6);
    p.b[0] = 0x45;

    set16(&p, 2, 12); /* tot_len < header length */
    CHECK_EQ(tl_decode(&pkt, DLT_IPV4, p.b, p.n, p.n), TL_INVALID);
    CHECK_EQ(pkt.ip.tot_len, 12);
    set16(&p, 2, 40);

    p.b[32] = 0x41; /* doff 4 */
    CHECK_EQ(tl_decode(&pkt, DLT_IPV4, p.b, p.n, p.n), TL_INVALID);
    CHECK_EQ(pkt.stop_layer, TL_LAYER_TCP);
    CHECK_EQ(pkt.tcp.doff, 4);
    CHECK_EQ(pkt.tcp.sport, 12345);
    p.b[32] = 0xf1; /* doff 15: 60 bytes > 20 available per tot_len */
    CHECK_EQ(tl_decode(&pkt, DLT_IPV4, p.b, p.n, p.n), TL_INVALID);
    CHECK_EQ(pkt.tcp.doff, 15);
    p.b[32] = 0x51;

    tu_name = "fragments";
    set16(&p, 6, 0x2000); /* MF, offset 0: first fragment */
    CHECK_EQ(tl_decode(&pkt, DLT_IPV4, p.b, p.n, p.n), TL_OK);
    CHECK(TL_HAS(&pkt, TL_LAYER_TCP));
    CHECK_EQ(pkt.ip.mf, 1);
    CHECK_EQ(pkt.tcp.cksum_checked, 0);
    set16(&p, 6, 0x000a); /* offset 80 bytes */
    CHECK_EQ(tl_decode(&pkt, DLT_IPV4, p.b, p.n, p.n), TL_OK);
    CHECK(!TL_HAS(&pkt, TL_LAYER_TCP));
    CHECK_EQ(pkt.ip.frag_off, 10);
    CHECK_EQ(pkt.payload_off, 20);
    CHECK_EQ(pkt.payload_len, 20);

    tu_name = "udp length < 8";
    struct buf u = {.n = 0};
    ip = ip4(&u, 17);
    udp_hdr(&u, 5);
    ip4_done(&u, ip);
    CHECK_EQ(tl_decode(&pkt, DLT_RAW, u.b, u.n, u.n), TL_INVALID);
    CHECK_EQ(pkt.stop_layer, TL_LAYER_UDP);
    CHECK_EQ(pkt.udp.ulen, 5);

    tu_name = "raw ip";
    u.b[0] = 0x55;
    CHECK_EQ(tl_decode(&pkt, DLT_RAW, u.b, u.n, u.n), TL_INVALID);
    CHECK_EQ(pkt.stop_layer, TL_LAYER_IP);
    CHECK_EQ(pkt.ip.version, 5);
    CHECK_EQ(tl_decode(&pkt, DLT_RAW, u.b, 0, u.n), TL_TRUNCATED);
    CHECK_EQ(pkt.present, 0);
    CHECK_EQ(pkt.stop_layer, TL_LAYER_IP);
    CHECK_EQ(tl_decode(&pkt, 101, u.b, 0, u.n), TL_TRUNCATED);
    CHECK_EQ(tl_decode(&pkt, 9999, u.b, u.n, u.n), TL_INVALID);
    CHECK_EQ(pkt.present, 0);

    CHECK(tl_linktype_supported(DLT_EN10MB) && tl_linktype_supported(DLT_LINUX_SLL2));
    CHECK(tl_linktype_supported(101) && tl_linktype_supported(108));
    CHECK(tl_linktype_supported(DLT_IPV4) && tl_linktype_supported(DLT_IPV6));
    CHECK(!tl_linktype_supported(105)); /* 802.11 */
}

uint32_t tl_cksum_add(uint32_t sum, const uint8_t *p, uint32_t n);

/* The decoder's checksum sum agrees with the byte-at-a-time reference above for every
 * length and alignment, from random and all-0xff data (the carries) and any start sum. */
static void test_cksum_add(void) {
    static uint8_t data[600];
    unsigned seed = 12345;
    int bad = 0;
    for (int round = 0; round < 3; round++) {
        for (size_t i = 0; i < sizeof(data); i++) {
            seed = seed * 1103515245u + 12345u;
            data[i] = round == 1 ? 0xff : round == 2 ? 0 : (uint8_t)(seed >> 16);
        }
        for (uint32_t align = 0; align < 8; align++)
            for (uint32_t n = 0; n + align <= 520; n++) {
                uint32_t start = round == 1 ? 0xffff : n * 977u % 0x1ffff;
                uint32_t want = sum16(data + align, n, start);
                while (want >> 16)
                    want = (want & 0xffff) + (want >> 16);
                uint32_t got = tl_cksum_add(start, data + align, n);
                if (got != want && !bad++)
                    printf("cksum_add(%u, +%u, %u): 0x%x, expected 0x%x\n", start, align, n,
                           got, want);
            }
    }
    CHECK_EQ(bad, 0);
}

int main(void) {
    test_cksum_add();
    test_eth_ipv4_tcp();
    test_known_ip_cksum();
    test_ipv6_ext_udp();
    test_ipv6_fragment();
    test_arp();
    test_icmp_error();
    test_icmp6_echo();
    test_sll();
    test_sll2();
    test_null_loop();
    test_ppp();
    test_vlan();
    test_tcp_options();
    test_invalid();
    printf("test_decode: %d passed, %d failed\n", tu_passed, tu_failed);
    return tu_failed ? 1 : 0;
}
