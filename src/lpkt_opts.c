/* Lua views of the variable parts of a header: TCP options (RFC 9293 3.2, RFC 7323,
 * RFC 2018, RFC 2385, RFC 8684, RFC 7413) and IPv6 extension headers (RFC 8200). */
#include <lauxlib.h>

#include "lpkt_fields.h"

static const char *tcp_opt_name(int kind) {
    switch (kind) {
    case 0: return "eol";
    case 1: return "nop";
    case 2: return "mss";
    case 3: return "wscale";
    case 4: return "sackOK";
    case 5: return "sack";
    case 8: return "TS";
    case 19: return "md5";
    case 30: return "mptcp";
    case 34: return "tfo";
    case 253:
    case 254: return "exp";
    default: return "unknown";
    }
}

static void set_int(lua_State *L, const char *k, lua_Integer v) {
    lua_pushinteger(L, v);
    lua_setfield(L, -2, k);
}

/* stack: -> array of option tables */
void tl_push_tcp_options(lua_State *L, struct tl_frame *f) {
    const struct tl_tcp *t = &f->dec.tcp;
    lua_createtable(L, t->opt_count, 0);
    for (int i = 0; i < t->opt_count && i < TL_MAX_TCP_OPTS; i++) {
        const struct tl_tcp_opt *o = &t->opt[i];
        lua_createtable(L, 0, 8);
        set_int(L, "kind", o->kind);
        set_int(L, "len", o->len);
        set_int(L, "off", o->off);
        lua_pushstring(L, o->status == TL_OK          ? "ok"
                          : o->status == TL_TRUNCATED ? "truncated"
                                                      : "invalid");
        lua_setfield(L, -2, "status");
        lua_pushstring(L, tcp_opt_name(o->kind));
        lua_setfield(L, -2, "name");
        /* option body after kind and length, clipped to what was captured */
        if (o->kind > 1 && o->off + 2 <= f->caplen) {
            uint32_t n = o->len > 2 ? o->len - 2u : 0;
            if (o->off + 2 + n > f->caplen)
                n = f->caplen - o->off - 2;
            lua_pushlstring(L, (const char *)f->data + o->off + 2, n);
            lua_setfield(L, -2, "data");
        }
        if (o->status == TL_OK) {
            if (o->kind == 2 && o->n >= 1)
                set_int(L, "mss", o->v[0]);
            else if (o->kind == 3 && o->n >= 1)
                set_int(L, "wscale", o->v[0]);
            else if (o->kind == 8 && o->n >= 2) {
                set_int(L, "val", o->v[0]);
                set_int(L, "ecr", o->v[1]);
            } else if (o->kind == 5) {
                lua_createtable(L, o->n / 2, 0);
                for (int b = 0; b + 1 < o->n; b += 2) {
                    lua_createtable(L, 0, 2);
                    set_int(L, "left", o->v[b]);
                    set_int(L, "right", o->v[b + 1]);
                    lua_rawseti(L, -2, b / 2 + 1);
                }
                lua_setfield(L, -2, "blocks");
            }
        }
        lua_rawseti(L, -2, i + 1);
    }
}

/* stack: -> array of extension header tables */
void tl_push_ip6_ext(lua_State *L, const struct tl_ip6 *ip6) {
    lua_createtable(L, ip6->ext_count, 0);
    for (int i = 0; i < ip6->ext_count && i < TL_MAX_IP6_EXT; i++) {
        lua_createtable(L, 0, 9);
        set_int(L, "type", ip6->ext[i].type);
        set_int(L, "nxt", ip6->ext[i].nxt);
        set_int(L, "off", ip6->ext[i].off);
        set_int(L, "len", ip6->ext[i].len);
        set_int(L, "frag_off", ip6->ext[i].frag_off);
        set_int(L, "m", ip6->ext[i].m);
        set_int(L, "frag_id", ip6->ext[i].frag_id);
        set_int(L, "rtype", ip6->ext[i].rtype);
        set_int(L, "segleft", ip6->ext[i].segleft);
        lua_rawseti(L, -2, i + 1);
    }
}
