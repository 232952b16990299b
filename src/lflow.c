/* Lua flow values: a small userdata naming a flow-table entry by pointer and id. Entries
 * are pooled and never freed during a run, so a flow kept after it ended is recognised by
 * its changed id and refused, instead of reading another flow's data. */
#include <arpa/inet.h>
#include <lauxlib.h>
#include <lua.h>
#include <string.h>

#include "engine.h"
#include "flow.h"

#define FLOW_MT "tcplua.flow"

struct lflow {
    struct tl_flow *f;
    uint32_t id;
};

static const char *const flow_fields[] = {"id",
                                          "proto",
                                          "family",
                                          "client",
                                          "server",
                                          "client_port",
                                          "server_port",
                                          "first",
                                          "last",
                                          "duration",
                                          "first_sec",
                                          "first_frac",
                                          "last_sec",
                                          "last_frac",
                                          "orig_pkts",
                                          "orig_bytes",
                                          "orig_payload",
                                          "resp_pkts",
                                          "resp_bytes",
                                          "resp_payload",
                                          "from_client",
                                          "rel_seq",
                                          "rel_ack",
                                          "orig_isn",
                                          "resp_isn",
                                          "orig_state",
                                          "resp_state",
                                          "conn_state",
                                          "history",
                                          "rtt",
                                          "syn_time",
                                          "synack_time",
                                          "ack_time",
                                          "syns",
                                          "orig_retrans",
                                          "resp_retrans",
                                          "orig_ooo",
                                          "resp_ooo",
                                          "orig_dupacks",
                                          "resp_dupacks",
                                          "orig_zero_win",
                                          "resp_zero_win",
                                          "orig_gaps",
                                          "resp_gaps",
                                          "orig_badsum",
                                          "resp_badsum",
                                          "state",
                                          "ended",
                                          "prec",
                                          NULL};

static void push_addr(lua_State *L, const struct tl_flow *f, const uint8_t *a) {
    char buf[INET6_ADDRSTRLEN];
    inet_ntop(f->family == 6 ? AF_INET6 : AF_INET, a, buf, sizeof(buf));
    lua_pushstring(L, buf);
}

static double tsec(const struct tl_engine *e, int64_t s, uint32_t frac) {
    return (double)s + (double)frac / (e->frame.prec == 9 ? 1e9 : 1e6);
}

static void push_hs_time(lua_State *L, const struct tl_engine *e, const struct tl_flow *f,
                         uint32_t us) {
    if (us == UINT32_MAX)
        lua_pushnil(L);
    else
        lua_pushnumber(L, tsec(e, f->first_sec, f->first_frac) + us / 1e6);
}

/* flow.state: created on first use, owned by the script. stack: -> table */
static void push_state(lua_State *L, struct tl_flow *f) {
    if (f->lua_state_ref == 0) {
        lua_newtable(L);
        f->lua_state_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, f->lua_state_ref);
}

