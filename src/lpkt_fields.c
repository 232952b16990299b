/* Getters for the fields of each decoded layer, the name tables the __index paths use, and
 * pkt:copy(). A field reads as nil when the header bytes it lives in were not captured. */
#include <arpa/inet.h>
#include <lauxlib.h>
#include <stdio.h>
#include <string.h>

#include "lpkt_fields.h"

struct fdef {
    const char *name;
    uint16_t need; /* header bytes the field needs (0: always there) */
};

#define COMMON                                                                                     \
    {"off", 0}, {"have", 0}, { "status", 0 }
enum { C_OFF, C_HAVE, C_STATUS, C_FIRST };

static const struct fdef eth_f[] = {COMMON, {"src", 12}, {"dst", 6}, {"type", 14}};
static const struct fdef sll_f[] = {COMMON,       {"version", 0}, {"pkttype", 0},  {"hatype", 0},
                                    {"halen", 0}, {"addr", 0},    {"protocol", 0}, {"ifindex", 0}};
static const struct fdef null_f[] = {COMMON, {"family", 4}};
static const struct fdef vlan_f[] = {COMMON, {"count", 0}, {"tags", 0}};
static const struct fdef arp_f[] = {COMMON,      {"htype", 2}, {"ptype", 4}, {"hlen", 5},
                                    {"plen", 6}, {"op", 8},    {"sha", 0},   {"spa", 0},
                                    {"tha", 0},  {"tpa", 0},   {"rarp", 0}};
static const struct fdef ip_f[] = {COMMON,
                                   {"version", 1},
                                   {"ihl", 1},
                                   {"tos", 2},
                                   {"tot_len", 4},
                                   {"id", 6},
                                   {"rf", 8},
                                   {"df", 8},
                                   {"mf", 8},
                                   {"frag_off", 8},
                                   {"ttl", 9},
                                   {"proto", 10},
                                   {"cksum", 12},
                                   {"src", 16},
                                   {"dst", 20},
                                   {"opt_off", 0},
                                   {"opt_len", 0},
                                   {"cksum_ok", 0},
                                   {"cksum_good", 0},
                                   {"payload_off", 0},
                                   {"payload_len", 0}};
static const struct fdef ip6_f[] = {
    COMMON,     {"version", 1},     {"tclass", 2},     {"flow", 4}, {"plen", 6},
    {"nxt", 7}, {"hlim", 8},        {"src", 24},       {"dst", 40}, {"next_proto", 0},
    {"ext", 0}, {"payload_off", 0}, {"payload_len", 0}};
static const struct fdef tcp_f[] = {COMMON,
                                    {"sport", 2},
                                    {"dport", 4},
                                    {"seq", 8},
                                    {"ack", 12},
                                    {"doff", 13},
                                    {"flags", 14},
                                    {"fin", 14},
                                    {"syn", 14},
                                    {"rst", 14},
                                    {"psh", 14},
                                    {"ackf", 14},
                                    {"urg", 14},
                                    {"ece", 14},
                                    {"cwr", 14},
                                    {"ae", 13},
                                    {"flagstr", 14},
                                    {"win", 16},
                                    {"cksum", 18},
                                    {"urp", 20},
                                    {"options", 0},
                                    {"opt_status", 0},
                                    {"rseq", 8},
                                    {"rack", 12},
                                    {"payload_off", 0},
                                    {"payload_len", 0},
                                    {"cksum_ok", 0},
                                    {"cksum_good", 0},
                                    {"rnew", 8}};
static const struct fdef udp_f[] = {
    COMMON,           {"sport", 2},       {"dport", 4},       {"ulen", 6},
    {"cksum", 8},     {"payload_off", 0}, {"payload_len", 0}, {"cksum_ok", 0},
    {"cksum_good", 0}};
static const struct fdef icmp_f[] = {
    COMMON,           {"type", 1},     {"code", 2},      {"cksum", 4},   {"id", 6},
    {"seq", 8},       {"gateway", 8},  {"mtu", 8},       {"pointer", 5}, {"data_off", 0},
    {"quote_off", 0}, {"cksum_ok", 0}, {"cksum_good", 0}};
static const struct fdef icmp6_f[] = {COMMON,          {"type", 1},      {"code", 2},
                                      {"cksum", 4},    {"word", 8},      {"body_off", 0},
                                      {"cksum_ok", 0}, {"cksum_good", 0}};

