/* Lua packet values: `pkt` and its layers are small userdata that read the engine's
 * decoded frame lazily, field by field (see docs/design.md for the measurements). A value
 * remembers the frame generation it was made for and refuses to read a reused frame. */
#include <lauxlib.h>
#include <lua.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "lpkt_fields.h"

#define PKT_MT "tcplua.packet"
#define LAYER_MT "tcplua.layer"

/* Every packet userdata starts with this tag, so a type check is a pointer compare. */
static const char pkt_tag = 0;

struct lpkt {
    const char *tag; /* &pkt_tag */
    struct tl_frame *f;
    uint64_t gen;
};

struct llayer {
    struct tl_frame *f;
    uint64_t gen;
    int layer;
};

/* A packet made by pkt:inner(): owns its frame and bytes. */
struct lpkt_owned {
    struct lpkt base;
    struct tl_frame frame;
    uint8_t bytes[];
};

static const char *const layer_names[TL_LAYER_COUNT] = {"eth", "sll", "null", "vlan", "arp",  "ip",
                                                        "ip6", "tcp", "udp",  "icmp", "icmp6"};

static struct tl_frame *check_frame(lua_State *L, struct tl_frame *f, uint64_t gen) {
    if (gen != f->gen)
        luaL_error(L, "packet used after its hook returned (keep pkt:copy() instead)");
    return f;
}

/* The two metatables, by integer registry key (luaL_setmetatable looks up a string). */
static int pkt_mt_ref = LUA_NOREF, layer_mt_ref = LUA_NOREF;

/* luaL_checkudata without any registry lookup (this runs several times per packet): only
 * our packet userdata carry the tag; a Lua script cannot write a userdata's bytes. */
static struct lpkt *check_pkt(lua_State *L, int idx) {
    struct lpkt *p = lua_touserdata(L, idx);
    if (!p || lua_type(L, idx) != LUA_TUSERDATA || lua_rawlen(L, idx) < sizeof(*p) ||
        p->tag != &pkt_tag)
        luaL_typeerror(L, idx, "packet");
    check_frame(L, p->f, p->gen);
    return p;
}

void tl_lpkt_push(lua_State *L, struct tl_frame *f) {
    /* stack: -> pkt */
    struct lpkt *p = lua_newuserdatauv(L, sizeof(*p), 1); /* uv 1: the last layer read */
    p->tag = &pkt_tag;
    p->f = f;
    p->gen = f->gen;
    lua_rawgeti(L, LUA_REGISTRYINDEX, pkt_mt_ref);
    lua_setmetatable(L, -2);
}

/* stack: -> layer (its user value keeps the parent packet alive). The packet keeps the
 * layer it last gave out in its own user value, so `p.tcp ~= nil and p.tcp.syn` makes one
 * layer value, not two (a fifth of a filter-only script's time). */
static void push_layer(lua_State *L, int pkt_idx, struct tl_frame *f, uint64_t gen, int layer) {
    pkt_idx = lua_absindex(L, pkt_idx);
    if (lua_getiuservalue(L, pkt_idx, 1) == LUA_TUSERDATA) {
        const struct llayer *c = lua_touserdata(L, -1);
        if (c->layer == layer && c->f == f && c->gen == gen)
            return;
    }
    lua_pop(L, 1);
    struct llayer *l = lua_newuserdatauv(L, sizeof(*l), 1);
    l->f = f;
    l->gen = gen;
    l->layer = layer;
    lua_rawgeti(L, LUA_REGISTRYINDEX, layer_mt_ref);
    lua_setmetatable(L, -2);
    lua_pushvalue(L, pkt_idx);
    lua_setiuservalue(L, -2, 1);
    lua_pushvalue(L, -1);
    lua_setiuservalue(L, pkt_idx, 1);
}

static const char *status_name(int s) {
    return s == TL_OK ? "ok" : s == TL_TRUNCATED ? "truncated" : "invalid";
}

