/* Bounds-checked reads of captured packet bytes for the decoders in src/decode/.
 * A cursor covers [start, end) of the capture; a read outside it returns 0 and sets the sticky
 * `trunc` flag, so a decoder can read every field first and ask once whether all existed. */
#ifndef TCPLUA_DECODE_CURSOR_H
#define TCPLUA_DECODE_CURSOR_H

#include <stdint.h>
#include <string.h>

struct tl_cursor {
    const uint8_t *data; /* start of the captured data (offset 0) */
    uint32_t start;      /* offset of the layer's first byte */
    uint32_t end;        /* one past the last readable byte */
    uint8_t trunc;       /* a read went past `end` */
};

static inline void cur_init(struct tl_cursor *c, const uint8_t *data, uint32_t start,
                            uint32_t end) {
    c->data = data;
    c->start = start;
    c->end = end;
    c->trunc = 0;
}

/* Bytes readable from the start of the cursor. */
static inline uint32_t cur_avail(const struct tl_cursor *c) {
    return c->end > c->start ? c->end - c->start : 0;
}

/* Are the n bytes at rel (relative to start) all readable? Does not set the flag. */
static inline int cur_has(const struct tl_cursor *c, uint32_t rel, uint32_t n) {
    return (uint64_t)rel + n <= cur_avail(c);
}

static inline int cur_need(struct tl_cursor *c, uint32_t rel, uint32_t n) {
    if (cur_has(c, rel, n))
        return 1;
    c->trunc = 1;
    return 0;
}

static inline uint8_t get_u8(struct tl_cursor *c, uint32_t rel) {
    if (!cur_need(c, rel, 1))
        return 0;
    return c->data[c->start + rel];
}

static inline uint16_t get_u16(struct tl_cursor *c, uint32_t rel) {
    if (!cur_need(c, rel, 2))
        return 0;
    const uint8_t *p = c->data + c->start + rel;
    return (uint16_t)((p[0] << 8) | p[1]);
}

static inline uint32_t get_u32(struct tl_cursor *c, uint32_t rel) {
    if (!cur_need(c, rel, 4))
        return 0;
    const uint8_t *p = c->data + c->start + rel;
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

/* Copy n bytes; bytes that were not captured read as 0. */
static inline void get_bytes(struct tl_cursor *c, uint32_t rel, uint8_t *dst, uint32_t n) {
    uint32_t avail = cur_avail(c), got = 0;
    if (rel < avail)
        got = avail - rel < n ? avail - rel : n;
    if (got)
        memcpy(dst, c->data + c->start + rel, got);
    if (got < n) {
        memset(dst + got, 0, n - got);
        c->trunc = 1;
    }
}

#endif
