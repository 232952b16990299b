/* gen_mixed: writes a deterministic, realistic mixed Ethernet capture (pcap, microsecond,
 * EN10MB) for tcplua's benchmarks: ~80% IPv4 TCP in many concurrent flows, DNS and other UDP,
 * ICMP echo, IPv6 TCP/UDP, ARP. Same arguments, same bytes: the PRNG is our own. */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SNAPLEN 262144
#define MSS 1448
#define RING 16

/* ---- PRNG: splitmix64 expands the seed, xorshift64* produces the stream ---- */
static uint64_t rng;

static void rng_seed(uint64_t seed) {
    uint64_t z = seed + 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    rng = (z ^ (z >> 31)) | 1; /* xorshift state must be non-zero */
}

static uint32_t rnd32(void) {
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return (uint32_t)((rng * 0x2545f4914f6cdd1dULL) >> 32);
}

static uint32_t rnd_below(uint32_t n) { return (uint32_t)(((uint64_t)rnd32() * n) >> 32); }
static int chance(uint32_t per_mille) { return rnd_below(1000) < per_mille; }

/* ---- pcap output ---- */
static FILE *out;
static uint32_t ts_sec = 1700000000, ts_usec;
static uint64_t written;

static void put16(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v) {
    put16(p, v >> 16);
    put16(p + 2, v);
}

static int pcap_open(const char *path) {
    out = fopen(path, "wb");
    if (!out) {
        perror(path);
        return -1;
    }
    setvbuf(out, NULL, _IOFBF, 1 << 20);
    /* native byte order, as libpcap writes it; readers accept either */
    uint32_t hdr[6] = {0xa1b2c3d4, 0x00040002, 0, 0, SNAPLEN, 1};
    fwrite(hdr, sizeof hdr, 1, out);
    return 0;
}

static uint32_t now_ms(void) { return ts_sec * 1000u + ts_usec / 1000u; }

/* Every frame advances the clock by 1..8 µs, so timestamps strictly increase. */
static void emit(const uint8_t *frame, uint32_t len) {
    ts_usec += 1 + rnd_below(8);
    if (ts_usec >= 1000000) {
        ts_usec -= 1000000;
        ts_sec++;
    }
    uint32_t rec[4] = {ts_sec, ts_usec, len, len};
    fwrite(rec, sizeof rec, 1, out);
    fwrite(frame, len, 1, out);
    written++;
}

/* ---- payload bytes: a pool of text and random bytes, copied from a random offset ---- */
#define POOL 65536
static uint8_t pool[POOL + 2048];

static void pool_init(void) {
    static const char *words[] = {
        "the ", "packet ", "flow ",  "lua ", "capture ", "engine ", "data ",
        "tcp ", "\r\n",    "value=", "42 ",  "json:{",   "} "};
    size_t i = 0;
    while (i < POOL / 2) { /* first half text, second half noise */
        const char *w = words[rnd_below(sizeof words / sizeof *words)];
        size_t n = strlen(w);
        memcpy(pool + i, w, n);
        i += n;
    }
    for (; i < sizeof pool; i++)
        pool[i] = (uint8_t)rnd32();
}

static void fill(uint8_t *p, uint32_t n) { memcpy(p, pool + rnd_below(POOL), n); }

/* ---- checksums (RFC 1071) ---- */
static uint64_t sum_bytes(const uint8_t *p, size_t n, uint64_t acc) {
    size_t i;
    for (i = 0; i + 1 < n; i += 2)
        acc += (uint32_t)p[i] << 8 | p[i + 1];
    if (i < n)
        acc += (uint32_t)p[i] << 8;
    return acc;
}

static uint16_t fold(uint64_t acc) {
    while (acc >> 16)
        acc = (acc & 0xffff) + (acc >> 16);
    return (uint16_t)~acc;
}

/* ---- addresses: hosts are 32-bit ids; IPv6 embeds them in 2001:db8:<net>:: ---- */
static const uint8_t router_mac[6] = {0x00, 0x1b, 0x21, 0x3a, 0x4f, 0x10};

