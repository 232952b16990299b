/* Field tables of the Lua packet values: names, the header bytes each field needs, and the
 * getters. Shared by lpkt.c (the __index paths) and lpkt_fields.c (getters, copy). */
#ifndef TL_LPKT_FIELDS_H
#define TL_LPKT_FIELDS_H

#include <lua.h>

#include "engine.h"

/* pkt-level fields; layers follow at TL_PF_LAYER0 + enum tl_layer. */
enum {
    TL_PF_NUM = 1,
    TL_PF_SEC,
    TL_PF_FRAC,
    TL_PF_PREC,
    TL_PF_CAPLEN,
    TL_PF_LEN,
    TL_PF_LINKTYPE,
    TL_PF_DATA,
    TL_PF_STOP,
    TL_PF_STOP_STATUS,
    TL_PF_NET_TYPE,
    TL_PF_NET_OFF,
    TL_PF_PAYLOAD,
    TL_PF_PAYLOAD_OFF,
    TL_PF_PAYLOAD_LEN,
    TL_PF_IFACE,
    TL_PF_INPUT,
    TL_PF_LAYER0 = 64
};

/* stack: -> {name -> code} for pkt-level fields */
void tl_push_pkt_field_table(lua_State *L);
/* stack: -> {layer -> {name -> code}} */
void tl_push_layer_field_tables(lua_State *L);
/* Pushes field `code` of `layer`; returns 0 (nothing pushed) when the field's bytes were
 * not captured. */
int tl_layer_push_field(lua_State *L, struct tl_frame *f, int layer, int code);
/* stack: -> plain table copy of the whole packet (pkt_idx is the packet value) */
void tl_lpkt_copy(lua_State *L, int pkt_idx, struct tl_frame *f);
/* The frame behind the packet value at idx, checked for type and staleness (lpkt.c). */
struct tl_frame *tl_lpkt_frame(lua_State *L, int idx);
/* stack: -> value of pkt-level field `code` (lpkt.c) */
void tl_push_pkt_field(lua_State *L, int pkt_idx, struct tl_frame *f, int code);
const char *tl_layer_name(int layer);
/* "a.b.c.d" for the 4 bytes at a, into buf (16 bytes); returns its length */
size_t tl_fmt_ip4(char *buf, const uint8_t *a);
/* "xx:xx:..." for the n bytes at a (at most 32), into buf (3 * n bytes); returns its length */
size_t tl_fmt_mac(char *buf, const uint8_t *a, int n);
/* stack: -> "a.b.c.d" for the 4 bytes at a */
void tl_push_ip4(lua_State *L, const uint8_t *a);
/* stack: -> "xx:xx:..." for the n bytes at a (at most 32) */
void tl_push_mac(lua_State *L, const uint8_t *a, int n);

#endif