static void push_flow_field(lua_State *L, struct tl_engine *e, struct tl_flow *f, int i) {
    const struct tl_flow_dir *o = &f->d[0], *r = &f->d[1];
    int cur = e->cur_hit.flow == f;
    switch (i) {
    case 0: lua_pushinteger(L, f->id); break;
    case 1: lua_pushinteger(L, f->proto); break;
    case 2: lua_pushinteger(L, f->family); break;
    case 3: push_addr(L, f, f->cli); break;
    case 4: push_addr(L, f, f->srv); break;
    case 5: lua_pushinteger(L, f->cport); break;
    case 6: lua_pushinteger(L, f->sport); break;
    case 7: lua_pushnumber(L, tsec(e, f->first_sec, f->first_frac)); break;
    case 8: lua_pushnumber(L, tsec(e, f->last_sec, f->last_frac)); break;
    case 9:
        lua_pushnumber(L,
                       tsec(e, f->last_sec, f->last_frac) - tsec(e, f->first_sec, f->first_frac));
        break;
    case 10: lua_pushinteger(L, f->first_sec); break;
    case 11: lua_pushinteger(L, f->first_frac); break;
    case 12: lua_pushinteger(L, f->last_sec); break;
    case 13: lua_pushinteger(L, f->last_frac); break;
    case 14: lua_pushinteger(L, o->pkts); break;
    case 15: lua_pushinteger(L, (lua_Integer)o->bytes); break;
    case 16: lua_pushinteger(L, (lua_Integer)o->payload); break;
    case 17: lua_pushinteger(L, r->pkts); break;
    case 18: lua_pushinteger(L, (lua_Integer)r->bytes); break;
    case 19: lua_pushinteger(L, (lua_Integer)r->payload); break;
    case 20:
        if (cur)
            lua_pushboolean(L, e->cur_hit.from_client);
        else
            lua_pushnil(L);
        break;
    case 21:
        if (cur && f->proto == 6)
            lua_pushinteger(L, e->cur_hit.rel_seq);
        else
            lua_pushnil(L);
        break;
    case 22:
        if (cur && f->proto == 6)
            lua_pushinteger(L, e->cur_hit.rel_ack);
        else
            lua_pushnil(L);
        break;
    case 23:
        if (o->have_isn)
            lua_pushinteger(L, o->isn);
        else
            lua_pushnil(L);
        break;
    case 24:
        if (r->have_isn)
            lua_pushinteger(L, r->isn);
        else
            lua_pushnil(L);
        break;
    case 25: lua_pushstring(L, tl_flow_ep_name(o->state)); break;
    case 26: lua_pushstring(L, tl_flow_ep_name(r->state)); break;
    case 27: lua_pushstring(L, tl_flow_conn_state(f)); break;
    case 28: lua_pushstring(L, f->history); break;
    case 29:
        if (f->syn_us != UINT32_MAX && f->ack_us != UINT32_MAX)
            lua_pushnumber(L, (f->ack_us - f->syn_us) / 1e6);
        else
            lua_pushnil(L);
        break;
    case 30: push_hs_time(L, e, f, f->syn_us); break;
    case 31: push_hs_time(L, e, f, f->synack_us); break;
    case 32: push_hs_time(L, e, f, f->ack_us); break;
    case 33: lua_pushinteger(L, f->syns); break;
    case 34: lua_pushinteger(L, o->retrans); break;
    case 35: lua_pushinteger(L, r->retrans); break;
    case 36: lua_pushinteger(L, o->ooo); break;
    case 37: lua_pushinteger(L, r->ooo); break;
    case 38: lua_pushinteger(L, o->dupacks); break;
    case 39: lua_pushinteger(L, r->dupacks); break;
    case 40: lua_pushinteger(L, o->zero_win); break;
    case 41: lua_pushinteger(L, r->zero_win); break;
    case 42: lua_pushinteger(L, o->gaps); break;
    case 43: lua_pushinteger(L, r->gaps); break;
    case 44: lua_pushinteger(L, o->badsum); break;
    case 45: lua_pushinteger(L, r->badsum); break;
    case 46: push_state(L, f); break;
    case 48: lua_pushinteger(L, e->frame.prec); break;
    default:
        if (f->end_reason == TL_END_FIN)
            lua_pushliteral(L, "fin");
        else if (f->end_reason == TL_END_RST)
            lua_pushliteral(L, "rst");
        else
            lua_pushnil(L);
    }
}

/* __index(flow, key). Upvalue 1: name -> index. */
static int l_flow_index(lua_State *L) {
    struct lflow *lf = lua_touserdata(L, 1); /* only reachable through our locked metatable */
    if (lf->f->id != lf->id)
        return luaL_error(L, "flow used after it ended (copy the fields you need in flow_end)");
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNUMBER) {
        lua_pushnil(L);
        return 1;
    }
    push_flow_field(L, tl_engine_from(L), lf->f, (int)lua_tointeger(L, -1));
    return 1;
}

static int l_flow_tostring(lua_State *L) {
    struct lflow *lf = luaL_checkudata(L, 1, FLOW_MT);
    lua_pushfstring(L, "flow %d", (int)lf->id);
    return 1;
}

void tl_lflow_register(lua_State *L) {
    luaL_newmetatable(L, FLOW_MT);
    lua_newtable(L);
    for (int i = 0; flow_fields[i]; i++) {
        lua_pushinteger(L, i);
        lua_setfield(L, -2, flow_fields[i]);
    }
    lua_pushcclosure(L, l_flow_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_flow_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushliteral(L, "flow");
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
}

void tl_lflow_push(lua_State *L, struct tl_flow *f) {
    /* stack: -> flow (or nil) */
    if (!f) {
        lua_pushnil(L);
        return;
    }
    struct lflow *lf = lua_newuserdatauv(L, sizeof(*lf), 0);
    lf->f = f;
    lf->id = f->id;
    luaL_setmetatable(L, FLOW_MT);
}

/* Drops the script's state table of a flow that is ending. */
void tl_lflow_release(lua_State *L, struct tl_flow *f) {
    if (f->lua_state_ref) {
        luaL_unref(L, LUA_REGISTRYINDEX, f->lua_state_ref);
        f->lua_state_ref = 0;
    }
}