#define N(a) (int)(sizeof(a) / sizeof((a)[0]))
static const struct {
    const struct fdef *f;
    int n;
} layer_fields[TL_LAYER_COUNT] = {
    [TL_LAYER_ETH] = {eth_f, N(eth_f)},       [TL_LAYER_SLL] = {sll_f, N(sll_f)},
    [TL_LAYER_NULL] = {null_f, N(null_f)},    [TL_LAYER_VLAN] = {vlan_f, N(vlan_f)},
    [TL_LAYER_ARP] = {arp_f, N(arp_f)},       [TL_LAYER_IP] = {ip_f, N(ip_f)},
    [TL_LAYER_IP6] = {ip6_f, N(ip6_f)},       [TL_LAYER_TCP] = {tcp_f, N(tcp_f)},
    [TL_LAYER_UDP] = {udp_f, N(udp_f)},       [TL_LAYER_ICMP] = {icmp_f, N(icmp_f)},
    [TL_LAYER_ICMP6] = {icmp6_f, N(icmp6_f)},
};

static const char *const pkt_fields[] = {
    NULL,      "num",      "sec",         "frac",        "prec",        "caplen",
    "len",     "linktype", "data",        "stop",        "stop_status", "net_type",
    "net_off", "payload",  "payload_off", "payload_len", "iface",       "input"};

void tl_push_pkt_field_table(lua_State *L) {
    lua_createtable(L, 0, 32);
    for (int i = 1; i < N(pkt_fields); i++) {
        lua_pushinteger(L, i);
        lua_setfield(L, -2, pkt_fields[i]);
    }
    for (int l = 0; l < TL_LAYER_COUNT; l++) {
        lua_pushinteger(L, TL_PF_LAYER0 + l);
        lua_setfield(L, -2, tl_layer_name(l));
    }
}

void tl_push_layer_field_tables(lua_State *L) {
    lua_createtable(L, TL_LAYER_COUNT, 0);
    for (int l = 0; l < TL_LAYER_COUNT; l++) {
        lua_createtable(L, 0, layer_fields[l].n);
        for (int i = 0; i < layer_fields[l].n; i++) {
            lua_pushinteger(L, i);
            lua_setfield(L, -2, layer_fields[l].f[i].name);
        }
        lua_rawseti(L, -2, l);
    }
}

size_t tl_fmt_mac(char *buf, const uint8_t *a, int n) {
    static const char hx[] = "0123456789abcdef";
    if (n > 32)
        n = 32;
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        if (i)
            buf[k++] = ':';
        buf[k++] = hx[a[i] >> 4];
        buf[k++] = hx[a[i] & 15];
    }
    return k;
}

void tl_push_mac(lua_State *L, const uint8_t *a, int n) {
    char buf[3 * 32];
    lua_pushlstring(L, buf, tl_fmt_mac(buf, a, n));
}

size_t tl_fmt_ip4(char *buf, const uint8_t *a) {
    size_t n = 0;
    for (int i = 0; i < 4; i++) { /* by hand: snprintf was a tenth of the printer's time */
        unsigned v = a[i];
        if (i)
            buf[n++] = '.';
        if (v >= 100)
            buf[n++] = (char)('0' + v / 100);
        if (v >= 10)
            buf[n++] = (char)('0' + v / 10 % 10);
        buf[n++] = (char)('0' + v % 10);
    }
    return n;
}

void tl_push_ip4(lua_State *L, const uint8_t *a) {
    char buf[16];
    lua_pushlstring(L, buf, tl_fmt_ip4(buf, a));
}

static void push_ip6(lua_State *L, const uint8_t *a) {
    char buf[INET6_ADDRSTRLEN];
    inet_ntop(AF_INET6, a, buf, sizeof(buf));
    lua_pushstring(L, buf);
}

static void push_cksum_ok(lua_State *L, int checked, uint16_t calc) {
    if (checked)
        lua_pushboolean(L, calc == 0);
    else
        lua_pushnil(L);
}

/* ARP addresses are offsets into the packet with lengths hlen/plen. */
static int push_arp_addr(lua_State *L, struct tl_frame *f, uint32_t off, int n, int proto) {
    if (n == 0 || off + (uint32_t)n > f->caplen || off == 0)
        return 0;
    if (proto && n == 4)
        tl_push_ip4(L, f->data + off);
    else if (proto && n == 16)
        push_ip6(L, f->data + off);
    else
        tl_push_mac(L, f->data + off, n);
    return 1;
}

