/* IPv4 (RFC 791): fixed header, options, fragment fields and the header checksum (RFC 1071).
 * The transport layer is decoded only for unfragmented datagrams and first fragments; bytes
 * captured past tot_len (link padding) are not handed to it. */
#include <string.h>

#include "decode_internal.h"

#define IP_MIN_HDR 20
#define IP_RF 0x8000
#define IP_DF 0x4000
#define IP_MF 0x2000
#define IP_OFFMASK 0x1fff

static void read_fixed(struct tl_ip *ip, struct tl_cursor *c) {
    uint8_t b0 = get_u8(c, 0);
    uint16_t frag;

    ip->version = b0 >> 4;
    ip->ihl = b0 & 0x0f;
    ip->tos = get_u8(c, 1);
    ip->tot_len = get_u16(c, 2);
    ip->id = get_u16(c, 4);
    frag = get_u16(c, 6);
    ip->rf = (frag & IP_RF) != 0;
    ip->df = (frag & IP_DF) != 0;
    ip->mf = (frag & IP_MF) != 0;
    ip->frag_off = frag & IP_OFFMASK;
    ip->ttl = get_u8(c, 8);
    ip->proto = get_u8(c, 9);
    ip->cksum = get_u16(c, 10);
    get_bytes(c, 12, ip->src, 4);
    get_bytes(c, 16, ip->dst, 4);
}

/* Returns TL_OK, or the status the header's own fields (version, ihl, tot_len) imply. */
static int check_header(struct tl_ip *ip, struct tl_cursor *c) {
    if (ip->version != 4 || ip->ihl * 4 < IP_MIN_HDR)
        return TL_INVALID;
    if (cur_has(c, 2, 2) && ip->tot_len < ip->ihl * 4)
        return TL_INVALID; /* includes tot_len 0 (TSO), which tcpdump 4.99 calls bad-len */
    if (c->trunc)
        return TL_TRUNCATED;
    return TL_OK;
}

/* With a loose or strict source route (options 131, 137), the pseudo-header of TCP and UDP
 * checksums names the route's last address, the final destination (RFC 791, RFC 1122). */
static void route_final_dst(const uint8_t *data, const struct tl_ip *ip, uint8_t *dst) {
    const uint8_t *o = data + ip->opt_off;
    uint32_t n = ip->opt_len, i = 0;
    while (i < n) {
        uint8_t type = o[i];
        if (type == 0)
            break;
        if (type == 1) {
            i++;
            continue;
        }
        if (i + 1 >= n || o[i + 1] < 2 || i + o[i + 1] > n)
            break;
        uint8_t len = o[i + 1];
        if ((type == 131 || type == 137) && len >= 7)
            memcpy(dst, o + i + len - 4, 4);
        i += len;
    }
}

int tl_decode_ipv4(struct tl_packet *pkt, const uint8_t *data, uint32_t off) {
    struct tl_ip *ip = &pkt->ip;
    struct tl_cursor c;
    struct tl_l4 l4;
    uint32_t hlen;
    int status;

    memset(ip, 0, sizeof(*ip));
    cur_init(&c, data, off, pkt->caplen);
    tl_layer_begin(pkt, TL_LAYER_IP, &ip->span, off, pkt->caplen, IP_MIN_HDR);
    if (!cur_has(&c, 0, 1))
        return tl_stop(pkt, TL_LAYER_IP, &ip->span, TL_TRUNCATED);
    read_fixed(ip, &c);
    hlen = ip->ihl * 4u;
    if (hlen >= IP_MIN_HDR) {
        tl_span_len(&ip->span, pkt->caplen, hlen);
        ip->opt_off = off + IP_MIN_HDR;
        ip->opt_len = (uint16_t)(hlen - IP_MIN_HDR);
        ip->payload_off = off + hlen;
        ip->payload_len = ip->tot_len > hlen ? ip->tot_len - hlen : 0;
    }
    status = check_header(ip, &c);
    if (status != TL_OK)
        return tl_stop(pkt, TL_LAYER_IP, &ip->span, status);
    if (!cur_has(&c, 0, hlen))
        return tl_stop(pkt, TL_LAYER_IP, &ip->span, TL_TRUNCATED); /* options cut short */

    if (pkt->decode_flags & TL_DECODE_CKSUM) {
        ip->cksum_calc = tl_cksum_fold(tl_cksum_add(0, data + off, hlen));
        ip->cksum_good = tl_cksum_shouldbe(ip->cksum, ip->cksum_calc);
        ip->cksum_checked = 1;
    }

    memset(&l4, 0, sizeof(l4));
    l4.family = 4;
    l4.proto = ip->proto;
    l4.fragmented = ip->mf || ip->frag_off != 0;
    memcpy(l4.src, ip->src, 4);
    memcpy(l4.dst, ip->dst, 4);
    route_final_dst(data, ip, l4.dst);
    l4.off = ip->payload_off;
    l4.len = ip->payload_len;
    l4.end = off + ip->tot_len < pkt->caplen ? off + ip->tot_len : pkt->caplen;
    if (ip->frag_off != 0) { /* a later fragment: no transport header here */
        tl_set_payload(pkt, l4.off, l4.len, l4.end);
        return TL_OK;
    }
    return tl_decode_transport(pkt, data, &l4);
}
