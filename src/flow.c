/* tcplua flow table (see flow.h). TCP analysis follows RFC 9293's sequence space; the
 * conn_state codes and history letters follow Zeek's conn.log definitions. */
#include "flow.h"

#include <stdlib.h>
#include <string.h>

#define POOL_FLOWS 4096
#define CLOSE_DELAY 5 /* seconds a closed TCP flow is kept for its last ACKs (Zeek's) */
#define UNSEEN UINT32_MAX

struct tl_flow_pool {
    struct tl_flow_pool *next;
    struct tl_flow flows[POOL_FLOWS];
};

void tl_flow_table_init(struct tl_flow_table *t, size_t max_flows) {
    memset(t, 0, sizeof(*t));
    t->max_flows = max_flows;
    t->timeout[TL_LRU_TCP] = 300;
    t->timeout[TL_LRU_UDP] = 60;
    t->timeout[TL_LRU_OTHER] = 60;
    t->timeout[TL_LRU_CLOSING] = CLOSE_DELAY;
}

void tl_flow_table_free(struct tl_flow_table *t) {
    while (t->pools) {
        struct tl_flow_pool *n = t->pools->next;
        free(t->pools);
        t->pools = n;
    }
    free(t->buckets);
    memset(t, 0, sizeof(*t));
}

static struct tl_flow *alloc_flow(struct tl_flow_table *t) {
    if (!t->free_list) {
        struct tl_flow_pool *p = calloc(1, sizeof(*p));
        if (!p)
            return NULL;
        p->next = t->pools;
        t->pools = p;
        for (int i = POOL_FLOWS - 1; i >= 0; i--) {
            p->flows[i].hnext = t->free_list;
            t->free_list = &p->flows[i];
        }
    }
    struct tl_flow *f = t->free_list;
    t->free_list = f->hnext;
    memset(f, 0, sizeof(*f));
    return f;
}

/* Hash of an endpoint pair, the same in both directions. */
static uint32_t pair_hash(const uint8_t *a, uint16_t ap, const uint8_t *b, uint16_t bp, int alen,
                          uint8_t proto) {
    int c = memcmp(a, b, (size_t)alen);
    if (c > 0 || (c == 0 && ap > bp)) {
        const uint8_t *ta = a;
        a = b;
        b = ta;
        uint16_t tp = ap;
        ap = bp;
        bp = tp;
    }
    uint32_t h = 2166136261u ^ proto;
    for (int i = 0; i < alen; i++)
        h = (h ^ a[i]) * 16777619u;
    for (int i = 0; i < alen; i++)
        h = (h ^ b[i]) * 16777619u;
    h = (h ^ ap) * 16777619u;
    h = (h ^ bp) * 16777619u;
    return h ^ (h >> 16);
}

static int grow(struct tl_flow_table *t) {
    size_t nb = t->nbuckets ? t->nbuckets * 2 : 1024;
    struct tl_flow **b = calloc(nb, sizeof(*b));
    if (!b)
        return -1;
    for (size_t i = 0; i < t->nbuckets; i++) {
        struct tl_flow *f = t->buckets[i];
        while (f) {
            struct tl_flow *n = f->hnext;
            int alen = f->family == 6 ? 16 : 4;
            size_t h = pair_hash(f->cli, f->cport, f->srv, f->sport, alen, f->proto) & (nb - 1);
            f->hnext = b[h];
            b[h] = f;
            f = n;
        }
    }
    free(t->buckets);
    t->buckets = b;
    t->nbuckets = nb;
    return 0;
}

static void lru_unlink(struct tl_flow_table *t, struct tl_flow *f) {
    if (f->lprev)
        f->lprev->lnext = f->lnext;
    else
        t->lru_head[f->lru] = f->lnext;
    if (f->lnext)
        f->lnext->lprev = f->lprev;
    else
        t->lru_tail[f->lru] = f->lprev;
    f->lprev = f->lnext = NULL;
}

static void lru_append(struct tl_flow_table *t, struct tl_flow *f, int lru) {
    f->lru = (uint8_t)lru;
    f->lnext = NULL;
    f->lprev = t->lru_tail[lru];
    if (f->lprev)
        f->lprev->lnext = f;
    else
        t->lru_head[lru] = f;
    t->lru_tail[lru] = f;
}

void tl_flow_remove(struct tl_flow_table *t, struct tl_flow *f) {
    int alen = f->family == 6 ? 16 : 4;
    size_t h = pair_hash(f->cli, f->cport, f->srv, f->sport, alen, f->proto) & (t->nbuckets - 1);
    struct tl_flow **pp = &t->buckets[h];
    while (*pp && *pp != f)
        pp = &(*pp)->hnext;
    if (*pp)
        *pp = f->hnext;
    lru_unlink(t, f);
    f->id = 0;
    f->hnext = t->free_list;
    t->free_list = f;
    t->count--;
}