/* stack: -> value of pkt-level field `code` */
void tl_push_pkt_field(lua_State *L, int pkt_idx, struct tl_frame *f, int code) {
    const struct tl_packet *d = &f->dec;
    switch (code) {
    case TL_PF_NUM: lua_pushinteger(L, (lua_Integer)f->num); break;
    case TL_PF_SEC: lua_pushinteger(L, f->sec); break;
    case TL_PF_FRAC: lua_pushinteger(L, f->frac); break;
    case TL_PF_PREC: lua_pushinteger(L, f->prec); break;
    case TL_PF_CAPLEN: lua_pushinteger(L, f->caplen); break;
    case TL_PF_LEN: lua_pushinteger(L, f->len); break;
    case TL_PF_LINKTYPE: lua_pushinteger(L, d->linktype); break;
    case TL_PF_DATA: lua_pushlstring(L, (const char *)f->data, f->caplen); break;
    case TL_PF_STOP:
        if (d->stop_layer >= 0 && d->stop_layer < TL_LAYER_COUNT)
            lua_pushstring(L, layer_names[d->stop_layer]);
        else
            lua_pushnil(L);
        break;
    case TL_PF_STOP_STATUS:
        if (d->stop_layer >= 0)
            lua_pushstring(L, status_name(d->stop_status));
        else
            lua_pushnil(L);
        break;
    case TL_PF_NET_TYPE: lua_pushinteger(L, d->net_type); break;
    case TL_PF_NET_OFF: lua_pushinteger(L, d->net_off); break;
    case TL_PF_PAYLOAD:
        if (d->payload_off <= f->caplen) {
            uint32_t n = d->payload_len;
            if (n > f->caplen - d->payload_off)
                n = f->caplen - d->payload_off;
            lua_pushlstring(L, (const char *)f->data + d->payload_off, n);
        } else {
            lua_pushliteral(L, "");
        }
        break;
    case TL_PF_PAYLOAD_OFF: lua_pushinteger(L, d->payload_off); break;
    case TL_PF_PAYLOAD_LEN: lua_pushinteger(L, d->payload_len); break;
    case TL_PF_IFACE: { /* the capture device (live capture only) */
        struct tl_engine *e = tl_engine_from(L);
        if (e && e->iface_name[0] && f == &e->frame)
            lua_pushstring(L, e->iface_name);
        else
            lua_pushnil(L);
        break;
    }
    case TL_PF_INPUT: { /* the file being read */
        struct tl_engine *e = tl_engine_from(L);
        if (e && e->cur_input && f == &e->frame)
            lua_pushstring(L, e->cur_input);
        else
            lua_pushnil(L);
        break;
    }
    default:
        if (code >= TL_PF_LAYER0 && code < TL_PF_LAYER0 + TL_LAYER_COUNT &&
            TL_HAS(d, code - TL_PF_LAYER0))
            push_layer(L, pkt_idx, f, f->gen, code - TL_PF_LAYER0);
        else
            lua_pushnil(L);
    }
}

/* __index(pkt, key). Upvalue 1: field name -> code; upvalue 2: method table. */
static int l_packet_index(lua_State *L) {
    struct lpkt *p = lua_touserdata(L, 1); /* only reachable through our locked metatable */
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) == LUA_TNUMBER) {
        int code = (int)lua_tointeger(L, -1);
        check_frame(L, p->f, p->gen);
        tl_push_pkt_field(L, 1, p->f, code);
        return 1;
    }
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(2));
    return 1;
}

/* __index(layer, key). Upvalue 1: {layer -> {name -> code}}. */
static int l_layer_index(lua_State *L) {
    struct llayer *l = lua_touserdata(L, 1); /* only reachable through our locked metatable */
    struct tl_frame *f = check_frame(L, l->f, l->gen);
    lua_rawgeti(L, lua_upvalueindex(1), l->layer);
    lua_pushvalue(L, 2);
    if (lua_rawget(L, -2) != LUA_TNUMBER) {
        lua_pushnil(L);
        return 1;
    }
    int code = (int)lua_tointeger(L, -1);
    if (!tl_layer_push_field(L, f, l->layer, code))
        lua_pushnil(L);
    return 1;
}

static int l_packet_tostring(lua_State *L) {
    struct lpkt *p = luaL_checkudata(L, 1, PKT_MT);
    if (p->gen != p->f->gen)
        lua_pushliteral(L, "packet (expired)");
    else
        lua_pushfstring(L, "packet %d (%d bytes)", (int)p->f->num, (int)p->f->caplen);
    return 1;
}

static int l_layer_tostring(lua_State *L) {
    struct llayer *l = luaL_checkudata(L, 1, LAYER_MT);
    lua_pushfstring(L, "%s layer", layer_names[l->layer]);
    return 1;
}

static int read_be(lua_State *L, int width) {
    struct lpkt *p = check_pkt(L, 1);
    lua_Integer off = luaL_checkinteger(L, 2);
    if (off < 0 || off + width > (lua_Integer)p->f->caplen) {
        lua_pushnil(L);
        return 1;
    }
    uint32_t v = 0;
    for (int i = 0; i < width; i++)
        v = v << 8 | p->f->data[off + i];
    lua_pushinteger(L, v);
    return 1;
}

static int l_packet_u8(lua_State *L) { return read_be(L, 1); }
static int l_packet_u16(lua_State *L) { return read_be(L, 2); }
static int l_packet_u32(lua_State *L) { return read_be(L, 4); }

