/* tcplua output buffer: avoids stdio's per-call cost and writes stdout in large blocks,
 * which is a large part of being faster than tcpdump (see docs/design.md). */
#include "output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TL_OUT_BLOCK (64 * 1024)

void tl_out_init(struct tl_output *o, int fd) {
    memset(o, 0, sizeof(*o));
    o->fd = fd;
    o->cap = 2 * TL_OUT_BLOCK;
    o->buf = malloc(o->cap);
    if (!o->buf)
        o->cap = 0;
}

void tl_out_free(struct tl_output *o) {
    free(o->buf);
    o->buf = NULL;
    o->cap = o->len = 0;
}

char *tl_out_reserve(struct tl_output *o, size_t n) {
    if (o->len + n > o->cap) {
        size_t cap = o->cap ? o->cap : TL_OUT_BLOCK;
        while (cap < o->len + n)
            cap *= 2;
        char *nb = realloc(o->buf, cap);
        if (!nb)
            return NULL;
        o->buf = nb;
        o->cap = cap;
    }
    return o->buf + o->len;
}

void tl_out_grow_bytes(struct tl_output *o, const char *s, size_t n) {
    char *p = tl_out_reserve(o, n);
    if (!p)
        return;
    memcpy(p, s, n);
    o->len += n;
}

/* "00" .. "99", so numbers are written two digits per division */
static const char digits2[] = "00010203040506070809101112131415161718192021222324252627282930"
                              "31323334353637383940414243444546474849505152535455565758596061"
                              "6263646566676869707172737475767778798081828384858687888990919293"
                              "949596979899";

void tl_out_uint(struct tl_output *o, uint64_t v) {
    char tmp[24];
    int i = sizeof(tmp);
    while (v >= 100) {
        unsigned d = (unsigned)(v % 100) * 2;
        v /= 100;
        tmp[--i] = digits2[d + 1];
        tmp[--i] = digits2[d];
    }
    if (v >= 10) {
        tmp[--i] = digits2[v * 2 + 1];
        tmp[--i] = digits2[v * 2];
    } else {
        tmp[--i] = (char)('0' + v);
    }
    tl_out_bytes(o, tmp + i, sizeof(tmp) - (size_t)i);
}

void tl_out_int(struct tl_output *o, int64_t v) {
    if (v < 0) {
        tl_out_bytes(o, "-", 1);
        tl_out_uint(o, (uint64_t)(-(v + 1)) + 1);
    } else {
        tl_out_uint(o, (uint64_t)v);
    }
}

int tl_out_flush(struct tl_output *o) {
    size_t done = 0;
    while (done < o->len && !o->failed) {
        ssize_t w = write(o->fd, o->buf + done, o->len - done);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            o->failed = 1;
            o->errno_saved = errno;
            break;
        }
        done += (size_t)w;
    }
    o->len = 0;
    return o->failed ? -1 : 0;
}

int tl_out_packet_end(struct tl_output *o) {
    if (o->line_buffered || o->len >= TL_OUT_BLOCK)
        return tl_out_flush(o);
    return 0;
}