/* The packet's endpoints and flow class. Returns -1 when it has no IP layer. */
struct endpoints {
    const uint8_t *src, *dst;
    uint16_t sp, dp;
    int alen;
    uint8_t proto;
    uint32_t ip_bytes, payload;
};

static int packet_endpoints(const struct tl_packet *p, struct endpoints *ep) {
    if (TL_HAS(p, TL_LAYER_IP) && p->ip.span.status == TL_OK) {
        ep->src = p->ip.src;
        ep->dst = p->ip.dst;
        ep->alen = 4;
        ep->proto = p->ip.proto;
        ep->ip_bytes = p->ip.tot_len;
        ep->payload = p->ip.payload_len;
    } else if (TL_HAS(p, TL_LAYER_IP6) && p->ip6.span.status == TL_OK) {
        ep->src = p->ip6.src;
        ep->dst = p->ip6.dst;
        ep->alen = 16;
        ep->proto = p->ip6.next_proto;
        ep->ip_bytes = 40u + p->ip6.plen;
        ep->payload = p->ip6.payload_len;
    } else {
        return -1;
    }
    ep->sp = ep->dp = 0;
    if (TL_HAS(p, TL_LAYER_TCP) && p->tcp.span.have >= 4) {
        ep->sp = p->tcp.sport;
        ep->dp = p->tcp.dport;
        ep->payload = p->tcp.payload_len;
    } else if (TL_HAS(p, TL_LAYER_UDP) && p->udp.span.have >= 4) {
        ep->sp = p->udp.sport;
        ep->dp = p->udp.dport;
        ep->payload = p->udp.payload_len;
    } else if (TL_HAS(p, TL_LAYER_ICMP) && p->icmp.span.have >= 8) {
        uint8_t ty = p->icmp.type; /* query/reply pairs share their identifier */
        if (ty == 0 || ty == 8 || ty == 13 || ty == 14 || ty == 15 || ty == 16 || ty == 17 ||
            ty == 18)
            ep->sp = ep->dp = p->icmp.id;
    } else if (TL_HAS(p, TL_LAYER_ICMP6) && p->icmp6.span.have >= 8) {
        if (p->icmp6.type == 128 || p->icmp6.type == 129)
            ep->sp = ep->dp = (uint16_t)(p->icmp6.word >> 16);
    }
    return 0;
}

static struct tl_flow *lookup(struct tl_flow_table *t, const struct endpoints *ep, uint32_t h,
                              int *from_client) {
    for (struct tl_flow *f = t->buckets[h & (t->nbuckets - 1)]; f; f = f->hnext) {
        if (f->proto != ep->proto || (f->family == 6) != (ep->alen == 16))
            continue;
        if (f->cport == ep->sp && f->sport == ep->dp &&
            memcmp(f->cli, ep->src, (size_t)ep->alen) == 0 &&
            memcmp(f->srv, ep->dst, (size_t)ep->alen) == 0) {
            *from_client = 1;
            return f;
        }
        if (f->cport == ep->dp && f->sport == ep->sp &&
            memcmp(f->cli, ep->dst, (size_t)ep->alen) == 0 &&
            memcmp(f->srv, ep->src, (size_t)ep->alen) == 0) {
            *from_client = 0;
            return f;
        }
    }
    return NULL;
}

void tl_flow_tcp_update(struct tl_flow *f, const struct tl_packet *p, int dir, int64_t sec,
                        uint32_t frac, int prec, struct tl_flow_hit *hit);
void tl_flow_udp_update(struct tl_flow *f, int dir, uint32_t payload);