struct hop { /* one direction of one exchange */
    int v6;
    uint32_t src, dst; /* IPv4 address or IPv6 low 32 bits */
    uint8_t smac[6], dmac[6];
    uint16_t ipid;
    uint8_t ttl;
    uint32_t flow_label;
};

static void host_mac(uint8_t *mac, uint32_t ip) {
    mac[0] = 0x02;
    mac[1] = 0x00;
    put32(mac + 2, ip);
}

static void v6_addr(uint8_t *a, uint32_t id) {
    memset(a, 0, 16);
    put16(a, 0x2001);
    put16(a + 2, 0x0db8);
    put16(a + 4, (id >> 24) == 10 ? 0x0001 : 0x00ff); /* clients vs servers */
    put32(a + 12, id);
}

/* Writes Ethernet + IP headers for an L4 of l4len bytes; returns the L4 offset. */
static uint32_t put_ip(uint8_t *f, const struct hop *h, uint8_t proto, uint32_t l4len) {
    memcpy(f, h->dmac, 6);
    memcpy(f + 6, h->smac, 6);
    if (h->v6) {
        uint8_t *ip = f + 14;
        put16(f + 12, 0x86dd);
        put32(ip, 0x60000000u | (h->flow_label & 0xfffff));
        put16(ip + 4, l4len);
        ip[6] = proto;
        ip[7] = h->ttl;
        v6_addr(ip + 8, h->src);
        v6_addr(ip + 24, h->dst);
        return 54;
    }
    uint8_t *ip = f + 14;
    put16(f + 12, 0x0800);
    ip[0] = 0x45;
    ip[1] = 0;
    put16(ip + 2, 20 + l4len);
    put16(ip + 4, h->ipid);
    put16(ip + 6, proto == 6 ? 0x4000 : 0); /* DF on TCP */
    ip[8] = h->ttl;
    ip[9] = proto;
    put16(ip + 10, 0);
    put32(ip + 12, h->src);
    put32(ip + 16, h->dst);
    put16(ip + 10, fold(sum_bytes(ip, 20, 0)));
    return 34;
}

/* Fills the TCP/UDP/ICMPv6-style checksum at l4 + csum_at, pseudo-header included. */
static void l4_checksum(uint8_t *f, const struct hop *h, uint8_t proto, uint32_t l4off,
                        uint32_t l4len, uint32_t csum_at) {
    uint64_t acc;
    if (h->v6)
        acc = sum_bytes(f + 22, 32, 0) + l4len + proto;
    else
        acc = sum_bytes(f + 26, 8, 0) + l4len + proto;
    put16(f + l4off + csum_at, 0);
    uint16_t c = fold(sum_bytes(f + l4off, l4len, acc));
    if (proto == 17 && c == 0)
        c = 0xffff;
    put16(f + l4off + csum_at, c);
}

/* ---- TCP flows ---- */
enum { TH_FIN = 1, TH_SYN = 2, TH_RST = 4, TH_PSH = 8, TH_ACK = 16 };
enum { OPT_NONE, OPT_SYN, OPT_TS };
enum { ST_SYN, ST_SYNACK, ST_ACK, ST_DATA, ST_FIN1, ST_FIN2, ST_LASTACK };

struct tcp_flow {
    uint8_t v6, stage, rst, closer;
    uint32_t cip, sip;
    uint16_t cport, sport;
    uint32_t nxt[2]; /* [0] client -> server, [1] server -> client */
    uint32_t last_seq[2], held_seq[2], tsbase[2];
    uint16_t last_len[2], held_len[2], win[2], ipid[2];
    uint8_t held[2], http[2];
    uint16_t steps_left;
    uint32_t flow_label;
};

static uint32_t pick_server(void) {
    static const uint32_t nets[] = {0xcb007100, 0xc6336400, 0xc0000200}; /* TEST-NETs */
    return nets[rnd_below(3)] | (1 + rnd_below(254));
}