static void push_vlan_tags(lua_State *L, const struct tl_vlan *v) {
    lua_createtable(L, v->count, 0);
    for (int i = 0; i < v->count && i < TL_MAX_VLAN; i++) {
        lua_createtable(L, 0, 5);
        lua_pushinteger(L, v->tag[i].tpid);
        lua_setfield(L, -2, "tpid");
        lua_pushinteger(L, v->tag[i].id);
        lua_setfield(L, -2, "id");
        lua_pushinteger(L, v->tag[i].pcp);
        lua_setfield(L, -2, "pcp");
        lua_pushinteger(L, v->tag[i].dei);
        lua_setfield(L, -2, "dei");
        lua_pushinteger(L, v->tag[i].type);
        lua_setfield(L, -2, "type");
        lua_rawseti(L, -2, i + 1);
    }
}

void tl_push_ip6_ext(lua_State *L, const struct tl_ip6 *ip6);
void tl_push_tcp_options(lua_State *L, struct tl_frame *f);
static const struct tl_span *layer_span(const struct tl_packet *d, int layer) {
    switch (layer) {
    case TL_LAYER_ETH: return &d->eth.span;
    case TL_LAYER_SLL: return &d->sll.span;
    case TL_LAYER_NULL: return &d->null.span;
    case TL_LAYER_VLAN: return &d->vlan.span;
    case TL_LAYER_ARP: return &d->arp.span;
    case TL_LAYER_IP: return &d->ip.span;
    case TL_LAYER_IP6: return &d->ip6.span;
    case TL_LAYER_TCP: return &d->tcp.span;
    case TL_LAYER_UDP: return &d->udp.span;
    case TL_LAYER_ICMP: return &d->icmp.span;
    default: return &d->icmp6.span;
    }
}

#define INT(v) (lua_pushinteger(L, (lua_Integer)(v)), 1)
#define BOOL(v) (lua_pushboolean(L, (v) != 0), 1)

static int push_link(lua_State *L, struct tl_frame *f, int layer, int i) {
    const struct tl_packet *d = &f->dec;
    if (layer == TL_LAYER_ETH) {
        switch (i) {
        case 3: tl_push_mac(L, d->eth.src, 6); return 1;
        case 4: tl_push_mac(L, d->eth.dst, 6); return 1;
        default: return INT(d->eth.type);
        }
    }
    if (layer == TL_LAYER_SLL) {
        const struct tl_sll *s = &d->sll;
        switch (i) {
        case 3: return INT(s->version);
        case 4: return INT(s->pkttype);
        case 5: return INT(s->hatype);
        case 6: return INT(s->halen);
        case 7: tl_push_mac(L, s->addr, s->halen > 8 ? 8 : s->halen); return 1;
        case 8: return INT(s->protocol);
        default: return INT(s->ifindex);
        }
    }
    if (layer == TL_LAYER_NULL)
        return INT(d->null.family);
    if (i == 3)
        return INT(d->vlan.count);
    push_vlan_tags(L, &d->vlan);
    return 1;
}

static int push_arp(lua_State *L, struct tl_frame *f, int i) {
    const struct tl_arp *a = &f->dec.arp;
    switch (i) {
    case 3: return INT(a->htype);
    case 4: return INT(a->ptype);
    case 5: return INT(a->hlen);
    case 6: return INT(a->plen);
    case 7: return INT(a->op);
    case 8: return push_arp_addr(L, f, a->sha, a->hlen, 0);
    case 9: return push_arp_addr(L, f, a->spa, a->plen, 1);
    case 10: return push_arp_addr(L, f, a->tha, a->hlen, 0);
    case 11: return push_arp_addr(L, f, a->tpa, a->plen, 1);
    default: return BOOL(a->rarp);
    }
}

static int push_ip(lua_State *L, struct tl_frame *f, int i) {
    const struct tl_ip *p = &f->dec.ip;
    switch (i) {
    case 3: return INT(p->version);
    case 4: return INT(p->ihl);
    case 5: return INT(p->tos);
    case 6: return INT(p->tot_len);
    case 7: return INT(p->id);
    case 8: return BOOL(p->rf);
    case 9: return BOOL(p->df);
    case 10: return BOOL(p->mf);
    case 11: return INT(p->frag_off);
    case 12: return INT(p->ttl);
    case 13: return INT(p->proto);
    case 14: return INT(p->cksum);
    case 15: tl_push_ip4(L, p->src); return 1;
    case 16: tl_push_ip4(L, p->dst); return 1;
    case 17: return INT(p->opt_off);
    case 18: return INT(p->opt_len);
    case 19: push_cksum_ok(L, p->cksum_checked, p->cksum_calc); return 1;
    case 20: return INT(p->cksum_good);
    case 21: return INT(p->payload_off);
    default: return INT(p->payload_len);
    }
}