static int l_packet_sub(lua_State *L) {
    struct lpkt *p = check_pkt(L, 1);
    lua_Integer off = luaL_checkinteger(L, 2);
    lua_Integer n = luaL_optinteger(L, 3, (lua_Integer)p->f->caplen);
    if (off < 0 || off >= (lua_Integer)p->f->caplen || n <= 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    if (n > (lua_Integer)p->f->caplen - off)
        n = (lua_Integer)p->f->caplen - off;
    lua_pushlstring(L, (const char *)p->f->data + off, (size_t)n);
    return 1;
}

/* pkt:inner(off [, n [, linktype]]) -> a new packet decoding the bytes from off (at most n
 * of them; n < 0 or nil: all) as raw IP, or as a frame of the given link type (1: Ethernet,
 * for tunnels that carry frames). stack: -> pkt|nil */
static int l_packet_inner(lua_State *L) {
    struct lpkt *p = check_pkt(L, 1);
    lua_Integer off = luaL_checkinteger(L, 2);
    if (off < 0 || off >= (lua_Integer)p->f->caplen) {
        lua_pushnil(L);
        return 1;
    }
    uint32_t n = p->f->caplen - (uint32_t)off;
    lua_Integer cap = luaL_optinteger(L, 3, -1); /* pkt:inner(off, n): at most n bytes */
    lua_Integer linktype = luaL_optinteger(L, 4, 12 /* DLT_RAW */);
    if (!tl_linktype_supported((int)linktype))
        return luaL_argerror(L, 4, "unsupported link type");
    if (cap >= 0 && (uint32_t)cap < n)
        n = (uint32_t)cap;
    struct lpkt_owned *o = lua_newuserdatauv(L, sizeof(*o) + n, 1);
    memset(&o->frame, 0, sizeof(o->frame));
    memcpy(o->bytes, p->f->data + off, n);
    o->frame.data = o->bytes;
    o->frame.caplen = n;
    o->frame.len = p->f->len > (uint32_t)off ? p->f->len - (uint32_t)off : n;
    if (cap >= 0 && o->frame.len > (uint64_t)cap)
        o->frame.len = (uint32_t)cap; /* n bounds the inner packet, captured or not */
    o->frame.sec = p->f->sec;
    o->frame.frac = p->f->frac;
    o->frame.prec = p->f->prec;
    o->frame.num = p->f->num;
    o->frame.gen = 0;
    o->frame.rel_done = 0; /* quoted TCP headers go through the sequence table, as in tcpdump */
    tl_decode_ex(&o->frame.dec, (int)linktype, o->bytes, n, o->frame.len, 0);
    o->base.tag = &pkt_tag;
    o->base.f = &o->frame;
    o->base.gen = 0;
    lua_rawgeti(L, LUA_REGISTRYINDEX, pkt_mt_ref);
    lua_setmetatable(L, -2);
    return 1;
}

static int l_packet_copy(lua_State *L) {
    struct lpkt *p = check_pkt(L, 1);
    tl_lpkt_copy(L, 1, p->f);
    return 1;
}

int tl_lpkt_field_code(const char *name);

void tl_lpkt_register(lua_State *L) {
    static const luaL_Reg methods[] = {
        {"u8", l_packet_u8},   {"u16", l_packet_u16},     {"u32", l_packet_u32},
        {"sub", l_packet_sub}, {"inner", l_packet_inner}, {"copy", l_packet_copy},
        {NULL, NULL}};
    luaL_newmetatable(L, PKT_MT);
    tl_push_pkt_field_table(L);
    luaL_newlib(L, methods);
    lua_pushcclosure(L, l_packet_index, 2);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_packet_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushliteral(L, "packet"); /* getmetatable() may not reach __index and friends */
    lua_setfield(L, -2, "__metatable");
    lua_pushvalue(L, -1);
    pkt_mt_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pop(L, 1);

    luaL_newmetatable(L, LAYER_MT);
    tl_push_layer_field_tables(L);
    lua_pushcclosure(L, l_layer_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_layer_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushliteral(L, "layer");
    lua_setfield(L, -2, "__metatable");
    layer_mt_ref = luaL_ref(L, LUA_REGISTRYINDEX);
}

const char *tl_layer_name(int layer) {
    return layer >= 0 && layer < TL_LAYER_COUNT ? layer_names[layer] : "?";
}

/* The frame behind a packet value at idx, checked for staleness. */
struct tl_frame *tl_lpkt_frame(lua_State *L, int idx) {
    return check_pkt(L, idx)->f;
}