/* A site has a bounded set of hosts: 2000 clients in 10.1.0.0/21 (gateway .1 in each /24).
 * Random addresses over all of 10/8 would be ~10^5 hosts, unlike any real capture, and make
 * tcpdump's address cache (which even -n fills) quadratic. */
#define CLIENTS 2000
static uint32_t client_ip(uint32_t idx) { return 0x0a010000 + (idx / 250 << 8) + 2 + idx % 250; }
static uint32_t pick_client(void) { return client_ip(rnd_below(CLIENTS)); }

static void tcp_flow_new(struct tcp_flow *f, int allow_v6) {
    static const uint16_t other_ports[] = {22, 993, 3306, 5432, 8443, 25};
    memset(f, 0, sizeof *f);
    f->v6 = allow_v6 && chance(60);
    f->cip = pick_client();
    f->sip = pick_server();
    f->cport = (uint16_t)(32768 + rnd_below(28232));
    uint32_t r = rnd_below(100);
    f->sport = r < 50 ? 443 : r < 75 ? 80 : other_ports[rnd_below(6)];
    f->nxt[0] = rnd32();
    f->nxt[1] = rnd32();
    f->tsbase[0] = rnd32();
    f->tsbase[1] = rnd32();
    f->ipid[0] = (uint16_t)rnd32();
    f->ipid[1] = (uint16_t)rnd32();
    f->win[0] = (uint16_t)(501 + rnd_below(12));
    f->win[1] = (uint16_t)(501 + rnd_below(600));
    f->rst = chance(100);
    f->closer = (uint8_t)rnd_below(2);
    f->steps_left = (uint16_t)(2 + rnd_below(40));
    f->flow_label = rnd32() & 0xfffff;
}

/* What side d acknowledges: everything the peer sent, up to a hole left by reordering. */
static uint32_t ack_for(const struct tcp_flow *f, int d) {
    int p = !d;
    return f->held[p] ? f->held_seq[p] : f->nxt[p];
}

static const char http_req[] = "GET /index.html HTTP/1.1\r\nHost: www.example.com\r\n"
                               "User-Agent: tcplua-bench/1.0\r\nAccept: */*\r\n\r\n";
static const char http_resp[] = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                "Content-Length: 48213\r\n\r\n";

static void tcp_send(struct tcp_flow *f, int d, uint8_t flags, uint32_t seq, int opts,
                     uint32_t paylen) {
    static uint8_t frame[1600];
    struct hop h = {.v6 = f->v6, .ttl = d ? 57 : 64, .ipid = f->ipid[d]++};
    h.src = d ? f->sip : f->cip;
    h.dst = d ? f->cip : f->sip;
    h.flow_label = f->flow_label ^ (uint32_t)d;
    if (d) {
        memcpy(h.smac, router_mac, 6);
        host_mac(h.dmac, f->cip);
    } else {
        host_mac(h.smac, f->cip);
        memcpy(h.dmac, router_mac, 6);
    }
    uint32_t optlen = opts == OPT_SYN ? 20 : opts == OPT_TS ? 12 : 0;
    uint32_t l4len = 20 + optlen + paylen;
    uint32_t off = put_ip(frame, &h, 6, l4len);
    uint8_t *t = frame + off;
    put16(t, d ? f->sport : f->cport);
    put16(t + 2, d ? f->cport : f->sport);
    put32(t + 4, seq);
    put32(t + 8, (flags & TH_ACK) ? ack_for(f, d) : 0);
    t[12] = (uint8_t)((20 + optlen) / 4 << 4);
    t[13] = flags;
    put16(t + 14, (flags & TH_SYN) ? (d ? 65160 : 64240) : (flags & TH_RST) ? 0 : f->win[d]);
    put32(t + 16, 0); /* checksum, urgent pointer */
    uint8_t *o = t + 20;
    uint32_t tsval = f->tsbase[d] + now_ms();
    uint32_t tsecr = (flags & TH_SYN) && !d ? 0 : f->tsbase[!d] + now_ms();
    if (opts == OPT_SYN) { /* Linux order: mss, sackOK, TS, nop, wscale */
        static const uint8_t syn_opts[8] = {2, 4, 0x05, 0xb4, 4, 2, 8, 10};
        memcpy(o, syn_opts, 8);
        put32(o + 8, tsval);
        put32(o + 12, tsecr);
        o[16] = 1, o[17] = 3, o[18] = 3, o[19] = 7;
    } else if (opts == OPT_TS) {
        o[0] = 1, o[1] = 1, o[2] = 8, o[3] = 10;
        put32(o + 4, tsval);
        put32(o + 8, tsecr);
    }
    uint8_t *p = o + optlen;
    if (paylen) {
        const char *txt = NULL;
        if (f->sport == 80 && !f->http[d]) {
            txt = d ? http_resp : http_req;
            f->http[d] = 1;
        }
        size_t n = txt ? strlen(txt) : 0;
        if (n > paylen)
            n = paylen;
        memcpy(p, txt ? txt : "", n);
        fill(p + n, paylen - (uint32_t)n);
    }
    l4_checksum(frame, &h, 6, off, l4len, 16);
    emit(frame, off + l4len);
}