static int push_ip6_layer(lua_State *L, struct tl_frame *f, int i) {
    const struct tl_ip6 *p = &f->dec.ip6;
    switch (i) {
    case 3: return INT(p->version);
    case 4: return INT(p->tclass);
    case 5: return INT(p->flow);
    case 6: return INT(p->plen);
    case 7: return INT(p->nxt);
    case 8: return INT(p->hlim);
    case 9: push_ip6(L, p->src); return 1;
    case 10: push_ip6(L, p->dst); return 1;
    case 11: return INT(p->next_proto);
    case 12: tl_push_ip6_ext(L, p); return 1;
    case 13: return INT(p->payload_off);
    default: return INT(p->payload_len);
    }
}

static void push_flagstr(lua_State *L, uint8_t fl) {
    static const char letters[] = "FSRP.UEW";
    char buf[8];
    int n = 0;
    for (int b = 0; b < 8; b++)
        if (fl & (1u << b))
            buf[n++] = letters[b];
    if (n == 0)
        lua_pushliteral(L, "none");
    else
        lua_pushlstring(L, buf, (size_t)n);
}

static int push_tcp(lua_State *L, struct tl_frame *f, int i) {
    const struct tl_tcp *t = &f->dec.tcp;
    switch (i) {
    case 3: return INT(t->sport);
    case 4: return INT(t->dport);
    case 5: return INT(t->seq);
    case 6: return INT(t->ack);
    case 7: return INT(t->doff);
    case 8: return INT(t->flags);
    case 9:
    case 10:
    case 11:
    case 12:
    case 13:
    case 14:
    case 15:
    case 16: return BOOL(t->flags & (1u << (i - 9)));
    case 17: return BOOL(t->ae);
    case 18: push_flagstr(L, t->flags); return 1;
    case 19: return INT(t->win);
    case 20: return INT(t->cksum);
    case 21: return INT(t->urp);
    case 22: tl_push_tcp_options(L, f); return 1;
    case 23: return INT(t->opt_status);
    case 24:
    case 25: {
        struct tl_engine *eng = tl_engine_from(L);
        if (eng)
            tl_frame_relseq(eng, f);
        return INT(i == 24 ? f->rseq : f->rack);
    }
    case 26: return INT(t->payload_off);
    case 27: return INT(t->payload_len);
    case 28: push_cksum_ok(L, t->cksum_checked, t->cksum_calc); return 1;
    case 29: return INT(t->cksum_good);
    default: {
        struct tl_engine *eng = tl_engine_from(L);
        if (eng)
            tl_frame_relseq(eng, f);
        return BOOL(f->rnew);
    }
    }
}

static int push_transport(lua_State *L, struct tl_frame *f, int layer, int i) {
    const struct tl_packet *d = &f->dec;
    if (layer == TL_LAYER_UDP) {
        const struct tl_udp *u = &d->udp;
        switch (i) {
        case 3: return INT(u->sport);
        case 4: return INT(u->dport);
        case 5: return INT(u->ulen);
        case 6: return INT(u->cksum);
        case 7: return INT(u->payload_off);
        case 8: return INT(u->payload_len);
        case 9: push_cksum_ok(L, u->cksum_checked, u->cksum_calc); return 1;
        default: return INT(u->cksum_good);
        }
    }
    if (layer == TL_LAYER_ICMP) {
        const struct tl_icmp *c = &d->icmp;
        uint8_t gw[4] = {(uint8_t)(c->gateway >> 24), (uint8_t)(c->gateway >> 16),
                         (uint8_t)(c->gateway >> 8), (uint8_t)c->gateway};
        switch (i) {
        case 3: return INT(c->type);
        case 4: return INT(c->code);
        case 5: return INT(c->cksum);
        case 6: return INT(c->id);
        case 7: return INT(c->seq);
        case 8: tl_push_ip4(L, gw); return 1;
        case 9: return INT(c->mtu);
        case 10: return INT(c->pointer);
        case 11: return INT(c->data_off);
        case 12:
            if (!c->quote_off)
                return 0;
            return INT(c->quote_off);
        case 13: push_cksum_ok(L, c->cksum_checked, c->cksum_calc); return 1;
        default: return INT(c->cksum_good);
        }
    }
    const struct tl_icmp6 *c = &d->icmp6;
    switch (i) {
    case 3: return INT(c->type);
    case 4: return INT(c->code);
    case 5: return INT(c->cksum);
    case 6: return INT(c->word);
    case 7: return INT(c->body_off);
    case 8: push_cksum_ok(L, c->cksum_checked, c->cksum_calc); return 1;
    default: return INT(c->cksum_good);
    }
}

