/* tcplua output path: one large buffer in front of stdout, written in big blocks
 * (or per packet with -l / -U), with marks so a printer can take back its own text. */
#ifndef TL_OUTPUT_H
#define TL_OUTPUT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct tl_output {
    char *buf;
    size_t len, cap;
    int fd;
    int line_buffered; /* -l: flush at every packet end */
    int failed;        /* a write failed (EPIPE etc.); errno_saved says why */
    int errno_saved;
};

void tl_out_init(struct tl_output *o, int fd);
void tl_out_free(struct tl_output *o);
/* Make room for n more bytes; returns the write position. */
char *tl_out_reserve(struct tl_output *o, size_t n);
void tl_out_grow_bytes(struct tl_output *o, const char *s, size_t n);
/* Append n bytes (inline: the printers call this several times per packet). */
static inline void tl_out_bytes(struct tl_output *o, const char *s, size_t n) {
    if (o->len + n <= o->cap) {
        memcpy(o->buf + o->len, s, n);
        o->len += n;
    } else {
        tl_out_grow_bytes(o, s, n);
    }
}
void tl_out_uint(struct tl_output *o, uint64_t v);
void tl_out_int(struct tl_output *o, int64_t v);
/* Flush everything buffered. Returns 0, or -1 when the write failed. */
int tl_out_flush(struct tl_output *o);
/* Called at the end of each packet: flushes when line-buffered or the buffer is large. */
int tl_out_packet_end(struct tl_output *o);

#endif