static uint32_t pick_len(const struct tcp_flow *f, int d) {
    if (d == 0) {
        if (f->sport == 80 && !f->http[0])
            return sizeof http_req - 1;
        uint32_t r = rnd_below(100);
        return r < 40 ? 0 : r < 50 ? MSS : 1 + rnd_below(600);
    }
    uint32_t r = rnd_below(100);
    return r < 15 ? 0 : r < 70 ? MSS : 1 + rnd_below(MSS - 1);
}

static void tcp_data_step(struct tcp_flow *f) {
    for (int d = 0; d < 2; d++) {
        if (f->held[d]) { /* the late half of an out-of-order pair */
            f->held[d] = 0;
            tcp_send(f, d, TH_PSH | TH_ACK, f->held_seq[d], OPT_TS, f->held_len[d]);
            return;
        }
    }
    int d = chance(350) ? 0 : 1;
    if (f->last_len[d] && chance(20)) { /* retransmission */
        tcp_send(f, d, TH_PSH | TH_ACK, f->last_seq[d], OPT_TS, f->last_len[d]);
        return;
    }
    uint32_t len = pick_len(f, d);
    if (len && f->steps_left > 2 && chance(15)) { /* skip a segment, send it next */
        f->held[d] = 1;
        f->held_seq[d] = f->nxt[d];
        f->held_len[d] = (uint16_t)len;
        f->nxt[d] += len;
        len = 1 + rnd_below(MSS);
    }
    uint8_t flags = TH_ACK;
    if (len && (len < MSS || chance(300)))
        flags |= TH_PSH;
    tcp_send(f, d, flags, f->nxt[d], OPT_TS, len);
    if (len) {
        f->last_seq[d] = f->nxt[d];
        f->last_len[d] = (uint16_t)len;
        f->nxt[d] += len;
    }
}

/* Emits the flow's next packet; a finished flow is replaced by a new one. */
static void tcp_step(struct tcp_flow *f) {
    int c = f->closer;
    switch (f->stage) {
    case ST_SYN: tcp_send(f, 0, TH_SYN, f->nxt[0]++, OPT_SYN, 0); break;
    case ST_SYNACK: tcp_send(f, 1, TH_SYN | TH_ACK, f->nxt[1]++, OPT_SYN, 0); break;
    case ST_ACK: tcp_send(f, 0, TH_ACK, f->nxt[0], OPT_TS, 0); break;
    case ST_DATA:
        tcp_data_step(f);
        if (--f->steps_left)
            return;
        break;
    case ST_FIN1:
        if (f->rst) {
            uint8_t flags = chance(500) ? TH_RST | TH_ACK : TH_RST;
            tcp_send(f, c, flags, f->nxt[c], OPT_NONE, 0);
            tcp_flow_new(f, 1);
            return;
        }
        tcp_send(f, c, TH_FIN | TH_ACK, f->nxt[c]++, OPT_TS, 0);
        break;
    case ST_FIN2: tcp_send(f, !c, TH_FIN | TH_ACK, f->nxt[!c]++, OPT_TS, 0); break;
    default:
        tcp_send(f, c, TH_ACK, f->nxt[c], OPT_TS, 0);
        tcp_flow_new(f, 1);
        return;
    }
    f->stage++;
}

