/* tcplua flow table: bidirectional 5-tuple flows with client/server roles, counters, and
 * TCP analysis (endpoint states, Zeek-style conn_state and history, handshake RTT,
 * retransmissions, out-of-order segments, duplicate ACKs, zero windows). Memory is bounded
 * by idle timeouts and a maximum flow count; entries live in a pool that is never returned
 * to the system, so a stale handle can be detected by its id instead of crashing. */
#ifndef TL_FLOW_H
#define TL_FLOW_H

#include <stddef.h>
#include <stdint.h>

#include "tcplua/packet.h"

enum tl_tcp_ep {
    TL_EP_INACTIVE,
    TL_EP_SYN_SENT,
    TL_EP_SYN_ACK_SENT,
    TL_EP_PARTIAL,
    TL_EP_ESTABLISHED,
    TL_EP_CLOSED,
    TL_EP_RESET
};

enum tl_flow_end { TL_END_NONE, TL_END_FIN, TL_END_RST, TL_END_IDLE, TL_END_EVICTED, TL_END_EOF };

enum tl_lru { TL_LRU_TCP, TL_LRU_UDP, TL_LRU_OTHER, TL_LRU_CLOSING, TL_LRU_COUNT };

#define TL_HIST_MAX 15

/* One direction of a flow. */
struct tl_flow_dir {
    uint64_t bytes;   /* IP bytes */
    uint64_t payload; /* transport payload bytes */
    uint32_t pkts;
    uint32_t isn, max_end, last_ack, hole_lo, hole_hi;
    /* event counts, saturating at 65535 */
    uint16_t retrans, dupacks, ooo, zero_win, badsum, gaps;
    uint16_t last_win;
    uint8_t state; /* enum tl_tcp_ep */
    uint8_t have_isn : 1, have_ack : 1, have_hole : 1, have_end : 1;
};

struct tl_flow {
    struct tl_flow *hnext;         /* hash chain */
    struct tl_flow *lprev, *lnext; /* LRU list */
    int64_t first_sec, last_sec;
    uint32_t first_frac, last_frac;
    uint32_t id;              /* 0 when the entry is free */
    int lua_state_ref;        /* flow.state table, 0 = none */
    uint8_t cli[16], srv[16]; /* client (originator) and server addresses */
    uint16_t cport, sport;    /* ports, or ICMP id in cport */
    uint8_t family;           /* 4 or 6 */
    uint8_t proto;            /* IP protocol */
    uint8_t lru;              /* enum tl_lru */
    uint8_t end_reason;       /* set when closed (fin/rst) */
    /* handshake times in µs after the flow's first packet, UINT32_MAX = unseen */
    uint32_t syn_us, synack_us, ack_us;
    uint32_t syns;           /* SYNs from the client (retries + 1) */
    struct tl_flow_dir d[2]; /* 0 = from the client, 1 = from the server */
    uint16_t hist_seen;      /* once-only history letters recorded, per direction */
    char history[TL_HIST_MAX + 1];
};

struct tl_flow_pool;

struct tl_flow_table {
    struct tl_flow **buckets;
    size_t nbuckets, count, max_flows;
    struct tl_flow_pool *pools;
    struct tl_flow *free_list;
    struct tl_flow *lru_head[TL_LRU_COUNT], *lru_tail[TL_LRU_COUNT];
    uint32_t next_id;
    int64_t timeout[TL_LRU_COUNT]; /* seconds */
};

/* What one packet did to its flow. */
struct tl_flow_hit {
    struct tl_flow *flow;
    int is_new;
    int from_client;
    uint32_t rel_seq, rel_ack; /* TCP: relative to each side's ISN */
};

void tl_flow_table_init(struct tl_flow_table *t, size_t max_flows);
void tl_flow_table_free(struct tl_flow_table *t);
/* Looks the packet's flow up (creating it), updates counters and TCP analysis. Returns 0,
 * -1 when the packet has no IP layer (no flow), or 1 when the packet is a SYN reopening
 * the closed flow hit->flow: end that flow, then call again. */
int tl_flow_update(struct tl_flow_table *t, const struct tl_packet *p, const uint8_t *data,
                   int64_t sec, uint32_t frac, int prec, struct tl_flow_hit *hit);
/* The next flow to end before time `sec` (idle, or closed past the close delay), or the
 * oldest flow when over max_flows; NULL when none. *reason says why. */
struct tl_flow *tl_flow_next_expired(struct tl_flow_table *t, int64_t sec, int *reason);
/* Any flow at all (for the end of an input). */
struct tl_flow *tl_flow_any(struct tl_flow_table *t);
void tl_flow_remove(struct tl_flow_table *t, struct tl_flow *f);
const char *tl_flow_conn_state(const struct tl_flow *f);
const char *tl_flow_ep_name(int state);

#endif