int tl_flow_update(struct tl_flow_table *t, const struct tl_packet *p, const uint8_t *data,
                   int64_t sec, uint32_t frac, int prec, struct tl_flow_hit *hit) {
    (void)data;
    struct endpoints ep;
    memset(hit, 0, sizeof(*hit));
    if (packet_endpoints(p, &ep) < 0)
        return -1;
    if (t->count >= t->nbuckets * 2 && grow(t) < 0)
        return -1;
    uint32_t h = pair_hash(ep.src, ep.sp, ep.dst, ep.dp, ep.alen, ep.proto);
    int from_client = 1;
    struct tl_flow *f = lookup(t, &ep, h, &from_client);
    if (f && f->end_reason && TL_HAS(p, TL_LAYER_TCP) && p->tcp.span.have >= 14 &&
        (p->tcp.flags & 0x12) == 0x02) {
        hit->flow = f; /* a new SYN on a closed connection: the caller ends f, then retries */
        return 1;
    }
    if (!f) {
        f = alloc_flow(t);
        if (!f)
            return -1;
        /* roles: a SYN/ACK's sender is the server; otherwise the first sender is the client */
        int server_first =
            TL_HAS(p, TL_LAYER_TCP) && p->tcp.span.have >= 14 && (p->tcp.flags & 0x12) == 0x12;
        const uint8_t *c = server_first ? ep.dst : ep.src, *s = server_first ? ep.src : ep.dst;
        memcpy(f->cli, c, (size_t)ep.alen);
        memcpy(f->srv, s, (size_t)ep.alen);
        f->cport = server_first ? ep.dp : ep.sp;
        f->sport = server_first ? ep.sp : ep.dp;
        f->family = ep.alen == 16 ? 6 : 4;
        f->proto = ep.proto;
        f->id = ++t->next_id ? t->next_id : ++t->next_id;
        f->first_sec = sec;
        f->first_frac = frac;
        f->syn_us = f->synack_us = f->ack_us = UNSEEN;
        from_client = !server_first;
        f->hnext = t->buckets[h & (t->nbuckets - 1)];
        t->buckets[h & (t->nbuckets - 1)] = f;
        t->count++;
        lru_append(t, f, ep.proto == 6 ? TL_LRU_TCP : ep.proto == 17 ? TL_LRU_UDP : TL_LRU_OTHER);
        hit->is_new = 1;
    }
    int dir = from_client ? 0 : 1;
    struct tl_flow_dir *d = &f->d[dir];
    d->pkts++;
    d->bytes += ep.ip_bytes;
    d->payload += ep.payload;
    f->last_sec = sec;
    f->last_frac = frac;
    hit->flow = f;
    hit->from_client = from_client;
    if (ep.proto == 6 && TL_HAS(p, TL_LAYER_TCP) && p->tcp.span.status == TL_OK)
        tl_flow_tcp_update(f, p, dir, sec, frac, prec, hit);
    else if (ep.proto == 17)
        tl_flow_udp_update(f, dir, ep.payload);
    int lru = f->end_reason ? TL_LRU_CLOSING : f->lru;
    lru_unlink(t, f); /* most recently used goes last */
    lru_append(t, f, lru);
    return 0;
}

struct tl_flow *tl_flow_next_expired(struct tl_flow_table *t, int64_t sec, int *reason) {
    for (int l = 0; l < TL_LRU_COUNT; l++) {
        struct tl_flow *f = t->lru_head[l];
        if (f && f->last_sec + t->timeout[l] < sec) {
            *reason = l == TL_LRU_CLOSING ? f->end_reason : TL_END_IDLE;
            return f;
        }
    }
    if (t->max_flows && t->count > t->max_flows) {
        struct tl_flow *old = NULL;
        for (int l = 0; l < TL_LRU_COUNT; l++) {
            struct tl_flow *f = t->lru_head[l];
            if (f && (!old || f->last_sec < old->last_sec ||
                      (f->last_sec == old->last_sec && f->last_frac < old->last_frac)))
                old = f;
        }
        *reason = TL_END_EVICTED;
        return old;
    }
    return NULL;
}

struct tl_flow *tl_flow_any(struct tl_flow_table *t) {
    for (int l = 0; l < TL_LRU_COUNT; l++)
        if (t->lru_head[l])
            return t->lru_head[l];
    return NULL;
}

const char *tl_flow_ep_name(int state) {
    static const char *const names[] = {"inactive",    "syn_sent", "syn_ack_sent", "partial",
                                        "established", "closed",   "reset"};
    return state >= 0 && state <= TL_EP_RESET ? names[state] : "?";
}

/* Zeek's conn_state from the two endpoint states (conn.log documentation). */
const char *tl_flow_conn_state(const struct tl_flow *f) {
    if (f->proto == 17)
        return f->d[0].pkts && f->d[1].pkts ? "SF" : f->d[0].pkts ? "S0" : "OTH";
    if (f->proto != 6)
        return "OTH";
    int os = f->d[0].state, rs = f->d[1].state;
    int o_inactive = os == TL_EP_INACTIVE || os == TL_EP_PARTIAL;
    int r_inactive = rs == TL_EP_INACTIVE || rs == TL_EP_PARTIAL;
    if (rs == TL_EP_RESET) {
        if (os == TL_EP_SYN_SENT || os == TL_EP_SYN_ACK_SENT ||
            (os == TL_EP_RESET && f->d[0].payload == 0 && f->d[1].payload == 0))
            return "REJ";
        return o_inactive ? "RSTRH" : "RSTR";
    }
    if (os == TL_EP_RESET) {
        if (r_inactive) {
            /* SYN then RST from the originator, with no SYN/ACK, data or FIN between */
            const char *h = f->history;
            if (*h == '^')
                h++;
            if (*h == 'S') {
                h++;
                while (*h && !strchr("HAFGIQR", *h))
                    h++;
                if (*h == 'R')
                    return "RSTOS0";
            }
            return "OTH";
        }
        return "RSTO";
    }
    if (rs == TL_EP_CLOSED && os == TL_EP_CLOSED)
        return "SF";
    if (os == TL_EP_CLOSED)
        return r_inactive ? "SH" : "S2";
    if (rs == TL_EP_CLOSED)
        return o_inactive ? "SHR" : "S3";
    if (os == TL_EP_SYN_SENT && rs == TL_EP_INACTIVE)
        return "S0";
    if (os == TL_EP_ESTABLISHED && rs == TL_EP_ESTABLISHED)
        return "S1";
    return "OTH";
}