/* ---- request/response exchanges: DNS, other UDP, ICMP echo, ARP ---- */
struct req {
    uint8_t v6, name, qtype;
    uint16_t id, cport, sport, seq;
    uint32_t cip, sip;
};

struct ring {
    struct req r[RING];
    unsigned head, count;
};

static struct ring dns_ring, icmp_ring, arp_ring;

static void ring_push(struct ring *g, const struct req *q) {
    g->r[(g->head + g->count++) % RING] = *q;
}

static struct req ring_pop(struct ring *g) {
    struct req q = g->r[g->head];
    g->head = (g->head + 1) % RING;
    g->count--;
    return q;
}

/* A reply is due when the ring is full, else half of the time. */
static int reply_due(const struct ring *g) { return g->count && (g->count == RING || chance(500)); }

static void hop_for(struct hop *h, const struct req *q, int reply) {
    memset(h, 0, sizeof *h);
    h->v6 = q->v6;
    h->src = reply ? q->sip : q->cip;
    h->dst = reply ? q->cip : q->sip;
    h->ttl = reply ? 57 : 64;
    h->ipid = (uint16_t)rnd32();
    if (reply) {
        memcpy(h->smac, router_mac, 6);
        host_mac(h->dmac, q->cip);
    } else {
        host_mac(h->smac, q->cip);
        memcpy(h->dmac, router_mac, 6);
    }
}

static void udp_send(const struct hop *h, uint16_t sport, uint16_t dport, const uint8_t *pay,
                     uint32_t paylen) {
    static uint8_t frame[1600];
    uint32_t l4len = 8 + paylen;
    uint32_t off = put_ip(frame, h, 17, l4len);
    uint8_t *u = frame + off;
    put16(u, sport);
    put16(u + 2, dport);
    put16(u + 4, l4len);
    if (pay)
        memcpy(u + 8, pay, paylen);
    else
        fill(u + 8, paylen);
    l4_checksum(frame, h, 17, off, l4len, 6);
    emit(frame, off + l4len);
}

static const char *const dns_names[] = {
    "www.example.com", "api.example.net",   "cdn.example.org",    "mail.example.com",
    "ntp.example.org", "login.example.net", "static.example.com", "updates.example.org"};

static uint32_t dns_question(uint8_t *m, const struct req *q) {
    uint32_t n = 12;
    const char *s = dns_names[q->name];
    while (*s) { /* "a.b.c" -> 1a1b1c0 */
        const char *dot = strchr(s, '.');
        uint32_t len = dot ? (uint32_t)(dot - s) : (uint32_t)strlen(s);
        m[n++] = (uint8_t)len;
        memcpy(m + n, s, len);
        n += len;
        s += len + (dot != NULL);
    }
    m[n++] = 0;
    put16(m + n, q->qtype);
    put16(m + n + 2, 1);
    return n + 4;
}