int tl_layer_push_field(lua_State *L, struct tl_frame *f, int layer, int code) {
    const struct tl_span *sp = layer_span(&f->dec, layer);
    if (code < 0 || code >= layer_fields[layer].n)
        return 0;
    if (code == C_OFF)
        return INT(sp->off);
    if (code == C_HAVE)
        return INT(sp->have);
    if (code == C_STATUS) {
        lua_pushstring(L, sp->status == TL_OK          ? "ok"
                          : sp->status == TL_TRUNCATED ? "truncated"
                                                       : "invalid");
        return 1;
    }
    if (layer_fields[layer].f[code].need > sp->have)
        return 0;
    const char *name = layer_fields[layer].f[code].name;
    if (name[0] == 'c' && strncmp(name, "cksum_", 6) == 0 &&
        !(f->dec.decode_flags & TL_DECODE_CKSUM)) {
        /* checksums are verified only when asked for: decode again, verifying them */
        tl_decode_ex(&f->dec, f->dec.linktype, f->data, f->caplen, f->len, TL_DECODE_CKSUM);
    }
    switch (layer) {
    case TL_LAYER_ETH:
    case TL_LAYER_SLL:
    case TL_LAYER_NULL:
    case TL_LAYER_VLAN: return push_link(L, f, layer, code);
    case TL_LAYER_ARP: return push_arp(L, f, code);
    case TL_LAYER_IP: return push_ip(L, f, code);
    case TL_LAYER_IP6: return push_ip6_layer(L, f, code);
    case TL_LAYER_TCP: return push_tcp(L, f, code);
    default: return push_transport(L, f, layer, code);
    }
}

/* stack: -> table with every field of every present layer */
void tl_lpkt_copy(lua_State *L, int pkt_idx, struct tl_frame *f) {
    lua_createtable(L, 0, 32);
    lua_pushinteger(L, (lua_Integer)f->num);
    lua_setfield(L, -2, "num");
    lua_pushinteger(L, f->sec);
    lua_setfield(L, -2, "sec");
    lua_pushinteger(L, f->frac);
    lua_setfield(L, -2, "frac");
    lua_pushinteger(L, f->prec);
    lua_setfield(L, -2, "prec");
    lua_pushinteger(L, f->caplen);
    lua_setfield(L, -2, "caplen");
    lua_pushinteger(L, f->len);
    lua_setfield(L, -2, "len");
    lua_pushinteger(L, f->dec.linktype);
    lua_setfield(L, -2, "linktype");
    lua_pushlstring(L, (const char *)f->data, f->caplen);
    lua_setfield(L, -2, "data");
    static const int more[] = {TL_PF_STOP,    TL_PF_STOP_STATUS, TL_PF_NET_TYPE,   TL_PF_NET_OFF,
                               TL_PF_PAYLOAD, TL_PF_PAYLOAD_OFF, TL_PF_PAYLOAD_LEN};
    for (size_t i = 0; i < sizeof(more) / sizeof(more[0]); i++) {
        tl_push_pkt_field(L, pkt_idx, f, more[i]);
        lua_setfield(L, -2, pkt_fields[more[i]]);
    }
    for (int l = 0; l < TL_LAYER_COUNT; l++) {
        if (!TL_HAS(&f->dec, l))
            continue;
        lua_createtable(L, 0, layer_fields[l].n);
        for (int i = 0; i < layer_fields[l].n; i++)
            if (tl_layer_push_field(L, f, l, i))
                lua_setfield(L, -2, layer_fields[l].f[i].name);
        lua_setfield(L, -2, tl_layer_name(l));
    }
}
