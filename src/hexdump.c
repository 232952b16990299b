/* Hex and ASCII dumps in the layout tcpdump uses for -x, -X and -A: 16 bytes a line, bytes
 * grouped in pairs, an offset at the start of each line, unprintables shown as '.'. */
#include "hexdump.h"

#include <string.h>

static const char hexd[] = "0123456789abcdef";

static int printable(uint8_t c) { return c > 0x20 && c < 0x7f; }

static char *put_offset(char *q, uint32_t off) {
    memcpy(q, "\n\t0x", 4);
    q += 4;
    for (int s = 12; s >= 0; s -= 4)
        *q++ = hexd[(off >> s) & 15];
    *q++ = ':';
    *q++ = ' ';
    return q;
}

void tl_hex(struct tl_output *o, const uint8_t *p, uint32_t n) {
    for (uint32_t line = 0; line < n; line += 16) {
        uint32_t k = n - line < 16 ? n - line : 16;
        char *q0 = tl_out_reserve(o, 16 + 16 * 3);
        if (!q0)
            return;
        char *q = put_offset(q0, line);
        for (uint32_t i = 0; i < k; i++) {
            if (i % 2 == 0)
                *q++ = ' ';
            *q++ = hexd[p[line + i] >> 4];
            *q++ = hexd[p[line + i] & 15];
        }
        o->len += (size_t)(q - q0);
    }
}

void tl_hex_ascii(struct tl_output *o, const uint8_t *p, uint32_t n) {
    for (uint32_t line = 0; line < n; line += 16) {
        uint32_t k = n - line < 16 ? n - line : 16;
        char *q0 = tl_out_reserve(o, 16 + 40 + 2 + 16);
        if (!q0)
            return;
        char *q = put_offset(q0, line);
        char *hexstart = q;
        for (uint32_t i = 0; i < k; i++) {
            if (i % 2 == 0)
                *q++ = ' ';
            *q++ = hexd[p[line + i] >> 4];
            *q++ = hexd[p[line + i] & 15];
        }
        while (q - hexstart < 40) /* the hex column is padded to its full width */
            *q++ = ' ';
        *q++ = ' ';
        *q++ = ' ';
        for (uint32_t i = 0; i < k; i++)
            *q++ = printable(p[line + i]) ? (char)p[line + i] : '.';
        o->len += (size_t)(q - q0);
    }
}

void tl_ascii(struct tl_output *o, const uint8_t *p, uint32_t n) {
    char *q0 = tl_out_reserve(o, (size_t)n + 1);
    if (!q0)
        return;
    char *q = q0;
    *q++ = '\n';
    for (uint32_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        if (c == '\r') {
            /* a CR shows as '.' only with two or more bytes after it and no LF next (tcpdump's
             * rule: a CR among the last two bytes, or before a LF, prints nothing) */
            if (n - i - 1 > 1 && p[i + 1] != '\n')
                *q++ = '.';
        } else if (printable(c) || c == '\t' || c == ' ' || c == '\n') {
            *q++ = (char)c;
        } else {
            *q++ = '.';
        }
    }
    o->len += (size_t)(q - q0);
}