static void dns_step(void) {
    uint8_t m[512];
    struct hop h;
    if (reply_due(&dns_ring)) {
        struct req q = ring_pop(&dns_ring);
        uint32_t n = dns_question(m, &q);
        int nx = chance(50);
        uint32_t an = nx ? 0 : 1 + rnd_below(3);
        put16(m, q.id);
        put16(m + 2, nx ? 0x8183 : 0x8180);
        put16(m + 4, 1);
        put16(m + 6, an);
        put32(m + 8, 0);
        for (uint32_t i = 0; i < an; i++) {
            uint32_t rdlen = q.qtype == 28 ? 16 : 4;
            put16(m + n, 0xc00c);
            put16(m + n + 2, q.qtype);
            put16(m + n + 4, 1);
            put32(m + n + 6, 60 + rnd_below(3600));
            put16(m + n + 10, rdlen);
            if (rdlen == 4)
                put32(m + n + 12, pick_server());
            else
                v6_addr(m + n + 12, pick_server());
            n += 12 + rdlen;
        }
        hop_for(&h, &q, 1);
        udp_send(&h, 53, q.cport, m, n);
        return;
    }
    struct req q = {.v6 = chance(100), .name = (uint8_t)rnd_below(8), .id = (uint16_t)rnd32()};
    q.qtype = chance(300) ? 28 : 1;
    q.cport = (uint16_t)(32768 + rnd_below(28232));
    q.cip = pick_client();
    q.sip = 0xc0000235; /* 192.0.2.53 */
    uint32_t n = dns_question(m, &q);
    put16(m, q.id);
    put16(m + 2, 0x0100); /* RD */
    put16(m + 4, 1);
    put16(m + 6, 0);
    put32(m + 8, 0);
    hop_for(&h, &q, 0);
    udp_send(&h, q.cport, 53, m, n);
    ring_push(&dns_ring, &q);
}

static void other_udp_step(void) {
    struct req q = {.v6 = chance(100), .cip = pick_client(), .sip = pick_server()};
    struct hop h;
    int reply = chance(500);
    hop_for(&h, &q, reply);
    uint16_t a = (uint16_t)(49152 + rnd_below(16000)), b = (uint16_t)(49152 + rnd_below(16000));
    uint32_t len = chance(300) ? 1200 + rnd_below(200) : 20 + rnd_below(300);
    udp_send(&h, a, b, NULL, len);
}

static void icmp_step(void) {
    static uint8_t frame[200];
    static uint16_t next_id = 0x1c2d;
    struct req q;
    int reply = reply_due(&icmp_ring);
    if (reply) {
        q = ring_pop(&icmp_ring);
    } else {
        q = (struct req){.cip = pick_client(), .sip = pick_server(), .id = next_id++};
        q.seq = (uint16_t)(1 + rnd_below(20));
        ring_push(&icmp_ring, &q);
    }
    struct hop h;
    hop_for(&h, &q, reply);
    uint32_t off = put_ip(frame, &h, 1, 64);
    uint8_t *c = frame + off;
    c[0] = reply ? 0 : 8;
    c[1] = 0;
    put16(c + 2, 0);
    put16(c + 4, q.id);
    put16(c + 6, q.seq);
    put32(c + 8, ts_sec); /* Linux ping: struct timeval, then 0x10.. */
    put32(c + 12, ts_usec);
    for (int i = 16; i < 64; i++)
        c[i] = (uint8_t)(i - 8);
    put16(c + 2, fold(sum_bytes(c, 64, 0)));
    emit(frame, off + 64);
}

static void arp_step(void) {
    uint8_t f[60] = {0};
    struct req q;
    int reply = reply_due(&arp_ring);
    if (reply) {
        q = ring_pop(&arp_ring);
    } else {
        q = (struct req){.cip = pick_client()};
        q.sip = (q.cip & 0xffffff00) | 1; /* the subnet's gateway */
        ring_push(&arp_ring, &q);
    }
    uint8_t cmac[6];
    host_mac(cmac, q.cip);
    put16(f + 12, 0x0806);
    put16(f + 14, 1);
    put16(f + 16, 0x0800);
    f[18] = 6;
    f[19] = 4;
    put16(f + 20, reply ? 2 : 1);
    if (reply) { /* gateway answers; an incoming frame is padded to 60 bytes */
        memcpy(f, cmac, 6);
        memcpy(f + 6, router_mac, 6);
        memcpy(f + 22, router_mac, 6);
        put32(f + 28, q.sip);
        memcpy(f + 32, cmac, 6);
        put32(f + 38, q.cip);
        emit(f, 60);
    } else {
        memset(f, 0xff, 6);
        memcpy(f + 6, cmac, 6);
        memcpy(f + 22, cmac, 6);
        put32(f + 28, q.cip);
        put32(f + 38, q.sip);
        emit(f, 42);
    }
}

/* ---- modes ---- */
static int gen_mixed(uint64_t packets, uint32_t nflows) {
    struct tcp_flow *flows = calloc(nflows, sizeof *flows);
    if (!flows) {
        fprintf(stderr, "gen_mixed: out of memory\n");
        return -1;
    }
    for (uint32_t i = 0; i < nflows; i++)
        tcp_flow_new(&flows[i], 1);
    while (written < packets) {
        uint32_t r = rnd_below(1000); /* 840 TCP (6% of it IPv6), 80 DNS, 45 UDP, 25 ICMP, 10 ARP */
        if (r < 840)
            tcp_step(&flows[rnd_below(nflows)]);
        else if (r < 920)
            dns_step();
        else if (r < 965)
            other_udp_step();
        else if (r < 990)
            icmp_step();
        else
            arp_step();
    }
    free(flows);
    return 0;
}

/* N distinct IPv4 flows, each SYN, SYN/ACK, ACK and never closed. */
static void gen_flows_only(uint64_t n) {
    struct tcp_flow f;
    for (uint64_t i = 0; i < n; i++) {
        tcp_flow_new(&f, 0);
        /* distinct (client, port) per flow, for n < CLIENTS * 28000 */
        f.cip = client_ip((uint32_t)(i % CLIENTS));
        f.cport = (uint16_t)(32768 + i / CLIENTS % 28000);
        f.sport = chance(500) ? 443 : 80;
        for (int k = 0; k < 3; k++)
            tcp_step(&f);
    }
}

static void usage(void) {
    fprintf(stderr, "usage: gen_mixed -n PACKETS [-f CONCURRENT_FLOWS] [-s SEED] -o FILE\n"
                    "       gen_mixed --flows-only N [-s SEED] -o FILE\n"
                    "       gen_mixed --single [-s SEED] -o FILE\n");
    exit(2);
}

static uint64_t parse_count(const char *s, uint64_t min) {
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v < min) {
        fprintf(stderr, "gen_mixed: bad number '%s'\n", s);
        usage();
    }
    return v;
}

int main(int argc, char **argv) {
    static const struct option longopts[] = {{"flows-only", required_argument, NULL, 'F'},
                                             {"single", no_argument, NULL, '1'},
                                             {NULL, 0, NULL, 0}};
    uint64_t packets = 0, flows_only = 0, seed = 1;
    uint32_t nflows = 10000;
    int single = 0, c;
    const char *path = NULL;
    while ((c = getopt_long(argc, argv, "n:f:s:o:", longopts, NULL)) != -1) {
        switch (c) {
        case 'n': packets = parse_count(optarg, 1); break;
        case 'f': nflows = (uint32_t)parse_count(optarg, 1); break;
        case 's': seed = parse_count(optarg, 0); break;
        case 'o': path = optarg; break;
        case 'F': flows_only = parse_count(optarg, 1); break;
        case '1': single = 1; break;
        default: usage();
        }
    }
    if (!path || optind != argc || (!packets && !flows_only && !single))
        usage();
    rng_seed(seed);
    pool_init();
    if (pcap_open(path) < 0)
        return 1;
    int rc = 0;
    if (single) {
        struct tcp_flow f;
        tcp_flow_new(&f, 0);
        tcp_step(&f);
    } else if (flows_only) {
        gen_flows_only(flows_only);
    } else {
        rc = gen_mixed(packets, nflows);
    }
    int werr = ferror(out);
    if (fclose(out) != 0 || werr) {
        perror(path);
        return 1;
    }
    return rc ? 1 : 0;
}
